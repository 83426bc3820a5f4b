import { NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID names nothing: 404, not a database error. */
export function uuidParam(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw new NotFoundError();
  return value;
}

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
