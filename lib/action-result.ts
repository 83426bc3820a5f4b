import { AppError, ConflictError, ValidationError, pgError, type FieldErrors } from "./errors";

/** What a server action returns to its form. Messages are i18n keys. */
export type ActionState<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; message: string; fieldErrors?: FieldErrors; current?: unknown; status?: number };

/**
 * Runs a use case for a server action and turns expected problems into values. Unexpected errors
 * are logged on the server and shown as a generic message (never the database's text).
 */
export async function runAction<T>(work: () => Promise<T>, successMessage?: string): Promise<ActionState<T>> {
  try {
    const data = await work();
    return { ok: true, data, message: successMessage };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, status: 422 };
    if (e instanceof ConflictError) return { ok: false, message: e.message, current: JSON.parse(JSON.stringify(e.current ?? null)), status: 409 };
    if (e instanceof AppError) return { ok: false, message: e.message, status: e.status };
    if (pgError(e)?.code === "23503") return { ok: false, message: "errors.invalid", status: 422 };
    console.error("[rakor] action failed", e);
    return { ok: false, message: "errors.unexpected", status: 500 };
  }
}
