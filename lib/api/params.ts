import { NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID names nothing: 404, not a database error. */
export function uuidParam(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw new NotFoundError();
  return value;
}

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** Opaque list cursors (the offset of the next page). */
export const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const o = Number((JSON.parse(Buffer.from(cursor, "base64url").toString()) as { o?: unknown }).o);
    return Number.isInteger(o) && o >= 0 ? o : 0;
  } catch {
    return 0;
  }
}
