import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The instant by which a write request should have its row locks (set by lib/write-slots.ts when a
 * writer gets its turn). A transaction started inside it waits for locks only as long as is left
 * (db/client.ts sets lock_timeout for that transaction), so a writer answers within about the lock
 * timeout however long its reads before the write took.
 */
const store = new AsyncLocalStorage<{ lockDeadline: number }>();

export const withLockDeadline = <T>(lockDeadline: number, work: () => Promise<T>): Promise<T> => store.run({ lockDeadline }, work);

/** Milliseconds left to wait for locks in this request, or null outside a write request. */
export function lockBudgetMs(now = Date.now()): number | null {
  const s = store.getStore();
  return s ? Math.max(50, s.lockDeadline - now) : null;
}
