export class DataDirLockedError extends Error {
  readonly dir: string;
  readonly ownerPid: number;
  constructor(dir: string, ownerPid: number);
}
export function lockFileFor(dir: string): string;
export function lockOwner(dir: string): number | null;
export function acquireDataDirLock(dir: string): () => void;
