import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { lockBudgetMs } from "./deadline";
import { acquireDataDirLock } from "./lock";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: the same API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type DbState = {
  db: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
};

export function pgliteDir(): string {
  const dir = process.env.PGLITE_DIR || ".data/pglite";
  return dir.startsWith("memory://") ? dir : path.resolve(/*turbopackIgnore: true*/ dir);
}

/**
 * Pool settings so a database restart or a dropped connection costs seconds, not minutes (times in
 * seconds): idle connections are closed after 20 s (a restarted server's dead sockets are not
 * kept), every connection is replaced after 30 minutes, a connection that cannot be opened fails
 * after 3 s (the request answers 503 instead of hanging), and a failed connection is retried after
 * at most half a second. postgres.js's own backoff grows to 20 s after a few failures in a row, so
 * after a 3-second restart requests stalled and failed for another 13 s; this one does not.
 */
export const POOL_TIMEOUTS = {
  idle_timeout: 20,
  max_lifetime: 30 * 60,
  connect_timeout: 3,
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
} as const;

/** A whole number of milliseconds from the environment; 0 turns the limit off; anything else invalid → the default. */
function msSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/**
 * Bounded waiting on every connection (milliseconds, 0 = no limit): a statement runs at most
 * DB_STATEMENT_TIMEOUT_MS (5000), waits for a row or table lock at most DB_LOCK_TIMEOUT_MS (3000),
 * and a transaction left idle is ended after DB_IDLE_TX_TIMEOUT_MS (10000). A request that runs
 * into one of them answers 503 with Retry-After (SQLSTATE 55P03, 57014, 25P03 — lib/errors.ts)
 * instead of holding its connection and starving the rest of the pool. PGlite is one connection
 * inside this process: no other session can hold a lock it waits for, so they do not apply there.
 */
export function dbTimeouts() {
  return {
    statementTimeoutMs: msSetting("DB_STATEMENT_TIMEOUT_MS", 5000),
    lockTimeoutMs: msSetting("DB_LOCK_TIMEOUT_MS", 3000),
    idleInTransactionTimeoutMs: msSetting("DB_IDLE_TX_TIMEOUT_MS", 10000),
  };
}

/** postgres.js options of every pool the app opens (the app's, the job queue's). */
export function postgresOptions(max: number) {
  const t = dbTimeouts();
  return {
    max,
    ...POOL_TIMEOUTS,
    onnotice: () => {},
    // Sent as start-up parameters: every connection of the pool has them from its first statement.
    connection: {
      // JIT compiles queries the planner costs high (counts, aggregates) in tens of ms, more than
      // they take once their indexes serve them (docs/performance.md).
      jit: "off",
      statement_timeout: t.statementTimeoutMs,
      lock_timeout: t.lockTimeoutMs,
      idle_in_transaction_session_timeout: t.idleInTransactionTimeoutMs,
    },
  } satisfies postgres.Options<Record<string, postgres.PostgresType>>;
}

/** The pool size of the app's PostgreSQL client (DB_POOL_MAX, default 10). */
export const dbPoolMax = () => {
  const n = Number(process.env.DB_POOL_MAX ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
};

/**
 * SQLSTATEs of a database that is busy or unreachable for a moment rather than of a bug: a lock
 * or statement timeout, an idle transaction ended, connection failures (class 08), shutdown.
 */
const TRANSIENT_SQLSTATES = new Set(["55P03", "57014", "25P03", "57P01", "57P02", "57P03", "53300"]);
export const isTransientSqlState = (code: unknown) => typeof code === "string" && (TRANSIENT_SQLSTATES.has(code) || code.startsWith("08"));

/**
 * A failed query of a page render carries the digest of "the database is busy or unavailable" when
 * its cause is transient, so app/error.tsx shows "try again in a moment" (and retries by itself)
 * instead of the generic error; every other failure keeps the digest Next gives it.
 */
function markTransientQueryErrors() {
  const proto = DrizzleQueryError.prototype as unknown as Record<string, unknown>;
  if (Object.getOwnPropertyDescriptor(proto, "digest")) return;
  Object.defineProperty(proto, "digest", {
    configurable: true,
    get(this: DrizzleQueryError) {
      return isTransientSqlState((this.cause as { code?: unknown } | undefined)?.code) ? "RAKOR_DB_UNAVAILABLE" : undefined;
    },
    set(this: DrizzleQueryError, value: unknown) {
      Object.defineProperty(this, "digest", { value, writable: true, configurable: true, enumerable: false });
    },
  });
}

function open(): DbState {
  markTransientQueryErrors();
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, postgresOptions(dbPoolMax()));
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = pgliteDir();
  let release = () => {};
  if (!dir.startsWith("memory://")) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    release = acquireDataDirLock(dir);
  }
  // Tests start each file from a snapshot (migrated and seeded once) instead of migrating again.
  const snapshot = process.env.PGLITE_SNAPSHOT;
  // pg_trgm (room suggestions by similarity) ships with PGlite as a contrib extension.
  const extensions = { pg_trgm };
  const client = snapshot
    ? new PGlite({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(snapshot)]), extensions })
    : new PGlite(dir, { extensions });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

