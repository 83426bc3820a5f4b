import { z } from "zod";

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "errors.required").max(100, "errors.invalid"),
  expiresAt: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.date("errors.invalid").optional(),
  ),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
