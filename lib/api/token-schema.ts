import { z } from "zod";
import { parseDateTime, partsToInstant, safeText, yearInRange } from "@/lib/input";

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
);

export const createTokenSchema = z.object({
  name: safeText(100, { tooLong: "errors.invalid" }).min(1, "errors.required"),
  expiresAt: expiry,
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
