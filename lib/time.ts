import { TIME_ZONES } from "@/db/schema/_enums";

export type TimeZone = (typeof TIME_ZONES)[number];

export { TIME_ZONES };
export type Locale = "id" | "en";

/** Indonesia's three zones have no daylight saving: a fixed offset each. */
export const ZONE_INFO: Record<TimeZone, { label: "WIB" | "WITA" | "WIT"; offsetMinutes: number }> = {
  "Asia/Jakarta": { label: "WIB", offsetMinutes: 7 * 60 },
  "Asia/Makassar": { label: "WITA", offsetMinutes: 8 * 60 },
  "Asia/Jayapura": { label: "WIT", offsetMinutes: 9 * 60 },
};

export function isTimeZone(tz: string): tz is TimeZone {
  return (TIME_ZONES as readonly string[]).includes(tz);
}

export function zoneLabel(tz: string): string {
  return isTimeZone(tz) ? ZONE_INFO[tz].label : tz;
}

/**
 * Intl.DateTimeFormat objects, one per language, zone and shape: building one costs ≈0.2 ms, using
 * one ≈0.01 ms, and a page formats hundreds of times (measured on /agenda: ≈130 per view).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, tz: string, shape: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${tz}|${shape}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { timeZone: tz, ...options });
    formatters.set(key, fmt);
  }
  return fmt;
}

function parts(instant: Date, tz: string, locale: Locale, shape: "date" | "time", options: Intl.DateTimeFormatOptions) {
  const fmt = formatter(locale, tz, shape, options);
  return Object.fromEntries(fmt.formatToParts(instant).map((p) => [p.type, p.value])) as Record<string, string>;
}

/** "Jumat, 9 November 2018" */
export function formatDate(instant: Date, tz: string, locale: Locale = "id"): string {
  const p = parts(instant, tz, locale, "date", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** "09.00 WIB" (Indonesian) or "09:00 WIB" (English). */
export function formatTime(instant: Date, tz: string, locale: Locale = "id"): string {
  const p = parts(instant, tz, locale, "time", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${p.hour}${locale === "id" ? "." : ":"}${p.minute} ${zoneLabel(tz)}`;
}

/** "Jumat, 9 November 2018, 09.00 WIB" */
export function formatDateTime(instant: Date, tz: string, locale: Locale = "id"): string {
  return `${formatDate(instant, tz, locale)}, ${formatTime(instant, tz, locale)}`;
}

/** "Jumat, 9 November 2018, 09.00–12.00 WIB" (or both dates when it spans days). */
export function formatRange(start: Date, end: Date, tz: string, locale: Locale = "id"): string {
  if (formatDate(start, tz, locale) === formatDate(end, tz, locale)) {
    const endTime = formatTime(end, tz, locale);
    return `${formatDate(start, tz, locale)}, ${formatTime(start, tz, locale).replace(/ \S+$/, "")}–${endTime}`;
  }
  return `${formatDateTime(start, tz, locale)} – ${formatDateTime(end, tz, locale)}`;
}

/** "9 November 2018" for a calendar date (YYYY-MM-DD), no zone involved. */
export function formatCalendarDate(date: string, locale: Locale = "id"): string {
  const d = new Date(`${date}T00:00:00Z`);
  return formatter(locale, "UTC", "calendar-date", { day: "numeric", month: "long", year: "numeric" }).format(d);
}

/** The wall-clock value "2018-11-09T09:00" in a zone → the instant. */
export function zonedLocalToInstant(local: string, tz: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m || !isTimeZone(tz)) return new Date(Number.NaN);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - ZONE_INFO[tz].offsetMinutes * 60_000);
}

/** The instant → the wall-clock value "2018-11-09T09:00" in a zone (for datetime-local inputs). */
export function instantToZonedLocal(instant: Date, tz: string): string {
  const offset = isTimeZone(tz) ? ZONE_INFO[tz].offsetMinutes : 0;
  return new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 16);
}

/** Today's calendar date (YYYY-MM-DD) in a zone. */
export function todayIn(tz: string, now = new Date()): string {
  return instantToZonedLocal(now, tz).slice(0, 10);
}

/**
 * The zone a meeting's time is also shown in: the first candidate (the viewer's zone, the office's
 * zone) that differs from the meeting's own, or null when all agree. "09.00 WITA (08.00 WIB)".
 */
export function referenceZone(tz: string, ...candidates: readonly (string | null | undefined)[]): string | null {
  return candidates.find((c): c is string => !!c && c !== tz && isTimeZone(c)) ?? null;
}

const clock = (instant: Date, tz: string, locale: Locale) => formatTime(instant, tz, locale).replace(/ \S+$/, "");

/**
 * "09.00 WITA (08.00 WIB)": a time in the meeting's zone and, when `refTz` differs, in that zone
 * too — with its date when the day there is another ("00.30 WIT (Jumat, 28 Februari 2025, 22.30 WIB)").
 */
export function formatTimeWithReference(instant: Date, tz: string, refTz: string | null | undefined, locale: Locale = "id"): string {
  const own = formatTime(instant, tz, locale);
  if (!refTz || refTz === tz) return own;
  const sameDay = todayIn(tz, instant) === todayIn(refTz, instant);
  return `${own} (${sameDay ? formatTime(instant, refTz, locale) : formatDateTime(instant, refTz, locale)})`;
}

/**
 * "Jumat, 9 November 2018, 09.00–12.00 WITA (08.00–11.00 WIB)": formatRange in the meeting's zone
 * and the times in `refTz` when it differs. When a day boundary lies between the zones, the other
 * zone's range is written with its own dates ("Sabtu, 1 Maret 2025, 00.30–02.00 WIT (Jumat,
 * 28 Februari 2025, 22.30 WIB – Sabtu, 1 Maret 2025, 00.00 WIB)").
 */
export function formatRangeWithReference(start: Date, end: Date, tz: string, refTz: string | null | undefined, locale: Locale = "id"): string {
  const own = formatRange(start, end, tz, locale);
  if (!refTz || refTz === tz) return own;
  const oneDay = todayIn(tz, start) === todayIn(tz, end) && todayIn(refTz, start) === todayIn(tz, start) && todayIn(refTz, end) === todayIn(tz, end);
  return `${own} (${oneDay ? `${clock(start, refTz, locale)}–${formatTime(end, refTz, locale)}` : formatRange(start, end, refTz, locale)})`;
}
