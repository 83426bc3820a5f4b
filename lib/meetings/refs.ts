import { sql } from "drizzle-orm";
import { rows, type DbOrTx, db } from "@/db/client";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { zonedLocalToInstant } from "@/lib/time";
import { uuidArray } from "./access";

/** Active units among the ids, in one query. */
async function activeUnitIds(ids: readonly string[], handle: DbOrTx = db): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: string }>(sql`select id from work_units where active and id = any(${uuidArray(ids)})`, handle);
  return new Set(found.map((r) => r.id));
}

async function activeUserIds(ids: readonly string[], handle: DbOrTx = db): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: string }>(sql`select id from users where active and id = any(${uuidArray(ids)})`, handle);
  return new Set(found.map((r) => r.id));
}

/**
 * Checks referenced units and users exist and are active; every bad one is reported on its own
 * field ("unitIds.2"), all at once.
 */
export async function assertRefs(refs: { units?: Record<string, string | null | undefined>; users?: Record<string, string | null | undefined> }) {
  const units = Object.entries(refs.units ?? {}).filter((e): e is [string, string] => !!e[1]);
  const people = Object.entries(refs.users ?? {}).filter((e): e is [string, string] => !!e[1]);
  const [okUnits, okUsers] = await Promise.all([activeUnitIds(units.map((e) => e[1])), activeUserIds(people.map((e) => e[1]))]);
  const errors: FieldErrors = {};
  for (const [field, id] of units) if (!okUnits.has(id)) errors[field] = ["errors.unknownUnit"];
  for (const [field, id] of people) if (!okUsers.has(id)) errors[field] = ["meetings.errors.unknownUser"];
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** Wall-clock inputs of a form → instants in the meeting's zone. */
export function toInstants(v: { startsAt: string; endsAt: string; timeZone: string }) {
  return { startsAt: zonedLocalToInstant(v.startsAt, v.timeZone), endsAt: zonedLocalToInstant(v.endsAt, v.timeZone) };
}
