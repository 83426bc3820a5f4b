import "server-only";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { notifications } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { isUuid } from "@/lib/ids";

export const NOTIFICATION_PAGE_SIZE = 30;

/** Unread notifications of a user (for the badge in the navigation). */
export async function countUnread(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(user: CurrentUser, page = 1) {
  const p = Math.max(1, Math.floor(page) || 1);
  const [items, [total]] = await Promise.all([
    db
      .select({ id: notifications.id, kind: notifications.kind, payload: notifications.payload, readAt: notifications.readAt, createdAt: notifications.createdAt })
      .from(notifications)
      .where(eq(notifications.userId, user.id))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(NOTIFICATION_PAGE_SIZE)
      .offset((p - 1) * NOTIFICATION_PAGE_SIZE),
    db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id)),
  ]);
  return { items, total: total?.n ?? 0, page: p, pageSize: NOTIFICATION_PAGE_SIZE };
}

/** Marks the given notifications (or all of them) read; only the user's own. */
export async function markNotificationsRead(user: CurrentUser, ids: string[] | "all") {
  const own = eq(notifications.userId, user.id);
  const unread = isNull(notifications.readAt);
  const where = ids === "all" ? and(own, unread) : and(own, unread, inArray(notifications.id, ids.filter(isUuid)));
  if (ids !== "all" && ids.length === 0) return 0;
  const updated = await db.update(notifications).set({ readAt: sql`now()` }).where(where).returning({ id: notifications.id });
  return updated.length;
}
