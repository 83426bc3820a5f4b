import "server-only";
import { and, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { stripUnsafeChars } from "@/lib/input";

/**
 * Failed sign-ins are counted in the database, so every app instance behind the load balancer
 * sees the same numbers. Per account: 10 failures in 15 minutes, whether the person typed the
 * email or the NIP (both name one account, so they share one budget). Per address: 50 (a whole
 * office often shares one public address, so its limit is higher than an account's). The address
 * is the connection's, or from X-Forwarded-For only as far as TRUST_PROXY says (request-ip.ts).
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 10;
export const IP_LIMIT = 50;

const normalise = (identifier: string) => stripUnsafeChars(identifier).trim().toLowerCase().slice(0, 200);

/** The account key of what was typed: the user's id when it names one (email or NIP), else the text itself. */
export async function accountKey(identifier: string): Promise<string> {
  const typed = normalise(identifier);
  if (!typed) return "account:";
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(or(sql`lower(${users.email}) = ${typed}`, eq(users.nip, typed)))
    .limit(1);
  return user ? `account:${user.id}` : `account:${typed}`;
}
export const ipKey = (ip: string) => `ip:${ip}`;

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number };

export async function checkThrottle(identifier: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const keys = [await accountKey(identifier), ipKey(ip)];
  const counts = await db
    .select({ key: loginAttempts.key, n: sql<number>`count(*)::int`, oldest: sql<Date>`min(${loginAttempts.createdAt})` })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), gt(loginAttempts.createdAt, since)))
    .groupBy(loginAttempts.key);
  let retryAfterMs = 0;
  for (const row of counts) {
    const limit = row.key.startsWith("ip:") ? IP_LIMIT : ACCOUNT_LIMIT;
    if (row.n >= limit) {
      const oldest = new Date(row.oldest).getTime();
      retryAfterMs = Math.max(retryAfterMs, oldest + THROTTLE_WINDOW_MS - now.getTime());
    }
  }
  return retryAfterMs > 0 ? { blocked: true, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { blocked: false };
}

export async function recordFailedSignIn(identifier: string, ip: string) {
  const keys = [await accountKey(identifier), ipKey(ip)];
  await db.insert(loginAttempts).values(keys.map((key) => ({ key })));
  // Keep the table small: forget this key's attempts older than a day.
  await db
    .delete(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), lt(loginAttempts.createdAt, new Date(Date.now() - 24 * 60 * 60 * 1000))));
}

export async function clearFailedSignIns(identifier: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, await accountKey(identifier)));
}
