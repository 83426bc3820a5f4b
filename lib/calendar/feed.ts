import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, gte, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { meetings, users } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import { loadUser } from "@/lib/auth/load-user";
import type { CurrentUser } from "@/lib/auth/types";
import { loadMeetingRecords } from "@/lib/documents/meeting-records";
import { NotFoundError } from "@/lib/errors";
import { createT } from "@/lib/i18n/translate";
import { meetingsVisibleTo } from "@/lib/scopes";
import { buildCalendar } from "./ics";

/** How far back the personal feed reaches, and how many meetings it holds at most. */
export const FEED_PAST_DAYS = 180;
export const FEED_LIMIT = 500;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;

/** The user's current feed token (null when they have none). */
export async function getCalendarToken(user: CurrentUser): Promise<string | null> {
  const [row] = await db.select({ token: users.calendarToken }).from(users).where(eq(users.id, user.id));
  return row?.token ?? null;
}

/** A new secret for the feed URL; the old URL stops working at once. */
export async function regenerateCalendarToken(user: CurrentUser, ctx: Omit<AuditContext, "actorId"> = {}): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.update(users).set({ calendarToken: token, updatedAt: new Date() }).where(eq(users.id, user.id));
    await audit(tx, { actorId: user.id, ...ctx }, "calendar.token.regenerate", "user", user.id);
  });
  return token;
}

/** Turns the feed off: the URL answers 404 until a new one is made. */
export async function revokeCalendarToken(user: CurrentUser, ctx: Omit<AuditContext, "actorId"> = {}): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ calendarToken: null, updatedAt: new Date() }).where(eq(users.id, user.id));
    await audit(tx, { actorId: user.id, ...ctx }, "calendar.token.revoke", "user", user.id);
  });
}

/**
 * The personal subscription feed: every published meeting the token's owner may see (the same
 * rule as `meeting.view`), cancelled ones included, from FEED_PAST_DAYS ago on. An unknown or
 * revoked token, or a deactivated user, is NotFoundError (404: nothing tells a token existed).
 */
export async function calendarFeed(token: string, now = new Date()): Promise<string> {
  if (!TOKEN_PATTERN.test(token)) throw new NotFoundError();
  const [owner] = await db.select({ id: users.id }).from(users).where(and(eq(users.calendarToken, token), eq(users.active, true)));
  if (!owner) throw new NotFoundError();
  const loaded = await loadUser(owner.id);
  if (!loaded?.active) throw new NotFoundError();
  const user = loaded.user;
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const ids = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(meetingsVisibleTo(user, sql.raw('"meetings"')), ne(meetings.status, "draft"), gte(meetings.endsAt, since)))
    .orderBy(asc(meetings.startsAt))
    .limit(FEED_LIMIT);
  const records = await loadMeetingRecords(ids.map((r) => r.id));
  const t = createT(user.locale);
  return buildCalendar(records, { name: t("agenda.ics.feedName", { name: user.name }), locale: user.locale });
}

/** The feed URL path for a token. */
export const feedPath = (token: string) => `/calendar/${token}.ics`;
