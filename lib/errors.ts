/** Expected problems of a use case. Actions turn them into form state, route handlers into problem+json. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
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

/**
 * A PostgreSQL error caused by the input rather than by a bug: a data exception (class 22: NUL in
 * text, a number out of range, a malformed value) or an integrity violation (class 23). The status
 * and the i18n message to answer with; null for anything else. Logged by the caller, never shown.
 */
export function inputDbError(e: unknown): { status: 409 | 422; message: string; code: string } | null {
  const pg = pgError(e);
  if (!pg) return null;
  if (pg.code === "23505") return { status: 409, message: "errors.duplicate", code: pg.code };
  if (pg.code.startsWith("22") || pg.code.startsWith("23")) return { status: 422, message: "errors.invalid", code: pg.code };
  return null;
}

const UNAVAILABLE_CODES = new Set([
  // Node sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  // postgres.js
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // PostgreSQL: shutting down, starting up, connections terminated, too many connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
  // PostgreSQL: a lock not granted within lock_timeout, a statement cancelled by statement_timeout,
  // a transaction ended by idle_in_transaction_session_timeout (db/client.ts dbTimeouts): busy for a moment.
  "55P03",
  "57014",
  "25P03",
]);

/**
 * The database cannot be reached right now (down, restarting, our connection was dropped) or is
 * busy (a lock or statement timeout): the request is answered 503 with Retry-After instead of 500
 * or a hang, and the pool reconnects by itself.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === "object"; i++) {
    const err = cur as { code?: unknown; message?: unknown; errors?: unknown[]; cause?: unknown; err?: unknown; digest?: unknown };
    if (err.digest === "RAKOR_DB_UNAVAILABLE") return true;
    const code = typeof err.code === "string" ? err.code : "";
    if (UNAVAILABLE_CODES.has(code) || code.startsWith("08")) return true;
    // ALTER DATABASE … ALLOW_CONNECTIONS false, or a database being dropped/recreated.
    if (code === "55000" && /accepting connections/i.test(String(err.message))) return true;
    if (Array.isArray(err.errors) && err.errors.some((x) => isDatabaseUnavailable(x))) return true;
    // next-auth wraps what authorize() threw as { cause: { err } }.
    if (err.err && isDatabaseUnavailable(err.err)) return true;
    cur = err.cause;
  }
  return false;
}

/** Seconds a client should wait before retrying while the database is unavailable. */
export const DB_RETRY_AFTER_SECONDS = 2;

/** Thrown for a page render while the database is unavailable: error.tsx recognises the digest. */
export class DatabaseUnavailableError extends Error {
  readonly digest = "RAKOR_DB_UNAVAILABLE";
  constructor(readonly cause?: unknown) {
    super("The database is unavailable.");
  }
}

export const isUniqueViolation = (e: unknown, constraint?: string) => {
  const pg = pgError(e);
  return pg?.code === "23505" && (!constraint || pg.constraint === constraint);
};

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