// One client per process, kept across hot reloads.
const globalForDb = globalThis as unknown as { __rakorDb?: DbState };

export function dbState(): DbState {
  globalForDb.__rakorDb ??= open();
  return globalForDb.__rakorDb;
}

/**
 * The one database handle. Opened on first use (never at import, so `next build` does not
 * touch the database).
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const state = dbState();
    const real = state.db;
    if (prop === "transaction" && state.kind === "postgres") return transactionWithinDeadline(real);
    const value = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/**
 * A transaction of a write request (db/deadline.ts) waits for locks only as long as the request has
 * left: its first statement lowers lock_timeout for this transaction alone.
 */
function transactionWithinDeadline(real: Db): Db["transaction"] {
  return ((work: (tx: Tx) => Promise<unknown>, config?: Parameters<Db["transaction"]>[1]) =>
    real.transaction(async (tx) => {
      const budget = lockBudgetMs();
      if (budget !== null && budget < dbTimeouts().lockTimeoutMs) await tx.execute(sql`select set_config('lock_timeout', ${String(budget)}, true)`);
      return work(tx);
    }, config)) as Db["transaction"];
}

const g = globalThis as unknown as { __rakorDbClosers?: Set<() => Promise<void>> };
/** Work to finish before the database closes (the job queue's pool): run by closeDb, once. */
export function beforeDbClose(fn: () => Promise<void>) {
  (g.__rakorDbClosers ??= new Set()).add(fn);
}

export async function closeDb() {
  const closers = [...(g.__rakorDbClosers ?? [])];
  g.__rakorDbClosers?.clear();
  for (const close of closers) await close().catch(() => {});
  const state = globalForDb.__rakorDb;
  globalForDb.__rakorDb = undefined;
  if (state) await state.close();
}

/**
 * A json value as one type on both drivers (a driver may hand json over as text).
 */
export const parseJson = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

/** A json array expression as a select column: parsed on both drivers, [] when SQL gives null. */
export const jsonList = <T = string>(expr: SQL) => sql<T[]>`coalesce(${expr}, '[]'::json)`.mapWith((v: unknown) => parseJson<T[]>(v));

/** Row types of `rows<T>()` are camelCase: a snake_case key is a type error (alias the column or let rows() convert it). */
type CamelKeys<T> = { [K in keyof T]: K extends `${string}_${string}` ? never : T[K] };

const INT8 = 20;
const JSON_TYPES = new Set([114, 3802]);
const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
type RawRow = Record<string, unknown>;
/** postgres.js: an array of rows with `columns`; PGlite: `{ rows, fields }`. */
type RawResult = (RawRow[] & { columns?: { name: string; type: number }[] }) | { rows?: RawRow[]; fields?: { name: string; dataTypeID: number }[] };

/**
 * Runs raw SQL and returns its rows the same way whichever driver is underneath: keys camelCase
 * (`unit_name` → `unitName`), json parsed, bigint (count(*)) as a number. Timestamps come as
 * text and dates as YYYY-MM-DD on both drivers.
 */
export async function rows<T extends CamelKeys<T>>(query: SQL, handle: DbOrTx = db): Promise<T[]> {
  const result = (await handle.execute(query)) as unknown as RawResult;
  const list = Array.isArray(result) ? result : (result.rows ?? []);
  const types = new Map<string, number>(
    Array.isArray(result) ? (result.columns ?? []).map((c) => [c.name, c.type]) : (result.fields ?? []).map((f) => [f.name, f.dataTypeID]),
  );
  const convert = (key: string, v: unknown) => {
    const type = types.get(key);
    if (type === INT8 && typeof v === "string") return Number(v);
    if (type !== undefined && JSON_TYPES.has(type)) return parseJson(v);
    return v;
  };
  return list.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), convert(k, v)])) as T);
}

export { schema };
