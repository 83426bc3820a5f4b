import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { db, dbState, type Db } from "./client";
import { prepareQueues } from "./queue";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");
export const functionsFolder = path.join(process.cwd(), "db", "functions");

/**
 * The trigger and SQL functions, one file each (db/functions/NN_name.sql, `CREATE OR REPLACE`):
 * the one place their current logic is read and changed. Applied after the migrations on every
 * start, in file-name order (idempotent); the migrations that first created them stay as history.
 */
export function functionFiles(): { name: string; file: string; text: string }[] {
  return fs
    .readdirSync(functionsFolder)
    .filter((f) => /^\d{2}_\w+\.sql$/.test(f))
    .sort()
    .map((file) => ({ name: file.replace(/^\d{2}_|\.sql$/g, ""), file, text: fs.readFileSync(path.join(functionsFolder, file), "utf8") }));
}

async function applyFunctions(handle: { execute: (q: ReturnType<typeof sql.raw>) => Promise<unknown> }) {
  for (const f of functionFiles()) await handle.execute(sql.raw(f.text));
}

/** Arbitrary key of the advisory lock that serialises start-up work across app instances. */
const STARTUP_LOCK = 727_001;

/**
 * Applies pending migrations and prepares the job queue's tables and queues (db/queue.ts), then runs `after` (e.g. the demo seed) while still holding the lock.
 * On PostgreSQL several app instances may start at once: a session advisory lock on a dedicated
 * connection makes them take turns. PGlite is already exclusive to this process.
 */
export async function migrateDatabase(after?: (db: Db) => Promise<void>) {
  const state = dbState();
  if (state.kind === "pglite") {
    await migratePglite(state.db as never, { migrationsFolder });
    await applyFunctions(state.db);
    await prepareQueues();
    if (after) await after(db);
    return;
  }
  const conn = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const lockDb = drizzlePostgres(conn);
    await lockDb.execute(sql`select pg_advisory_lock(${STARTUP_LOCK})`);
    try {
      await migratePostgres(lockDb, { migrationsFolder });
      await applyFunctions(lockDb);
      await prepareQueues();
      if (after) await after(db);
    } finally {
      await lockDb.execute(sql`select pg_advisory_unlock(${STARTUP_LOCK})`);
    }
  } finally {
    await conn.end({ timeout: 5 });
  }
}
