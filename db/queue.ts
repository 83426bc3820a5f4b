import PgBoss from "pg-boss";
import postgres from "postgres";
import { beforeDbClose, dbState, postgresOptions } from "./client";

/**
 * Background jobs run on pg-boss (a PostgreSQL job queue: SKIP LOCKED fetches, retries with
 * backoff, dead letters, cron schedules kept in the database), never on a loop of our own. Its
 * tables live in the `pgboss` schema of the app's database:
 *  - PostgreSQL: a small pool of its own (JOBS_POOL_MAX, default 2) with the app's connection
 *    settings; several app instances share the queue and each job is fetched by exactly one.
 *  - PGlite: the app's one embedded client (one process may open the data folder), through an adapter.
 * Jobs are enqueued in the caller's transaction (lib/jobs/enqueue.ts): a rolled-back change leaves no job.
 */
export const JOB_SCHEMA = "pgboss";

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v >= 0 ? v : fallback;
}

export type QueuePolicy = {
  /** Attempts after the first. */
  retryLimit: number;
  /** Seconds before the first retry; doubled on each further one when retryBackoff. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still active after this long is failed (and retried). */
  expireInSeconds: number;
  /** How long finished jobs are kept (for the admin's view), in seconds. */
  retentionSeconds?: number;
  /** Where a job goes once its retries are spent (another queue of this list). */
  deadLetter?: string;
};

/**
 * Every queue the app uses, with its retry policy. A new kind of background work adds its queue
 * here (created or updated at start, under the start-up lock) and its handler in lib/jobs/handlers.ts.
 */
export const QUEUES = {
  /** The follow-up reminders (due soon, overdue, escalation) and the overdue cutoffs: scheduled by cron. */
  reminders: { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  /** Events → webhook deliveries (lib/integrations/webhooks.ts): by cron every minute, and after a subscription is made. */
  "webhooks-fanout": { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 5 * 60 },
  /** One delivery to one receiver: retried with exponential backoff (30 s, 1, 2, 4 … 64 min: 8 attempts in about 2 hours). */
  "webhook-deliver": { retryLimit: 7, retryDelay: 30, retryBackoff: true, expireInSeconds: 2 * 60 },
  /**
   * One job per outgoing e-mail (an outbox_emails row). Tries 1 + EMAIL_RETRY_LIMIT times (default
   * 3), waiting EMAIL_RETRY_DELAY_SECONDS (default 30) before the first retry and doubling it each
   * time; after the last failure the row is marked "failed" and listed as a dead letter on /admin/outbox.
   */
  email: {
    retryLimit: envInt("EMAIL_RETRY_LIMIT", 2),
    retryDelay: envInt("EMAIL_RETRY_DELAY_SECONDS", 30),
    retryBackoff: true,
    expireInSeconds: 120,
  },
  /** A notice to many people (everyone in the invited units): written set-based by one job. */
  notices: { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 10 * 60 },
} satisfies Record<string, QueuePolicy>;

export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

type SqlClient = ReturnType<typeof postgres>;
type PgliteLike = {
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  exec: (text: string) => Promise<{ rows: unknown[] }[]>;
};

/** pg-boss's database interface over postgres.js (multi-statement scripts on a reserved connection). */
function postgresJsDb(client: SqlClient): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        return { rows: (await client.unsafe(text, values.map((v) => (v === undefined ? null : v)) as never[])) as unknown[] };
      }
      const conn = await client.reserve();
      try {
        const result = (await conn.unsafe(text, [], { prepare: false }).simple()) as unknown as unknown[];
        // A script of several statements answers one array per statement: the last one's rows count.
        const last = Array.isArray(result[0]) ? (result.at(-1) as unknown[]) : result;
        return { rows: last ?? [] };
      } finally {
        conn.release();
      }
    },
  };
}

/** pg-boss's database interface over the embedded PGlite client. */
export function pgliteDb(client: PgliteLike): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await client.query(text, values.map((v) => (v === undefined ? null : v)))).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

type QueueState = { db: PgBoss.Db; boss: PgBoss; close: () => Promise<void> };
const g = globalThis as unknown as { __rakorQueue?: QueueState };

const bossOptions = (db: PgBoss.Db, runtime: boolean): PgBoss.ConstructorOptions => ({
  db,
  schema: JOB_SCHEMA,
  migrate: true,
  // Maintenance (expiring stuck jobs, deleting old ones) and cron run only where the runtime is
  // started (lib/jobs/runtime.ts); any process may enqueue.
  supervise: runtime,
  schedule: runtime,
  // Finished and failed jobs are kept a week for the admin's view.
  deleteAfterDays: 7,
});

function state(): QueueState {
  if (g.__rakorQueue) return g.__rakorQueue;
  const app = dbState();
  let db: PgBoss.Db;
  let close = async () => {};
  if (app.kind === "pglite") {
    db = pgliteDb((app.db as unknown as { $client: PgliteLike }).$client);
  } else {
    // pg-boss hands its JSON parameters over already serialized (a string for `json_to_recordset($1)`):
    // postgres.js would stringify them again into a JSON string scalar, so strings pass as they are.
    const json = { to: 114, from: [114, 3802], serialize: (x: unknown) => (typeof x === "string" ? x : JSON.stringify(x)), parse: (x: string) => JSON.parse(x) as unknown };
    const client = postgres(process.env.DATABASE_URL!, { ...postgresOptions(Number(process.env.JOBS_POOL_MAX ?? 2)), types: { json } });
    db = postgresJsDb(client);
    close = () => client.end({ timeout: 5 });
  }
  const boss = new PgBoss(bossOptions(db, true));
  boss.on("error", (e: Error) => console.error("[rakor] job queue:", e.message));
  g.__rakorQueue = { db, boss, close };
  beforeDbClose(closeQueue);
  return g.__rakorQueue;
}

/**
 * The process's pg-boss instance. Not started until lib/jobs/runtime.ts starts the workers;
 * enqueueing with a transaction's handle needs no start.
 */
export const queue = (): PgBoss => state().boss;

/**
 * Creates (or migrates) the queue's tables and every queue of QUEUES with its current policy.
 * Runs at start-up inside the migration lock; idempotent.
 */
export async function prepareQueues() {
  const boss = new PgBoss(bossOptions(state().db, false));
  boss.on("error", () => {});
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of QUEUE_NAMES) {
      const policy: QueuePolicy = QUEUES[name];
      const options = { name, policy: "standard" as const, ...policy };
      if (existing.has(name)) await boss.updateQueue(name, options);
      else await boss.createQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
  }
}

export async function closeQueue() {
  const current = g.__rakorQueue;
  g.__rakorQueue = undefined;
  if (!current) return;
  await current.boss.stop({ graceful: true, close: false, wait: true, timeout: 5000 }).catch(() => {});
  await current.close();
}
