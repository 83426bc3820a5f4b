import "server-only";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";

/** How long the health check waits for the database before calling it unavailable. */
const DB_CHECK_TIMEOUT_MS = 2_000;

/** Whether the database answers `select 1` within two seconds, and how long it took. */
export async function checkDatabase(): Promise<{ ok: boolean; latencyMs: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), DB_CHECK_TIMEOUT_MS);
    });
    await Promise.race([rows(sql`select 1 as ok`), timeout]);
    return { ok: true, latencyMs: Date.now() - started };
  } catch {
    return { ok: false, latencyMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
