import { z } from "zod";

/**
 * The input primitives every zod schema builds on (client-safe: the forms use them too).
 * One strict parser for dates and date-times, one safe-text helper, and the numeric ranges the
 * database can hold. Messages are i18n keys.
 */

/** Dates outside these years are typing mistakes (0000, 20188) and are refused. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** The largest PostgreSQL `integer` (versions, counters). */
export const INT4_MAX = 2_147_483_647;

// ---------------------------------------------------------------------------------------------
// Text

/** C0 control characters and DEL. Multi-line text keeps tab, LF and CR. */
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f\u2028\u2029]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
/** Bidirectional formatting controls (a right-to-left override makes "gpj.exe" read "exe.jpg"). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The message for a value with characters it may not hold, or null when it is clean. */
export function controlCharProblem(value: string, multiline = false): string | null {
  if (multiline) return CONTROL_MULTI_LINE.test(value) ? "errors.controlChars" : null;
  if (LINE_BREAK.test(value)) return "errors.lineBreak";
  return CONTROL_SINGLE_LINE.test(value) ? "errors.controlChars" : null;
}

/** Removes every control, line-break and bidi character (for search terms, file names, headers). */
export function stripUnsafeChars(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ").replace(BIDI_CONTROLS, "");
}

/** One line of text for a header, a calendar property or a file name, whatever the stored value is. */
export const oneLine = (value: string) => stripUnsafeChars(value).replace(/\s+/g, " ").trim();

/**
 * Text a person types: trimmed, at most `max` characters, never NUL or other control characters,
 * and no line breaks unless `multiline` (titles, names, places are single-line).
 */
export function safeText(max: number, opts: { multiline?: boolean; tooLong?: string; invalid?: string } = {}) {
  return z
    .string(opts.invalid ?? "errors.invalid")
    .trim()
    .max(max, opts.tooLong ?? "errors.textTooLong")
    .superRefine((value, ctx) => {
      const problem = controlCharProblem(value, opts.multiline);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** A search term from a URL: control characters are dropped rather than refused. */
export const searchText = (max = 200) => z.string().transform((v) => stripUnsafeChars(v).trim().slice(0, max));

// ---------------------------------------------------------------------------------------------
// Dates

export type DateTimeParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC, for instants only. */
  offsetMinutes: number | null;
};

export type DateFormat = "date" | "local" | "instant";

const PATTERNS: Record<DateFormat, RegExp> = {
  /** 2018-11-09 */
  date: /^(\d{4})-(\d{2})-(\d{2})$/,
  /** 2018-11-09T09:00 or 2018-11-09T09:00:00 (a datetime-local input) */
  local: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/,
  /** 2018-11-09T09:00:00+07:00, 2018-11-09T02:00:00.000Z */
  instant: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/i,
};

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The one strict parser for dates and date-times. Null when the text is not in the format, or names
 * a moment that does not exist (2027-02-30, 25:61, offset +15:00). The year is NOT range-checked
 * here: `yearInRange` does that, so callers can give the two problems their own messages.
 */
export function parseDateTime(value: string, format: DateFormat): DateTimeParts | null {
  const m = PATTERNS[format].exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millisecond = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes: number | null = null;
  if (format === "instant") {
    const zone = m[8]!;
    if (zone.toUpperCase() === "Z") offsetMinutes = 0;
    else {
      const oh = Number(zone.slice(1, 3));
      const om = Number(zone.slice(4, 6));
      if (oh > 14 || om > 59) return null;
      offsetMinutes = (zone[0] === "-" ? -1 : 1) * (oh * 60 + om);
    }
  }
  return { year, month, day, hour, minute, second, millisecond, offsetMinutes };
}

export const yearInRange = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

/** The instant an "instant" string names (parts from `parseDateTime(…, "instant")`). */
export function partsToInstant(p: DateTimeParts): Date {
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - (p.offsetMinutes ?? 0) * 60_000);
}

/** Minutes from one wall-clock value ("2018-11-09T09:00") to another, both in the same zone. */
export function localMinutesBetween(from: string, to: string): number {
  const a = parseDateTime(from.slice(0, 16), "local");
  const b = parseDateTime(to.slice(0, 16), "local");
  if (!a || !b) return Number.NaN;
  return (partsToInstant({ ...b, offsetMinutes: 0 }).getTime() - partsToInstant({ ...a, offsetMinutes: 0 }).getTime()) / 60_000;
}

function dateCheck(format: DateFormat, message: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    const parts = parseDateTime(value, format);
    const problem = !parts ? message : !yearInRange(parts.year) ? "errors.yearRange" : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

/** A calendar date "YYYY-MM-DD" that exists, in the years 2000–2100. */
export const strictDate = (message = "errors.invalidDate") => z.string(message).trim().superRefine(dateCheck("date", message));

/** A required calendar date (YYYY-MM-DD that exists): "errors.required" when not a string, `message` when not a real date. */
export const isoDate = (message = "errors.invalidDate") => z.string("errors.required").pipe(strictDate(message));

/** Nothing entered: a missing value, null or a blank string (forms omit or send "" for an empty field). */
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
/** For nullable fields: nothing entered → null. */
export const emptyToNull = (v: unknown) => (isBlank(v) ? null : v);
/** For optional fields and filters: nothing entered → undefined. */
export const emptyToUndefined = (v: unknown) => (isBlank(v) ? undefined : v);

/** A wall-clock date-time "YYYY-MM-DDTHH:mm[:ss]" that exists; normalised to "YYYY-MM-DDTHH:mm". */
export const strictLocalDateTime = (message = "errors.invalidDateTime") =>
  z
    .string(message)
    .trim()
    .superRefine(dateCheck("local", message))
    .transform((v) => v.slice(0, 16));

/** An ISO 8601 instant with an offset ("…+07:00" or "…Z") that exists, in the years 2000–2100. */
export const strictInstant = (message = "errors.invalidDateTime") => z.string(message).trim().superRefine(dateCheck("instant", message));

// ---------------------------------------------------------------------------------------------
// Numbers

/** A record's `version` as the API sends it (a JSON number). */
export const versionNumber = (message = "errors.invalid") => z.number(message).int(message).min(1, message).max(INT4_MAX, message);

/** A record's `version` from a form or a bound argument. */
export const versionInput = z.coerce.number().int().min(1).max(INT4_MAX);

/**
 * The version in an If-Match header ("3", W/"3"; "0" for minutes not yet written; a read's tag
 * W/"3-<content tag>" names version 3): a number in range, or null.
 */
export function versionFromIfMatch(header: string | null): number | null {
  if (header === null) return null;
  const m = /^\s*(?:W\/)?"?(\d{1,10})(?:-[A-Za-z0-9_]{1,40})?"?\s*$/.exec(header);
  if (!m) return null;
  const n = Number(m[1]);
  return n <= INT4_MAX ? n : null;
}

/** A page number from a URL (?page=): 1 for anything that is not a plain number in range. */
export function pageNumber(value: string | string[] | undefined, max = 10_000): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{1,6}$/.test(raw)) return 1;
  return Math.min(Math.max(1, Number(raw)), max);
}

/**
 * A required choice by id (a select or picker): left empty it says "Wajib diisi" (errors.required),
 * filled with something that is not an id it says `message` ("unknown unit").
 */
export const requiredId = (message = "errors.invalid") => z.string("errors.required").trim().min(1, "errors.required").pipe(z.uuid(message));
