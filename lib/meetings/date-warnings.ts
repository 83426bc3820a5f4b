import { zonedLocalToInstant } from "@/lib/time";

/** A holiday as the meeting form knows it: national (no office) or of one office. Client-safe. */
export type HolidayDate = { date: string; name: string; officeUnitId: string | null };

export type DateWarning = { kind: "past" } | { kind: "weekend"; day: "saturday" | "sunday" } | { kind: "holiday"; name: string };

/**
 * Why a meeting's start deserves a second look before it is created: it is in the past, on a
 * Saturday or Sunday, or on a holiday of the organizer's office (or a national one). `startsAt` is
 * the wall-clock "YYYY-MM-DDTHH:MM" of the meeting's time zone, as the form holds it.
 */
export function dateWarnings(startsAt: string, timeZone: string, officeId: string | null | undefined, holidays: readonly HolidayDate[], now = new Date()): DateWarning[] {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(startsAt)) return [];
  const out: DateWarning[] = [];
  const instant = zonedLocalToInstant(startsAt.slice(0, 16), timeZone);
  if (!Number.isNaN(instant.getTime()) && instant < now) out.push({ kind: "past" });
  const date = startsAt.slice(0, 10);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 6) out.push({ kind: "weekend", day: "saturday" });
  if (weekday === 0) out.push({ kind: "weekend", day: "sunday" });
  for (const h of holidays) if (h.date === date && (h.officeUnitId === null || h.officeUnitId === officeId)) out.push({ kind: "holiday", name: h.name });
  return out;
}
