import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiTokens, users } from "@/db/schema";

/**
 * Revokes every live API token of a user, for good: a revoked token never works again, so
 * reactivating the user or undoing a role change does not bring old tokens back.
 * Called in the transaction of a password reset or change, a deactivation, a role or unit change.
 */
export async function revokeUserTokens(tx: DbOrTx, userId: string) {
  await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Ends every session of a user at their next request (the session version in the cookie no longer matches). */
export async function endUserSessions(tx: DbOrTx, userId: string) {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/**
 * Ends the sessions of one session version of a user (a sign-out): nothing when that version is
 * already over, so signing out with an old cookie does not sign the user out elsewhere. Announced to
 * every instance (open live streams close: lib/live/hub.ts re-checks their sessions).
 */
export async function endSessionVersion(tx: DbOrTx, userId: string, sessionVersion: number) {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)));
}
