import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { meetingReschedules } from "@/db/schema";
import { appUrl, buildCalendar } from "@/lib/calendar/ics";
import { fileNameFor } from "@/lib/documents/render";
import { loadMeetingRecord, type MeetingRecord } from "@/lib/documents/meeting-records";
import { createT, type Locale } from "@/lib/i18n/translate";
import { uuidArray } from "@/lib/meetings/access";
import { unitActorsSql } from "@/lib/notifications/notify";
import { formatDateTime, formatRange } from "@/lib/time";
import { sendEmails, type OutgoingEmail } from "./send";

export type MeetingChangeKind = "published" | "rescheduled" | "cancelled";

/**
 * Emails each invited unit's heads and designated contacts about a published, rescheduled or cancelled
 * meeting, with the meeting's `.ics` attached (same UID; SEQUENCE and STATUS tell calendars it
 * is an update or a cancellation). In each recipient's language. Idempotent per meeting, kind,
 * sequence and recipient: calling it twice sends nothing new.
 *
 * Call it AFTER the transaction of the change has committed (it reads the meeting with `db`).
 * It checks that the change happened, so calling it after every save is safe: "rescheduled"
 * sends only when the meeting was moved (once per move: the dedupe key holds the SEQUENCE),
 * "cancelled" only for a cancelled meeting, "published" only for a published one.
 */
export async function notifyMeetingChange(meetingId: string, kind: MeetingChangeKind) {
  const none = { queued: 0, sent: 0, failed: 0 };
  const m = await loadMeetingRecord(meetingId);
  if (!m || !(await applies(m, kind))) return none;
  const unitIds = m.invitedUnits.map((u) => u.id);
  if (unitIds.length === 0) return none;
  // Each invited unit's heads and designated contacts (or a few members of a unit with neither):
  // the emails written per change do not grow with the units' size.
  const recipients = (
    await rows<{ id: string; email: string; locale: string; workUnitId: string }>(
      sql`select u.id, u.email, u.locale, a.work_unit_id from (${unitActorsSql(uuidArray(unitIds))}) a join users u on u.id = a.id`,
    )
  ).map((r) => ({ id: r.id, email: r.email, locale: r.locale, workUnitId: r.workUnitId }));

  const unitName = new Map(m.invitedUnits.map((u) => [u.id, u.name]));
  const ics: Partial<Record<Locale, string>> = {};
  const icsFor = (locale: Locale) => (ics[locale] ??= Buffer.from(buildCalendar([m], { name: m.title, locale })).toString("base64"));
  const fileName = fileNameFor("ics", m);
  const link = appUrl() ? `${appUrl()}/meetings/${m.id}` : `/meetings/${m.id}`;

  const emails: OutgoingEmail[] = recipients.map((r) => {
    const locale: Locale = r.locale === "en" ? "en" : "id";
    const t = createT(locale);
    const vars = {
      title: m.title,
      unit: unitName.get(r.workUnitId) ?? "",
      date: formatDateTime(m.startsAt, m.timeZone, locale),
      reason: m.cancelReason ?? "",
    };
    const body = [
      t(`agenda.mail.${kind}.body`, vars),
      "",
      t("agenda.mail.details", { when: formatRange(m.startsAt, m.endsAt, m.timeZone, locale), where: [m.location, m.onlineUrl].filter(Boolean).join(" · ") || "-" }),
      "",
      t("agenda.mail.link", { url: link }),
      t("agenda.mail.attachment"),
    ].join("\n");
    return {
      to: r.email,
      subject: t(`agenda.mail.${kind}.subject`, vars),
      body,
      attachments: [{ filename: fileName, contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: icsFor(locale) }],
      dedupeKey: `meeting:${m.id}:${kind}:${m.sequence}:${r.id}`,
    };
  });
  return sendEmails(emails);
}

async function applies(m: MeetingRecord, kind: MeetingChangeKind): Promise<boolean> {
  if (kind === "cancelled") return m.status === "cancelled";
  if (m.status !== "scheduled" && m.status !== "ongoing") return false;
  if (kind === "published") return true;
  const [moved] = await db.select({ n: count() }).from(meetingReschedules).where(eq(meetingReschedules.meetingId, m.id));
  return (moved?.n ?? 0) > 0;
}
