import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";
import { queue, type QueueName } from "@/db/queue";
import type { JobData } from "./types";

/** pg-boss's numbered placeholders ($1, $2 …) as a drizzle statement with the values bound. */
export function numberedSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) chunks.push(sql.raw(part));
    else {
      const value = values[Number(part) - 1];
      // Objects go as JSON text: drizzle's drivers pass json parameters through unserialised.
      chunks.push(sql`${value === undefined ? null : value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value}`);
    }
  });
  return sql.join(chunks, sql.raw(""));
}

/** pg-boss's database interface over a drizzle handle (the caller's transaction). */
export function bossDb(handle: DbOrTx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = (await handle.execute(numberedSql(text, values ?? []))) as unknown as unknown[] | { rows: unknown[] };
      return { rows: Array.isArray(result) ? result : result.rows };
    },
  };
}

export type EnqueueOptions = Pick<PgBoss.SendOptions, "startAfter" | "singletonKey" | "priority">;

/**
 * Puts a job on a queue in the caller's transaction: it exists if and only if the change that
 * caused it commits. Returns the job id (null when a singletonKey job of that queue is already waiting).
 */
export async function enqueue<Q extends QueueName>(handle: DbOrTx, name: Q, data: JobData[Q], options: EnqueueOptions = {}): Promise<string | null> {
  return queue().send(name, data as object, { ...options, db: bossDb(handle) });
}
