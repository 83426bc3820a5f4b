import { createT, type Translate } from "@/lib/i18n/translate";
import { formatCalendarDate, formatRangeWithReference, referenceZone, type Locale } from "@/lib/time";

/** A calendar date of a payload ("2027-03-31") as the reader writes it ("31 Maret 2027"). */
export function readableDate(value: unknown, locale: Locale): string {
  if (typeof value !== "string") return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value, locale) : value;
}

/** Notices about a meeting (their text lives under notices.kinds, the follow-ups' under followUps.notifications.kinds). */
export const MEETING_NOTICE_KINDS = ["meeting_published", "meeting_rescheduled", "meeting_cancelled", "meeting_changed", "invitation_answered", "minutes_finalized"] as const;
const isMeetingKind = (kind: string) => (MEETING_NOTICE_KINDS as readonly string[]).includes(kind);

const s = (v: unknown) => (typeof v === "string" ? v : "");
const instant = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);

/** The meeting's time in its zone, and in the organizing office's when that differs: "09.00–12.00 WITA (08.00–11.00 WIB)". */
function range(start: unknown, end: unknown, tz: string, locale: Locale, officeTz: string | null) {
  const a = instant(start);
  const b = instant(end);
  return a && b ? formatRangeWithReference(a, b, tz, referenceZone(tz, officeTz), locale) : "";
}

function meetingVars(t: Translate, payload: Record<string, unknown>, locale: Locale) {
  const tz = s(payload.timeZone) || "Asia/Jakarta";
  const officeTz = s(payload.officeTimeZone) || null;
  const where = [s(payload.location), s(payload.onlineUrl)].filter(Boolean).join(" · ") || "-";
  return {
    title: s(payload.title),
    when: range(payload.startsAt, payload.endsAt, tz, locale, officeTz),
    oldWhen: range(payload.previousStartsAt, payload.previousEndsAt, tz, locale, officeTz),
    reason: s(payload.reason) || t("notices.noReason"),
    unit: s(payload.unitName),
    response: payload.response ? t(`meetings.invitations.responses.${s(payload.response)}`) : "",
    what: payload.what === "place" ? t("notices.what.place", { where }) : payload.what === "agenda" ? t("notices.what.agenda") : "",
    where,
  };
}

/** A notification's text in the reader's language, from its kind and payload. */
export function notificationText(t: Translate, kind: string, payload: Record<string, unknown>, locale: Locale = "id"): string {
  if (isMeetingKind(kind)) return t(`notices.kinds.${kind}`, meetingVars(t, payload, locale));
  return t(`followUps.notifications.kinds.${kind}`, {
    title: s(payload.title),
    unit: s(payload.unitName),
    dueDate: readableDate(payload.dueDate, locale),
    reason: s(payload.reason),
    decision: payload.approved === undefined ? "" : t(payload.approved ? "followUps.extension.approved" : "followUps.extension.rejected"),
  });
}

/** Where a notice leads (a path of the app): the meeting or the follow-up it is about. */
export function noticeLink(payload: Record<string, unknown>): string | null {
  if (typeof payload.meetingId === "string") return `/meetings/${payload.meetingId}`;
  if (typeof payload.itemId === "string") return `/follow-ups/${payload.itemId}`;
  return null;
}

/**
 * The e-mail of a notice — the one place its text is written, for every kind: the notice's text
 * as subject and first line, the meeting's time and place, the absolute link (`baseUrl`), and
 * for a meeting change the note about the attached calendar file.
 */
export function noticeEmail(locale: Locale, kind: string, payload: Record<string, unknown>, baseUrl: string, opts: { attachment?: boolean } = {}) {
  const t = createT(locale);
  const subject = notificationText(t, kind, payload, locale);
  const link = noticeLink(payload);
  const url = `${baseUrl}${link ?? "/notifications"}`;
  const lines = [subject, ""];
  if (isMeetingKind(kind)) {
    const v = meetingVars(t, payload, locale);
    lines.push(t("notices.email.details", { when: v.when, where: v.where }));
    if (kind === "meeting_rescheduled" && payload.reconfirm) lines.push("", t("notices.reconfirm"));
    lines.push("", t("notices.email.open", { url }));
    if (opts.attachment) lines.push(t("notices.email.attachment"));
  } else if (kind === "sign_in_failures") {
    lines.push(t("followUps.notifications.signInFailuresBody", { url: `${baseUrl}/profile` }));
  } else {
    lines.push(t("followUps.notifications.emailBody", { url }));
  }
  return { subject, body: lines.join("\n") };
}
