import type { Translate } from "@/lib/i18n/translate";
import { formatCalendarDate, type Locale } from "@/lib/time";

/** A calendar date of a payload ("2027-03-31") as the reader writes it ("31 Maret 2027"). */
export function readableDate(value: unknown, locale: Locale): string {
  if (typeof value !== "string") return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value, locale) : value;
}

/** A notification's text in the reader's language, from its kind and payload. */
export function notificationText(t: Translate, kind: string, payload: Record<string, unknown>, locale: Locale = "id"): string {
  const s = (v: unknown) => (typeof v === "string" ? v : "");
  return t(`followUps.notifications.kinds.${kind}`, {
    title: s(payload.title),
    unit: s(payload.unitName),
    dueDate: readableDate(payload.dueDate, locale),
    reason: s(payload.reason),
    decision: payload.approved === undefined ? "" : t(payload.approved ? "followUps.extension.approved" : "followUps.extension.rejected"),
  });
}
