import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { loginAttempts } from "@/db/schema";

/**
 * Failed sign-ins are counted in the database, so every app instance behind the load balancer
 * sees the same numbers. Per account: 10 failures in 15 minutes. Per address: 50 (a whole office
 * often shares one public address, so its limit is higher than an account's).
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 10;
export const IP_LIMIT = 50;

export const accountKey = (identifier: string) => `account:${identifier.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number };

export async function checkThrottle(identifier: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const keys = [accountKey(identifier), ipKey(ip)];
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
  const keys = [accountKey(identifier), ipKey(ip)];
  await db.insert(loginAttempts).values(keys.map((key) => ({ key })));
  // Keep the table small: forget this key's attempts older than a day.
  await db
    .delete(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), lt(loginAttempts.createdAt, new Date(Date.now() - 24 * 60 * 60 * 1000))));
}

export async function clearFailedSignIns(identifier: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, accountKey(identifier)));
}
