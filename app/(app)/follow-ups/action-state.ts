import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/request-ip";
import { AppError, ValidationError, type FieldErrors } from "@/lib/errors";

/** What a follow-up form action returns: messages are i18n keys, translated by the form. */
export type ActionState = { ok: boolean; message?: string; fieldErrors?: FieldErrors; at?: number };
export const initialState: ActionState = { ok: false };

export async function requestContext() {
  return { ip: clientIp(await headers()) };
}

/** Runs a use case; expected errors become form state, unexpected ones are logged, never shown. */
export async function runAction(work: () => Promise<unknown>, okMessage = "followUps.saved"): Promise<ActionState> {
  try {
    await work();
    return { ok: true, message: okMessage, at: Date.now() };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, fieldErrors: e.fieldErrors, message: e.message, at: Date.now() };
    if (e instanceof AppError) return { ok: false, message: e.message, at: Date.now() };
    console.error(e);
    return { ok: false, message: "errors.unexpected", at: Date.now() };
  }
}

/** A file input's value, or null when nothing was chosen. */
export async function fileFrom(formData: FormData, name = "file") {
  const value = formData.get(name);
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

export const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === "string" ? v : undefined;
};
