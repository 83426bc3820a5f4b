import { sql } from "drizzle-orm";
import { rows } from "@/db/client";

/** Requests per token per minute; counted in PostgreSQL so all instances share one budget. */
export const TOKEN_RATE_LIMIT = Number(process.env.API_RATE_LIMIT ?? 600);

export async function hitTokenRateLimit(tokenId: string, now = new Date(), limit = TOKEN_RATE_LIMIT): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await rows<{ count: number }>(sql`
    insert into api_rate_windows (token_id, window_start, count) values (${tokenId}, ${windowStart.toISOString()}, 1)
    on conflict (token_id, window_start) do update set count = api_rate_windows.count + 1
    returning count`);
  const count = Number(row?.count ?? 0);
  if (count === 1 && Math.random() < 0.05) {
    // Now and then, forget old windows.
    await rows(sql`delete from api_rate_windows where window_start < now() - interval '1 hour'`);
  }
  return { limited: count > limit, retryAfterSeconds: Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000) };
}
