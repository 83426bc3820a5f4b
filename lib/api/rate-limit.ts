import { sql } from "drizzle-orm";
import { rows } from "@/db/client";

/** Requests per minute per token, and per user for calls made with a session cookie. */
export const TOKEN_RATE_LIMIT = Number(process.env.API_RATE_LIMIT ?? 600);

/** Where a client stands in its window: for the 429 and the RateLimit headers of every response. */
export type RateState = { limited: boolean; retryAfterSeconds: number; limit: number; remaining: number };

/** Counted in PostgreSQL so all instances share one budget. */
async function hit(table: "api_rate_windows" | "api_user_rate_windows", key: string, now: Date, limit: number): Promise<RateState> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const column = sql.raw(table === "api_rate_windows" ? "token_id" : "user_id");
  const name = sql.raw(table);
  const [row] = await rows<{ count: number }>(sql`
    insert into ${name} (${column}, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
    on conflict (${column}, window_start) do update set count = ${name}.count + 1
    returning count`);
  const count = Number(row?.count ?? 0);
  if (count === 1 && Math.random() < 0.05) {
    // Now and then, forget old windows.
    await rows(sql`delete from ${name} where window_start < now() - interval '1 hour'`);
  }
  return { limited: count > limit, retryAfterSeconds: Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000), limit, remaining: Math.max(0, limit - count) };
}

export const hitTokenRateLimit = (tokenId: string, now = new Date(), limit = TOKEN_RATE_LIMIT) => hit("api_rate_windows", tokenId, now, limit);

export const hitUserRateLimit = (userId: string, now = new Date(), limit = TOKEN_RATE_LIMIT) => hit("api_user_rate_windows", userId, now, limit);
