/**
 * An exclusive lock on a PGlite data dir (see data-dir-lock.mjs: plain JavaScript so that
 * scripts/start.mjs shares the one implementation).
 */
export { DataDirLockedError, acquireDataDirLock, lockFileFor, lockOwner } from "./data-dir-lock.mjs";
