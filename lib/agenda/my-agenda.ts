import "server-only";
import { and, asc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { actionItems, attendances, invitations, meetings, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { loadMeetingRecords, type MeetingRecord } from "@/lib/documents/meeting-records";
import { checkInWindow } from "@/lib/meetings/lifecycle";
import { can } from "@/lib/permissions";
import { meetingsVisibleTo } from "@/lib/scopes";
import { isOverdue } from "@/lib/follow-ups/overdue";
import { todayIn, zonedLocalToInstant } from "@/lib/time";

/** How far ahead "upcoming" reaches, and how many meetings / follow-ups the page shows at most. */
export const AGENDA_DAYS_AHEAD = 60;
export const AGENDA_MEETING_LIMIT = 20;
export const AGENDA_FOLLOW_UP_LIMIT = 30;
/**
 * A meeting still going on today started at most this many days ago: the lower bound on
 * starts_at that lets the query read a few weeks of the starts_at index instead of five years.
 */
export const AGENDA_MAX_MEETING_DAYS = 31;

export type AgendaMeeting = MeetingRecord & {
  today: boolean;
  myResponse: (typeof invitations.$inferSelect)["response"] | null;
  myCheckedInAt: Date | null;
  canCheckIn: boolean;
  /** Staff who may download the attendance list, minutes and exports. */
  canDownloadRecords: boolean;
  checkInOpensAt: Date;
};

/** The two queries of the agenda (exported for EXPLAIN in scripts/explain-scale.ts). */
export function agendaQueries(user: CurrentUser, now = new Date()) {
  // Midnight in the user's zone: the day's meetings stay listed after they end.
  const dayStart = zonedLocalToInstant(`${todayIn(user.timeZone, now)}T00:00`, user.timeZone);
  const horizon = new Date(now.getTime() + AGENDA_DAYS_AHEAD * 86_400_000);

  // Meetings of the user's unit (invited, or organised by it) — and only those the policy lets
  // them see: a participant of the organising unit who is not invited does not get its agenda.
  const mine = and(
    or(
      sql`exists (select 1 from ${invitations} i where i.meeting_id = ${meetings.id} and i.work_unit_id = ${user.workUnitId})`,
      eq(meetings.organizerUnitId, user.workUnitId),
    ),
    meetingsVisibleTo(user, sql.raw('"meetings"')),
  );
  const heads = db
    .select({ id: meetings.id, response: invitations.response, checkedInAt: attendances.checkedInAt })
    .from(meetings)
    .leftJoin(invitations, and(eq(invitations.meetingId, meetings.id), eq(invitations.workUnitId, user.workUnitId)))
    .leftJoin(attendances, and(eq(attendances.meetingId, meetings.id), eq(attendances.userId, user.id)))
    .where(
      and(
        mine,
        inArray(meetings.status, ["scheduled", "ongoing", "completed", "cancelled"]),
        gte(meetings.endsAt, dayStart),
        gte(meetings.startsAt, new Date(dayStart.getTime() - AGENDA_MAX_MEETING_DAYS * 86_400_000)),
        lte(meetings.startsAt, horizon),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(AGENDA_MEETING_LIMIT);

  const followUps = db
    .select({
      id: actionItems.id,
      title: actionItems.title,
      dueDate: actionItems.dueDate,
      status: actionItems.status,
      progress: actionItems.progress,
      picName: users.name,
    })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.picUserId))
    // The open states as a literal: the partial index action_items_open_unit_due_idx matches it.
    .where(and(eq(actionItems.workUnitId, user.workUnitId), sql`${actionItems.status} in ('open', 'in_progress', 'reported')`))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.title))
    .limit(AGENDA_FOLLOW_UP_LIMIT);
  return { meetings: heads, followUps };
}

/**
 * The participant's home: published meetings of their unit (invited, or organised by it) that
 * have not ended, or ended today — today's first, then the next ones — with the agenda and its
 * times, the speakers, the unit's answer and whether they checked in; and the unit's open
 * follow-ups by due date. A fixed number of queries.
 */
export async function getMyAgenda(user: CurrentUser, now = new Date()) {
  const q = agendaQueries(user, now);
  const [heads, followUps] = await Promise.all([q.meetings, q.followUps]);
  const records = await loadMeetingRecords(heads.map((h) => h.id));
  const byId = new Map(heads.map((h) => [h.id, h]));
  const meetingsOut: AgendaMeeting[] = records.map((r) => {
    const h = byId.get(r.id)!;
    const window = checkInWindow(r);
    const resource = { status: r.status, organizerUnitId: r.organizerUnitId, invitedUnitIds: r.invitedUnits.map((u) => u.id) };
    return {
      ...r,
      today: todayIn(r.timeZone, r.startsAt) === todayIn(r.timeZone, now) || (r.startsAt <= now && r.endsAt >= now),
      myResponse: h.response ?? null,
      myCheckedInAt: h.checkedInAt ?? null,
      canCheckIn: !h.checkedInAt && can(user, "meeting.checkIn", resource) && now >= window.opensAt && now <= window.closesAt,
      canDownloadRecords: can(user, "meeting.records", resource),
      checkInOpensAt: window.opensAt,
    };
  });
  // Today's first (in start order), then the following days; a cancelled meeting stays listed, marked.
  const today = meetingsOut.filter((m) => m.today);
  const upcoming = meetingsOut.filter((m) => !m.today && m.status !== "completed");

  const todayDate = todayIn(user.timeZone, now);
  return {
    today,
    upcoming,
    followUps: followUps.map((f) => ({
      ...f,
      // A reported item waits for verification: the unit has done its part, so it is not flagged here.
      overdue: isOverdue(f, todayDate) && f.status !== "reported",
    })),
  };
}

export type MyAgenda = Awaited<ReturnType<typeof getMyAgenda>>;
