import { dbPoolMax, dbTimeouts } from "@/db/client";
import { withLockDeadline } from "@/db/deadline";
import { AppError } from "./errors";

/**
 * Writers queue in front of the database so a row lock cannot starve everything else: while one
 * transaction holds a meeting row, every PATCH to it waits up to the lock timeout holding a pool
 * connection — enough of them and a plain GET /api/v1/me waits for a connection too.
 *
 * So this instance lets at most DB_WRITERS_MAX writes (default: half the pool, at least 1) run at
 * once, and at most DB_WRITERS_PER_RESOURCE (default 2) on one resource (the request path: a
 * meeting, its attendance, one follow-up). A write waits DB_WRITER_WAIT_MS (default 500) for its
 * turn, then answers 503 with Retry-After ("busy, try again"); its transactions wait for row locks
 * only until the lock timeout counted from the start (db/deadline.ts). So a writer answers within
 * about the lock timeout, and reads always have the other half of the pool.
 *
 * These counters are per instance on purpose, like the pool they protect (they count this
 * process's connections, not shared state); the rows themselves are guarded by PostgreSQL.
 */
export class WritersBusyError extends AppError {
  constructor() {
    super(503, "errors.busy");
  }
}

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return raw !== undefined && raw.trim() !== "" && Number.isInteger(n) && n > 0 ? n : fallback;
};

export const writerLimits = () => ({
  total: positive(process.env.DB_WRITERS_MAX, Math.max(1, Math.floor(dbPoolMax() / 2))),
  perResource: positive(process.env.DB_WRITERS_PER_RESOURCE, 2),
  waitMs: positive(process.env.DB_WRITER_WAIT_MS, 500),
});

/** Of a write request's lock timeout, kept back to roll back and answer. */
const ANSWER_RESERVE_MS = 500;

type Waiter = { key: string; grant: () => void };
type SlotState = { running: number; perKey: Map<string, number>; waiting: Waiter[] };

const g = globalThis as unknown as { __rakorWriteSlots?: SlotState };
const state = (): SlotState => (g.__rakorWriteSlots ??= { running: 0, perKey: new Map(), waiting: [] });

function free(s: SlotState, key: string, limits: ReturnType<typeof writerLimits>) {
  return s.running < limits.total && (s.perKey.get(key) ?? 0) < limits.perResource;
}

function take(s: SlotState, key: string) {
  s.running++;
  s.perKey.set(key, (s.perKey.get(key) ?? 0) + 1);
}

function release(s: SlotState, key: string) {
  s.running--;
  const n = (s.perKey.get(key) ?? 1) - 1;
  if (n <= 0) s.perKey.delete(key);
  else s.perKey.set(key, n);
  // Wake the first waiter (in arrival order) whose resource has room.
  const limits = writerLimits();
  for (let i = 0; i < s.waiting.length; i++) {
    const w = s.waiting[i]!;
    if (!free(s, w.key, limits)) continue;
    s.waiting.splice(i, 1);
    take(s, w.key);
    w.grant();
    return;
  }
}

/**
 * Runs `work` as one of this instance's writers on `resource`; WritersBusyError (503) when no turn
 * comes in time. `started`: when the request arrived (its lock waits end a lock timeout after it).
 */
export async function withWriteSlot<T>(resource: string, work: () => Promise<T>, started = Date.now()): Promise<T> {
  const s = state();
  const limits = writerLimits();
  // Its row locks are waited for only until the lock timeout counted from the request's arrival,
  // less ANSWER_RESERVE_MS to roll back and answer: reads before the write, slow under load, do not
  // add to a writer's wait (db/deadline.ts). Its turn is waited for no longer than that either.
  const lockTimeout = dbTimeouts().lockTimeoutMs;
  const deadline = lockTimeout > 0 ? started + lockTimeout - Math.min(ANSWER_RESERVE_MS, lockTimeout / 4) : null;
  if (free(s, resource, limits)) {
    take(s, resource);
  } else {
    const waitMs = Math.min(limits.waitMs, deadline === null ? limits.waitMs : deadline - Date.now());
    if (waitMs <= 0) throw new WritersBusyError();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        key: resource,
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = s.waiting.indexOf(waiter);
        if (i >= 0) s.waiting.splice(i, 1);
        reject(new WritersBusyError());
      }, waitMs);
      s.waiting.push(waiter);
    });
  }
  try {
    return deadline === null ? await work() : await withLockDeadline(deadline, work);
  } finally {
    release(s, resource);
  }
}

/** The writers running and waiting now (for tests and the health check). */
export function writeSlotStats() {
  const s = state();
  return { running: s.running, waiting: s.waiting.length };
}
