import "server-only";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/types";
import { can } from "@/lib/permissions";
import { uuidArray } from "./access";

export type UnitOption = { id: string; name: string; depth: number; timeZone: string; label: string };
export type PersonOption = { id: string; label: string; workUnitId: string };

/** Active units in tree order (depth-first by name), one query. */
export async function unitTree(): Promise<UnitOption[]> {
  const result = await rows<{ id: string; name: string; depth: number; timeZone: string }>(sql`
    with recursive tree as (
      select id, name, time_zone, 0 as depth, name::text as path from work_units where parent_id is null and active
      union all
      select w.id, w.name, w.time_zone, tree.depth + 1, tree.path || ' / ' || w.name from work_units w join tree on w.parent_id = tree.id where w.active
    ) select id, name, depth, time_zone from tree order by path`);
  return result.map((r) => ({ id: r.id, name: r.name, depth: Number(r.depth), timeZone: r.timeZone, label: `${"— ".repeat(Number(r.depth))}${r.name}` }));
}

/** Units the user may organise meetings for (`meeting.create`): their scope (admins: all). */
export async function organizerUnits(user: CurrentUser) {
  const tree = await unitTree();
  return tree.filter((u) => can(user, "meeting.create", { organizerUnitId: u.id }));
}

/** Active staff to pick as chair, speaker or attendee: "Name — Position, Unit". Optionally only some units. */
export async function people(unitIds?: readonly string[]): Promise<PersonOption[]> {
  const result = await rows<{ id: string; name: string; position: string; unit: string; workUnitId: string }>(sql`
    select u.id, u.name, u.position, w.name as unit, u.work_unit_id
      from users u join work_units w on w.id = u.work_unit_id
     where u.active ${unitIds ? sql`and u.work_unit_id = any(${uuidArray(unitIds)})` : sql``}
     order by w.name, u.name
     limit 2000`);
  return result.map((r) => ({ id: r.id, label: `${r.name}${r.position ? ` — ${r.position}` : ""}, ${r.unit}`, workUnitId: r.workUnitId }));
}
