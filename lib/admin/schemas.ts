import { z } from "zod";
import { ROLES, TIME_ZONES, WORK_UNIT_KINDS } from "@/db/schema/_enums";
import { emptyToNull, requiredId, safeText, versionInput } from "@/lib/input";

export const workUnitSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "errors.required")
    .max(40, "errors.invalid")
    .regex(/^[A-Za-z0-9-]+$/, "admin.errors.code"),
  name: safeText(200, { tooLong: "errors.invalid" }).min(1, "errors.required"),
  kind: z.enum(WORK_UNIT_KINDS, "errors.invalid"),
  parentId: z.preprocess(emptyToNull, z.uuid("errors.unknownUnit").nullable()),
  timeZone: z.enum(TIME_ZONES, "errors.invalid"),
});
export type WorkUnitInput = z.infer<typeof workUnitSchema>;

const userBase = z.object({
  name: safeText(200, { tooLong: "errors.invalid" }).min(1, "errors.required"),
  email: safeText(200, { tooLong: "errors.invalid" }).toLowerCase().pipe(z.email("errors.invalidEmail")),
  nip: z.preprocess(emptyToNull, z.string().regex(/^[0-9]{18}$/, "errors.invalidNip").nullable()),
  position: safeText(200, { tooLong: "errors.invalid" }),
  workUnitId: requiredId("errors.unknownUnit"),
  role: z.enum(ROLES, "errors.invalid"),
  /** A designated contact of the unit (a checkbox: absent means no). */
  unitContact: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

/** A unit has at most this many designated contacts (notifications stay bounded). */
export const MAX_UNIT_CONTACTS = 5;
/** A new password: 8–200 characters, no control characters (spaces and any other letters are fine). */
export const newPassword = z
  .string("errors.required")
  .min(8, "errors.passwordTooShort")
  .max(200, "errors.invalid")
  .regex(/^[^\u0000-\u001f\u007f]*$/, "errors.controlChars");
export const createUserSchema = userBase.extend({ password: newPassword });
export const updateUserSchema = userBase;
export const resetPasswordSchema = z.object({ password: newPassword });
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** The version the form was loaded with (optimistic locking). */
export const versionSchema = versionInput;
