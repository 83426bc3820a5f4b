import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { MeetingRecord } from "@/lib/documents/meeting-records";
import { createT, type Locale } from "@/lib/i18n/translate";
import { oneLine } from "@/lib/input";
import { formatRangeWithReference, formatTime, referenceZone } from "@/lib/time";

import { appUrl } from "@/lib/app-url";

export { appUrl };

/** The sender of the app's e-mails (MAIL_FROM, "Name <address>") as the ORGANIZER of a scheduling message. */
function organizer(): { name: string; email: string } {
  const from = process.env.MAIL_FROM ?? "Rakor <no-reply@rakor.local>";
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: oneLine(match[1] || "Rakor"), email: oneLine(match[2]!) } : { name: "Rakor", email: oneLine(from.trim()) };
}

/** The UID of a meeting's event: the same in every download, feed and email, for ever. */
export const meetingUid = (meetingId: string) => `${meetingId}@rakor`;

const STATUS: Record<MeetingRecord["status"], ICalEventStatus> = {
  draft: ICalEventStatus.TENTATIVE,
  scheduled: ICalEventStatus.CONFIRMED,
  ongoing: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

/** Plain-text description: when (with the zone label), where, online link, agenda with times, speakers. */
export function eventDescription(m: MeetingRecord, locale: Locale): string {
  const t = createT(locale);
  const lines: string[] = [];
  if (m.status === "cancelled") lines.push(`${t("agenda.ics.cancelled")}: ${m.cancelReason ?? ""}`, "");
  if (m.topic) lines.push(m.topic, "");
  // Held in another zone than the organizing office's: the office's time beside it ("09.00 WITA (08.00 WIB)").
  lines.push(`${t("agenda.ics.when")}: ${formatRangeWithReference(m.startsAt, m.endsAt, m.timeZone, referenceZone(m.timeZone, m.officeTimeZone), locale)}`);
  if (m.location) lines.push(`${t("agenda.ics.where")}: ${m.location}`);
  if (m.onlineUrl) lines.push(`${t("agenda.ics.online")}: ${m.onlineUrl}`);
  lines.push(`${t("agenda.ics.organizer")}: ${m.organizerUnitName}`);
  if (m.agenda.length > 0) {
    lines.push("", `${t("agenda.ics.agenda")}:`);
    for (const item of m.agenda) {
      const time = `${formatTime(item.startsAt, m.timeZone, locale).replace(/ \S+$/, "")}–${formatTime(item.endsAt, m.timeZone, locale)}`;
      lines.push(`${time}  ${item.title}${item.presenterName ? ` (${item.presenterName})` : ""}`);
    }
  }
  if (m.speakers.length > 0) {
    lines.push("", `${t("agenda.ics.speakers")}:`);
    for (const s of m.speakers) {
      const who = [s.name, s.position, s.organization].filter(Boolean).join(", ");
      const behalf = s.onBehalfOf ? ` (${t("agenda.onBehalfOf", { name: s.onBehalfOf })})` : "";
      lines.push(`${t(`meetings.speakers.roles.${s.role}`)}: ${who}${behalf}`);
    }
  }
  if (m.description) lines.push("", m.description);
  lines.push("", `${appUrl()}/meetings/${m.id}`);
  return lines.join("\n");
}

/**
 * An iCalendar (RFC 5545) document of meetings: one VEVENT per meeting with a stable UID,
 * SEQUENCE from meetings.sequence (bumped on every reschedule and cancellation), STATUS:CANCELLED
 * for cancelled meetings (they stay so calendars remove them), times in UTC. Feeds and downloads
 * are METHOD:PUBLISH (the answer for a unit is given in the app, not from the calendar); the file
 * attached to an invitation or a change e-mail is METHOD:REQUEST (an update of the same UID with a
 * higher SEQUENCE), to a cancellation METHOD:CANCEL — with the sender as ORGANIZER, as RFC 5546 asks.
 */
export function buildCalendar(records: readonly MeetingRecord[], opts: { name: string; locale: Locale; method?: "PUBLISH" | "REQUEST" | "CANCEL" }): string {
  const method = opts.method ?? "PUBLISH";
  const calendar = ical({
    // ical-generator writes NAME and X-WR-CALNAME as given: a line break in a meeting title would
    // start new properties (a forged VEVENT). Event texts it escapes itself.
    name: oneLine(opts.name),
    prodId: { company: "Rakor", product: "rakor", language: opts.locale === "en" ? "EN" : "ID" },
    method: ICalCalendarMethod[method],
    ttl: 60 * 60,
  });
  for (const m of records) {
    const where = [m.location, m.onlineUrl].filter(Boolean).join(" · ");
    calendar.createEvent({
      id: meetingUid(m.id),
      sequence: m.sequence,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.updatedAt,
      created: m.createdAt,
      lastModified: m.updatedAt,
      summary: m.title,
      description: eventDescription(m, opts.locale),
      location: where || null,
      url: m.onlineUrl ? oneLine(m.onlineUrl) : `${appUrl()}/meetings/${m.id}`,
      status: method === "CANCEL" ? ICalEventStatus.CANCELLED : STATUS[m.status],
      organizer: method === "PUBLISH" ? null : organizer(),
    });
  }
  return calendar.toString();
}
