import { z } from "zod";
import { parseDateTime, partsToInstant, safeText, yearInRange } from "@/lib/input";
import { DATE_PATTERN, INSTANT_PATTERN } from "./formats";

/** A date ("2030-01-31", midnight UTC) or an instant with offset; a Date when the form already parsed it. */
const expiry = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v instanceof Date ? (Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()) : v),
  z
    .string("errors.invalid")
    .trim()
    .transform((v, ctx) => {
      const parts = parseDateTime(v, "instant") ?? parseDateTime(v, "date");
      if (!parts || !yearInRange(parts.year)) {
        ctx.addIssue({ code: "custom", message: parts ? "errors.yearRange" : "errors.invalid" });
        return z.NEVER;
      }
      return partsToInstant(parts);
    })
    .optional(),
).meta({
  description: "When the token stops working: a day (YYYY-MM-DD, from midnight UTC) or an instant with offset; years 2000–2100. Without it, never.",
  anyOf: [
    { type: "string", format: "date", pattern: DATE_PATTERN },
    { type: "string", format: "date-time", pattern: INSTANT_PATTERN },
  ],
});

export const createTokenSchema = z.object({
  name: safeText(100, { tooLong: "errors.invalid" }).min(1, "errors.required"),
  expiresAt: expiry,
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
