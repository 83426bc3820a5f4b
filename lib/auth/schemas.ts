import { z } from "zod";

export const loginSchema = z.object({
  identifier: z.string().trim().min(1, "errors.required").max(200, "errors.invalid"),
  password: z.string().min(1, "errors.required").max(200, "errors.invalid"),
});
export type LoginInput = z.infer<typeof loginSchema>;
