import "server-only";
import { asc, isNull, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { workUnits } from "@/db/schema";
import { uuidArray } from "@/lib/meetings/access";

/**
 * The regional office of each unit: the root of its tree (Kantor Wilayah), one recursive query
 * for all of them. Rooms, letterheads and letter numbers belong to an office.
 */
export type OfficeRef = { id: string; name: string; timeZone: string; city: string };

export async function officesOf(unitIds: readonly string[]): Promise<Map<string, OfficeRef>> {
  const list = [...new Set(unitIds)];
  if (list.length === 0) return new Map();
  const found = await rows<{ startId: string; id: string; name: string; timeZone: string; city: string }>(sql`
    with recursive up as (
      select w.id as start_id, w.id, w.parent_id, w.name from work_units w where w.id = any(${uuidArray(list)})
      union all
      select up.start_id, w.id, w.parent_id, w.name from work_units w join up on w.id = up.parent_id
    )
    select up.start_id, up.id, up.name, w.time_zone, w.city from up join work_units w on w.id = up.id where up.parent_id is null`);
  return new Map(found.map((r) => [r.startId, { id: r.id, name: r.name, timeZone: r.timeZone, city: r.city }]));
}

export async function officeOf(unitId: string) {
  return (await officesOf([unitId])).get(unitId) ?? null;
}

/** Every regional office (roots of the unit tree), by name. */
export async function listOffices() {
  return db.select({ id: workUnits.id, name: workUnits.name, timeZone: workUnits.timeZone }).from(workUnits).where(isNull(workUnits.parentId)).orderBy(asc(workUnits.name));
}
