import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { db, dbState, type Db } from "./client";
import { prepareQueues } from "./queue";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

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
      await prepareQueues();
      if (after) await after(db);
    } finally {
      await lockDb.execute(sql`select pg_advisory_unlock(${STARTUP_LOCK})`);
    }
  } finally {
    await conn.end({ timeout: 5 });
  }
}
