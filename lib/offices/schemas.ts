import { z } from "zod";
import { emptyToNull, isoDate as isoDateOf } from "@/lib/input";
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
  letterNumberNext: z.coerce.number("errors.invalid").int("errors.invalid").min(1, "errors.invalid").max(1_000_000_000, "errors.invalid"),
  removeLogo: checkbox.optional(),
});
export type OfficeSettingsInput = z.input<typeof officeSettingsSchema>;

const isoDate = isoDateOf("meetings.errors.invalidDate");

/** Issuing (or re-issuing) a meeting's invitation letter. */
export const letterSchema = z
  .object({
    numberMode: z.enum(["sequence", "manual"], "errors.invalid"),
    number: nullableText(100),
    letterDate: isoDate,
    placeName: requiredText(100),
    signerName: requiredText(200),
    signerPosition: requiredText(200),
    signerNip: z.preprocess(emptyToNull, z.string().trim().regex(/^[0-9]{18}$/, "errors.invalidNip").nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.numberMode === "manual" && !v.number) ctx.addIssue({ code: "custom", path: ["number"], message: "errors.required" });
  });
export type LetterInput = z.input<typeof letterSchema>;

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
