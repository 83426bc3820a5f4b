import { z } from "zod";
import { ROLES, TIME_ZONES, WORK_UNIT_KINDS } from "@/db/schema/_enums";

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const workUnitSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "errors.required")
    .max(40, "errors.invalid")
    .regex(/^[A-Za-z0-9-]+$/, "admin.errors.code"),
  name: z.string().trim().min(1, "errors.required").max(200, "errors.invalid"),
  kind: z.enum(WORK_UNIT_KINDS, "errors.invalid"),
  parentId: z.preprocess(emptyToNull, z.uuid("errors.unknownUnit").nullable()),
  timeZone: z.enum(TIME_ZONES, "errors.invalid"),
});
export type WorkUnitInput = z.infer<typeof workUnitSchema>;

const userBase = z.object({
  name: z.string().trim().min(1, "errors.required").max(200, "errors.invalid"),
  email: z.string().trim().toLowerCase().max(200, "errors.invalid").pipe(z.email("errors.invalidEmail")),
  nip: z.preprocess(emptyToNull, z.string().regex(/^[0-9]{18}$/, "errors.invalidNip").nullable()),
  position: z.string().trim().max(200, "errors.invalid"),
  workUnitId: z.uuid("errors.unknownUnit"),
  role: z.enum(ROLES, "errors.invalid"),
  /** A designated contact of the unit (a checkbox: absent means no). */
  unitContact: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

/** A unit has at most this many designated contacts (notifications stay bounded). */
export const MAX_UNIT_CONTACTS = 5;
export const createUserSchema = userBase.extend({
  password: z.string().min(8, "errors.passwordTooShort").max(200, "errors.invalid"),
});
export const updateUserSchema = userBase;
export const resetPasswordSchema = z.object({
  password: z.string().min(8, "errors.passwordTooShort").max(200, "errors.invalid"),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** The version the form was loaded with (optimistic locking). */
export const versionSchema = z.coerce.number().int().min(1);
