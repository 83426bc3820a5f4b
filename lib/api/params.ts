import { AppError, NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID names nothing: 404, not a database error. */
export function uuidParam(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw new NotFoundError();
  return value;
}

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** Opaque list cursors (the offset of the next page). */
export const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
/** The deepest offset a cursor may name: past it a list is searched with filters, not paged. */
export const MAX_CURSOR_OFFSET = 100_000;
/** A cursor this API did not hand out (malformed, foreign or out of range) is a 400, never a 500. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  const bad = () => new AppError(400, "The cursor is malformed or out of range; use the nextCursor of the previous page.");
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw bad();
  let o: unknown;
  try {
    o = (JSON.parse(Buffer.from(cursor, "base64url").toString()) as { o?: unknown } | null)?.o;
  } catch {
    throw bad();
  }
  if (typeof o !== "number" || !Number.isInteger(o) || o < 0 || o > MAX_CURSOR_OFFSET) throw bad();
  return o;
}
