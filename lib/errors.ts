/** Expected problems of a use case. Actions turn them into form state, route handlers into problem+json. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
  ) {
    super(message);
  }
}
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "errors.fixFields",
  ) {
    super(422, message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "errors.forbidden") {
    super(403, message);
  }
}
export class NotFoundError extends AppError {
  constructor(message = "errors.notFound") {
    super(404, message);
  }
}
/** A version check missed: someone else saved first. `current` is the record as it is now. */
export class ConflictError extends AppError {
  constructor(
    readonly current: unknown,
    message = "errors.conflict",
  ) {
    super(409, message);
  }
}

type PgLikeError = { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };

/** The PostgreSQL error under a driver/ORM wrapper (drizzle wraps it in `cause`). */
export function pgError(e: unknown): { code: string; constraint: string } | null {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === "object"; i++) {
    const p = cur as PgLikeError;
    if (typeof p.code === "string" && /^[0-9A-Z]{5}$/.test(p.code)) {
      return { code: p.code, constraint: p.constraint ?? p.constraint_name ?? "" };
    }
    cur = p.cause;
  }
  return null;
}

export const isUniqueViolation = (e: unknown, constraint?: string) => {
  const pg = pgError(e);
  return pg?.code === "23505" && (!constraint || pg.constraint === constraint);
};
export const isForeignKeyViolation = (e: unknown) => pgError(e)?.code === "23503";

/** zod issues → { field: [messages] }, all of them, not only the first. */
export function zodFieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * For a versioned update run in a transaction that yields null when `WHERE version = $v` matched
 * nothing: throws a ConflictError carrying the current record, loaded after the transaction ended
 * (querying outside a transaction while it is open would deadlock the single PGlite connection).
 */
export async function orConflict<T>(work: Promise<T | null>, loadCurrent: () => Promise<unknown>): Promise<T> {
  const result = await work;
  if (result === null) throw new ConflictError(await loadCurrent());
  return result;
}
