import "server-only";
import { and, eq, gt, inArray, like, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { stripUnsafeChars } from "@/lib/input";
import { notify, recipients } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions";

/**
 * Failed sign-ins are counted in the database, so every app instance behind the load balancer
 * sees the same numbers — and counted so that an attacker cannot turn them against the owner:
 *  - per (account, client address): PAIR_FREE failures are free, then every further attempt from
 *    that address for that account waits a growing delay (30 s, 1 min, 2 min … at most 15 min);
 *  - per account, from all addresses together: only beyond ACCOUNT_LIMIT (100 in 15 minutes, a
 *    spread-out attack) is the account locked for everyone; an admin can unlock it;
 *  - per address, all accounts together: IP_LIMIT (50; a whole office often shares one address).
 * Email and NIP name one account, so they share its counts. The owner is told (a notification and
 * an e-mail) once NOTIFY_AFTER failures were counted on their account, at most once per window.
 * The address is the connection's, or from X-Forwarded-For only as far as TRUST_PROXY says (request-ip.ts).
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const PAIR_FREE = 5;
export const PAIR_FIRST_DELAY_MS = 30 * 1000;
export const ACCOUNT_LIMIT = 100;
export const IP_LIMIT = 50;
export const NOTIFY_AFTER = 5;

const normalise = (identifier: string) => stripUnsafeChars(identifier).trim().toLowerCase().slice(0, 200);

type Account = { key: string; userId: string | null };

/** The account of what was typed: the user's id when it names one (email or NIP), else the text itself. */
async function resolveAccount(identifier: string): Promise<Account> {
  const typed = normalise(identifier);
  if (!typed) return { key: "account:", userId: null };
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(or(sql`lower(${users.email}) = ${typed}`, eq(users.nip, typed)))
    .limit(1);
  return user ? { key: `account:${user.id}`, userId: user.id } : { key: `account:${typed}`, userId: null };
}

export async function accountKey(identifier: string): Promise<string> {
  return (await resolveAccount(identifier)).key;
}
export const ipKey = (ip: string) => `ip:${ip}`;
/** One account tried from one address. */
const pairKey = (account: Account, ip: string) => `pair:${account.key.slice("account:".length)}|${ip}`;

/** The wait after the n-th failure from one address for one account (0 while n ≤ PAIR_FREE). */
export function pairDelayMs(failures: number): number {
  if (failures < PAIR_FREE) return 0;
  return Math.min(PAIR_FIRST_DELAY_MS * 2 ** (failures - PAIR_FREE), THROTTLE_WINDOW_MS);
}

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number };

export async function checkThrottle(identifier: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const account = await resolveAccount(identifier);
  const pair = pairKey(account, ip);
  const counts = await db
    .select({
      key: loginAttempts.key,
      n: sql<number>`count(*)::int`,
      oldest: sql<string>`min(${loginAttempts.createdAt})`,
      newest: sql<string>`max(${loginAttempts.createdAt})`,
    })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, [account.key, ipKey(ip), pair]), gt(loginAttempts.createdAt, since)))
    .groupBy(loginAttempts.key);
  let retryAfterMs = 0;
  for (const row of counts) {
    const n = Number(row.n);
    if (row.key === pair) {
      const until = new Date(row.newest).getTime() + pairDelayMs(n);
      retryAfterMs = Math.max(retryAfterMs, until - now.getTime());
      continue;
    }
    const limit = row.key.startsWith("ip:") ? IP_LIMIT : ACCOUNT_LIMIT;
    if (n >= limit) retryAfterMs = Math.max(retryAfterMs, new Date(row.oldest).getTime() + THROTTLE_WINDOW_MS - now.getTime());
  }
  return retryAfterMs > 0 ? { blocked: true, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { blocked: false };
}

export async function recordFailedSignIn(identifier: string, ip: string, now = new Date()) {
  const account = await resolveAccount(identifier);
  const keys = [account.key, ipKey(ip), pairKey(account, ip)];
  await db.insert(loginAttempts).values(keys.map((key) => ({ key })));
  // Keep the table small: forget this key's attempts older than a day.
  await db
    .delete(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), lt(loginAttempts.createdAt, new Date(now.getTime() - 24 * 60 * 60 * 1000))));
  if (account.userId) await tellOwner({ key: account.key, userId: account.userId }, ip, now);
}

/** The owner hears of failures on their account once NOTIFY_AFTER were counted, at most once per window. */
async function tellOwner(account: Account & { userId: string }, ip: string, now: Date) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, account.key), gt(loginAttempts.createdAt, since)));
  const n = Number(row?.n ?? 0);
  if (n < NOTIFY_AFTER) return;
  await notify(db, {
    to: recipients.users([account.userId]),
    kind: "sign_in_failures",
    payload: { itemId: "", title: String(n), reason: ip },
    // One per account and window (the dedupe key makes it idempotent across instances).
    dedupeKey: `sign-in-failures:${Math.floor(now.getTime() / THROTTLE_WINDOW_MS)}`,
  });
}

/** A successful sign-in from `ip` clears that address's count for the account, and the account-wide count. */
export async function clearFailedSignIns(identifier: string, ip?: string) {
  const account = await resolveAccount(identifier);
  const keys = ip ? [account.key, pairKey(account, ip)] : [account.key];
  await db.delete(loginAttempts).where(inArray(loginAttempts.key, keys));
}

/** An admin unlocks an account: every failure counted against it (from every address) is forgotten. */
export async function unlockSignIn(actor: CurrentUser, userId: string, ctx: Omit<AuditContext, "actorId"> = {}) {
  if (!can(actor, "admin.manage")) throw new ForbiddenError();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError();
    await tx.delete(loginAttempts).where(or(eq(loginAttempts.key, `account:${userId}`), like(loginAttempts.key, `pair:${userId}|%`)));
    await audit(tx, { actorId: actor.id, ...ctx }, "user.unlock_sign_in", "user", userId);
  });
}
