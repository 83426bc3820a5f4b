// Plain JavaScript so that scripts/start.mjs (run by node before any build) shares it; typed by
// data-dir-lock.d.mts, used through db/lock.ts.
import fs from "node:fs";
import os from "node:os";

/**
 * An exclusive lock on a PGlite data dir. PGlite has no locking of its own, and two processes
 * writing one data dir corrupt it silently, so every process that opens it takes this lock first.
 * The lock is a file beside the data dir holding the owner's PID; a lock whose process is gone
 * (a crash, a kill -9) is taken over.
 */
export class DataDirLockedError extends Error {
  /** @param {string} dir @param {number} ownerPid */
  constructor(dir, ownerPid) {
    super(
      `The embedded database at ${dir} is in use by another process (PID ${ownerPid}), ` +
        `probably a running Rakor server. Only one process may open it at a time: ` +
        `stop that process first (or set PGLITE_DIR to another folder, or DATABASE_URL to use PostgreSQL).`,
    );
    this.name = "DataDirLockedError";
    this.dir = dir;
    this.ownerPid = ownerPid;
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return /** @type {NodeJS.ErrnoException} */ (e).code === "EPERM";
  }
}

/** @param {string} dir */
export function lockFileFor(dir) {
  return `${dir.replace(/\/+$/, "")}.lock`;
}

/** Who holds the lock, if anyone alive does. */
/** @param {string} dir @returns {number | null} */
export function lockOwner(dir) {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFileFor(dir), "utf8").split("\n")[0] ?? "", 10);
    if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) return pid;
    return null;
  } catch {
    return null;
  }
}

/** @param {string} dir @returns {() => void} */
export function acquireDataDirLock(dir) {
  const file = lockFileFor(dir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n${os.hostname()}\n${new Date().toISOString()}\n`, { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8").startsWith(`${process.pid}\n`)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== "EEXIST") throw e;
      const content = fs.readFileSync(file, "utf8");
      const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
      if (pid === process.pid) return () => {};
      if (Number.isFinite(pid) && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      // Stale lock from a process that is gone: remove it and try again.
      try {
        fs.unlinkSync(file);
      } catch {
        /* someone else removed it */
      }
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
