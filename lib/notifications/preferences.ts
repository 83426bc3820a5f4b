import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { notificationEmailMutes } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { NOTIFICATION_KINDS, type NotificationKind } from "./notify";

/** The kinds of notice this user is also e-mailed about (all, unless turned off). */
export async function emailedKinds(user: CurrentUser): Promise<Set<NotificationKind>> {
  const muted = await db.select({ kind: notificationEmailMutes.kind }).from(notificationEmailMutes).where(eq(notificationEmailMutes.userId, user.id));
  const off = new Set(muted.map((m) => m.kind));
  return new Set(NOTIFICATION_KINDS.filter((k) => !off.has(k)));
}

/**
 * Saves the user's own choice: e-mail for the kinds given, not for the others (unknown kinds are
 * ignored). One transaction; the notices themselves always show in the app.
 */
export async function saveEmailedKinds(user: CurrentUser, kinds: readonly string[]): Promise<void> {
  const wanted = new Set(kinds);
  const off = NOTIFICATION_KINDS.filter((k) => !wanted.has(k));
  await db.transaction(async (tx) => {
    await tx.delete(notificationEmailMutes).where(eq(notificationEmailMutes.userId, user.id));
    if (off.length > 0) await tx.insert(notificationEmailMutes).values(off.map((kind) => ({ userId: user.id, kind, createdAt: sql`now()` })));
  });
}
