import "server-only";
import { sql } from "drizzle-orm";
import { rows, type DbOrTx, db } from "@/db/client";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { getRoom } from "@/lib/offices/rooms";
import { officeOf } from "@/lib/offices/office";
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

/**
 * The place of a meeting: a room of the organizer's office (its name becomes the location text)
 * or free text ("other place"). A room of another office, or one deactivated since (unless the
 * meeting already had it), is refused on the room field.
 */
export async function resolveRoom(roomId: string | null, organizerUnitId: string, location: string, currentRoomId?: string | null): Promise<{ roomId: string | null; location: string }> {
  if (!roomId) return { roomId: null, location };
  const [room, office] = await Promise.all([getRoom(roomId), officeOf(organizerUnitId)]);
  if (!room || room.officeUnitId !== office?.id || (!room.active && room.id !== currentRoomId)) {
    throw new ValidationError({ roomId: ["offices.errors.unknownRoom"] });
  }
  return { roomId: room.id, location: room.name };
}
