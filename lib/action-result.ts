import { withWriteSlot } from "./write-slots";
import { AppError, ConflictError, ValidationError, inputDbError, isDatabaseUnavailable, type FieldErrors } from "./errors";

/** What a server action returns to its form. Messages are i18n keys. */
export type ActionState<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; message: string; fieldErrors?: FieldErrors; current?: unknown; status?: number };

/**
 * Runs a use case for a server action and turns expected problems into values: the use case's own
 * errors, database errors caused by the input (22xxx, 23xxx → 4xx) and an unreachable database
 * (503, "try again in a moment"). Anything else is logged on the server and shown as a generic
 * message (never the database's text).
 */
export async function runAction<T>(work: () => Promise<T>, successMessage?: string): Promise<ActionState<T>> {
  try {
    // One of this instance's writers at a time (lib/write-slots.ts): a locked row cannot starve the pages.
    const data = await withWriteSlot(`action:${crypto.randomUUID()}`, work);
    return { ok: true, data, message: successMessage };
  } catch (e) {
    return actionError(e);
  }
}

/** An error as the value a form shows. Redirects and notFound() must not reach here (rethrow them first). */
export function actionError(e: unknown): Extract<ActionState, { ok: false }> {
  if (e instanceof ValidationError) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, status: 422 };
  if (e instanceof ConflictError) return { ok: false, message: e.message, current: JSON.parse(JSON.stringify(e.current ?? null)), status: 409 };
  if (e instanceof AppError) return { ok: false, message: e.message, status: e.status };
  if (isDatabaseUnavailable(e)) {
    console.error("[rakor] action: database unavailable", (e as Error)?.message);
    return { ok: false, message: "errors.unavailable", status: 503 };
  }
  const input = inputDbError(e);
  if (input) {
    console.warn(`[rakor] action refused input (PostgreSQL ${input.code})`);
    return { ok: false, message: input.message, status: input.status };
  }
  console.error("[rakor] action failed", e);
  return { ok: false, message: "errors.unexpected", status: 500 };
}
