import { z } from "zod";
import { LETTER_KINDS, LETTER_NATURES, ON_BEHALF_KINDS } from "@/db/schema/_enums";
import { emptyToNull, isoDate as isoDateOf, oneLine } from "@/lib/input";
import { checkbox, nullableText, optionalText, requiredText } from "@/lib/meetings/schemas";

/**
 * Zod schemas of the office settings (letterhead, letters) and rooms, shared by the admin forms
 * and the use cases. Messages are i18n keys. Client-safe.
 */

export const roomSchema = z.object({
  officeUnitId: z.uuid("errors.unknownUnit"),
  name: requiredText(200),
  building: optionalText(200),
  capacity: z.preprocess(emptyToNull, z.coerce.number("errors.invalid").int("errors.invalid").min(1, "offices.errors.capacity").max(100_000, "offices.errors.capacity").nullable()),
  active: checkbox,
});
export type RoomInput = z.input<typeof roomSchema>;

/** Text lines from a textarea (one per line) or a JSON array; blank lines dropped. */
const lines = (maxItems: number, maxLength: number) =>
  z.preprocess(
    (v) => (v == null ? [] : typeof v === "string" ? v.split(/\r?\n/) : v),
    z
      .array(z.string("errors.invalid").transform((x) => oneLine(x)).pipe(z.string().max(maxLength, "meetings.errors.tooLong")), "errors.invalid")
      .transform((list) => list.filter((x) => x.length > 0))
      .pipe(z.array(z.string()).max(maxItems, "offices.errors.tooManyLines")),
  );

/** "W15.IMI-UM.01.01-{n}": must hold {n} (the running number); {yyyy} and {mm} are optional. */
export const LETTER_NUMBER_TOKENS = ["{n}", "{yyyy}", "{mm}"] as const;

export const officeSettingsSchema = z.object({
  ministryLine: optionalText(200),
  officeName: requiredText(200),
  address: optionalText(300),
  phone: optionalText(100),
  email: z.preprocess(emptyToNull, z.string().trim().max(200, "meetings.errors.tooLong").pipe(z.email("errors.invalidEmail")).nullable()),
  website: optionalText(200),
  placeName: requiredText(100),
  defaultSignerUserId: z.preprocess(emptyToNull, z.uuid("meetings.errors.unknownUser").nullable()),
  letterNumberFormat: optionalText(100).refine((v) => v === "" || v.includes("{n}"), "offices.errors.numberFormat"),
  /** Where this year's sequence goes on from; empty: leave it where it stands. */
  letterNumberNext: z.preprocess(emptyToNull, z.coerce.number("errors.invalid").int("errors.invalid").min(1, "errors.invalid").max(1_000_000_000, "errors.invalid").nullable()).default(null),
  defaultCopies: lines(10, 200).default([]),
  showDivisionLine: checkbox.default(false),
  removeLogo: checkbox.optional(),
});
export type OfficeSettingsInput = z.input<typeof officeSettingsSchema>;

const isoDate = isoDateOf("meetings.errors.invalidDate");

/**
 * Issuing a letter of a meeting (issue 19): its kind, number (the office's next, or typed), date,
 * place, sifat, hal, addressees (a few named, or none: "Daftar terlampir"), tembusan, the signer
 * and an optional a.n./u.b./Plt./Plh. line. What is issued never changes.
 */
export const letterSchema = z
  .object({
    kind: z.enum(LETTER_KINDS, "errors.invalid").default("invitation"),
    numberMode: z.enum(["sequence", "manual"], "errors.invalid"),
    number: nullableText(100),
    letterDate: isoDate,
    placeName: requiredText(100),
    nature: z.enum(LETTER_NATURES, "errors.invalid").default("biasa"),
    subject: optionalText(300),
    addressees: lines(8, 200).default([]),
    /** Null: the office's default tembusan. */
    copies: z.preprocess((v) => (v === undefined ? null : v), lines(10, 200).nullable()),
    signerName: requiredText(200),
    signerPosition: requiredText(200),
    signerNip: z.preprocess(emptyToNull, z.string().trim().regex(/^[0-9]{18}$/, "errors.invalidNip").nullable()),
    onBehalfKind: z.preprocess(emptyToNull, z.enum(ON_BEHALF_KINDS, "errors.invalid").nullable()).default(null),
    onBehalfOf: nullableText(200).default(null),
  })
  .superRefine((v, ctx) => {
    if (v.numberMode === "manual" && !v.number) ctx.addIssue({ code: "custom", path: ["number"], message: "errors.required" });
    if (v.onBehalfKind && !v.onBehalfOf) ctx.addIssue({ code: "custom", path: ["onBehalfOf"], message: "errors.required" });
  });
export type LetterInput = z.input<typeof letterSchema>;
export type LetterData = z.output<typeof letterSchema>;

/** "a.n.", "u.b.", "Plt.", "Plh.": the line above the signer's position. */
export const ON_BEHALF_LABELS = { an: "a.n.", ub: "u.b.", plt: "Plt.", plh: "Plh." } as const;
export const NATURE_LABELS = { biasa: "Biasa", segera: "Segera", sangat_segera: "Sangat Segera", rahasia: "Rahasia" } as const;

/** The letter number the sequence gives for `n` on a date (YYYY-MM-DD). */
export function formatLetterNumber(format: string, n: number, date: string): string {
  return format.replaceAll("{n}", String(n)).replaceAll("{yyyy}", date.slice(0, 4)).replaceAll("{mm}", date.slice(5, 7));
}

/** A holiday or office day off: the date, its name, and the office ("" for every office). */
export const holidaySchema = z.object({
  date: isoDateOf("meetings.errors.invalidDate"),
  name: requiredText(200),
  officeUnitId: z.preprocess(emptyToNull, z.uuid("errors.unknownUnit").nullable()),
});
export type HolidayInput = z.input<typeof holidaySchema>;
