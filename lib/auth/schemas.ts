import { z } from "zod";
import { safeText } from "@/lib/input";
import { newPassword } from "@/lib/admin/schemas";
import { LOGIN_MAX_LENGTH } from "./login-rules";

/** The server's check of the sign-in form; the browser runs lib/auth/login-rules.ts (same limits). */
export const loginSchema = z.object({
  identifier: safeText(LOGIN_MAX_LENGTH).min(1, "errors.required"),
  password: z.string("errors.required").min(1, "errors.required").max(LOGIN_MAX_LENGTH, "errors.invalid"),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** The profile page's password change: the current password, and the new one typed twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string("errors.required").min(1, "errors.required").max(200, "errors.invalid"),
    newPassword,
    confirmPassword: z.string("errors.required").min(1, "errors.required").max(200, "errors.invalid"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "profile.password.mismatch" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "profile.password.same" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
