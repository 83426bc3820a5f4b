import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { meetings } from "@/db/schema";
import { buildCalendar } from "@/lib/calendar/ics";
import { fileNameFor } from "@/lib/documents/render";
import { loadMeetingRecord } from "@/lib/documents/meeting-records";
import { enqueue } from "@/lib/jobs/enqueue";
import type { NoticeJob } from "@/lib/jobs/types";
import type { Locale } from "@/lib/i18n/translate";
import { notify, type MeetingNoticePayload, type NotificationKind } from "./notify";

export type MeetingChange = NoticeJob["change"];

const KIND: Record<MeetingChange, NotificationKind> = {
  published: "meeting_published",
  rescheduled: "meeting_rescheduled",
  cancelled: "meeting_cancelled",
  changed: "meeting_changed",
  minutes_finalized: "minutes_finalized",
};

/** Everyone active in the units invited to a meeting: one join, however many people that is. */
export const invitedPeopleSql = (meetingId: string) =>
  sql`select u.id from invitations i join users u on u.work_unit_id = i.work_unit_id and u.active where i.meeting_id = ${meetingId}::uuid`;

/**
 * Announces a change of a meeting to the people of its invited units, in the caller's transaction:
 * a `notices` job that writes the notices, e-mails and e-mail jobs set-based (lib/jobs). What the
 * notice says about the change itself (old time, reason) is taken now, in `details`; `key` makes it
 * once-only (the meeting's SEQUENCE for changes of the calendar entry).
 */
export async function announceMeeting(
  tx: DbOrTx,
  meetingId: string,
  change: MeetingChange,
  key: string,
  details: Partial<MeetingNoticePayload> = {},
  options: { startAfter?: Date } = {},
) {
  return enqueue(tx, "notices", { kind: "meeting", meetingId, change, key: `meeting:${meetingId}:${change}:${key}`, details }, options);
}

/**
 * The `notices` job: one notice per person of the invited units (in the app), an e-mail each
 * (unless they turned that kind off) with the meeting's calendar file — METHOD:REQUEST with the
 * meeting's SEQUENCE for an invitation or a change, METHOD:CANCEL for a cancellation — and the
 * e-mails' delivery jobs. Idempotent (dedupe keys): a retried job writes nothing twice.
 */
export async function runNoticeJob(job: NoticeJob): Promise<{ notified: number }> {
  const m = await loadMeetingRecord(job.meetingId);
  if (!m) return { notified: 0 };
  const payload: MeetingNoticePayload = {
    meetingId: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    timeZone: m.timeZone,
    officeTimeZone: m.officeTimeZone,
    location: m.location,
    onlineUrl: m.onlineUrl,
    ...(job.details ?? {}),
  };
  // A calendar entry only while it is true: no update of a meeting cancelled since.
  const calendar = job.change === "minutes_finalized" || (m.status === "cancelled" && job.change !== "cancelled") ? null : job.change === "cancelled" ? "CANCEL" : "REQUEST";
  const fileName = fileNameFor("ics", m);
  const file = (locale: Locale) => [
    {
      filename: fileName,
      contentType: `text/calendar; charset=utf-8; method=${calendar}`,
      content: Buffer.from(buildCalendar([m], { name: m.title, locale, method: calendar ?? "PUBLISH" })).toString("base64"),
    },
  ];
  const notified = await db.transaction((tx) =>
    notify(tx, {
      to: invitedPeopleSql(m.id),
      kind: KIND[job.change],
      payload,
      dedupeKey: job.key,
      attachments: calendar ? { id: file("id"), en: file("en") } : undefined,
    }),
  );
  return { notified };
}

/** Agenda edits come in bursts: one "agenda changed" notice per window of this many seconds, sent when it ends. */
export const AGENDA_NOTICE_SECONDS = 300;

/**
 * After an agenda edit of a published meeting (in its transaction): a new SEQUENCE of the calendar
 * entry, and a notice queued for the end of the current window (with the agenda as it is then);
 * every edit of the window shares its dedupe key, so the people are told once per window.
 */
export async function announceAgendaChange(tx: DbOrTx, meeting: { id: string; status: string }, now = Date.now()) {
  if (meeting.status !== "scheduled" && meeting.status !== "ongoing") return;
  const slot = Math.floor(now / (AGENDA_NOTICE_SECONDS * 1000));
  await tx.update(meetings).set({ sequence: sql`${meetings.sequence} + 1` }).where(eq(meetings.id, meeting.id));
  // An instant (not seconds): pg-boss's insert casts the same parameter to a timestamp.
  await announceMeeting(tx, meeting.id, "changed", `agenda:${slot}`, { what: "agenda" }, { startAfter: new Date((slot + 1) * AGENDA_NOTICE_SECONDS * 1000) });
}
