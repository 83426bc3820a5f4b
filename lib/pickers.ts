import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { rows } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
import { requireMeeting } from "@/lib/meetings/access";
import { can } from "@/lib/permissions";
import { unitsOrganisableBy, unitsOverseenBy, unitsVisibleTo, uuidArray } from "@/lib/scopes";
import type { PickerOption } from "@/lib/pickers-types";
import { emptyToUndefined } from "@/lib/input";
import { parseInput } from "@/lib/validation";
import { isUuid } from "@/lib/ids";

export type { PickerOption };

/** A picker answers at most this many matches; typing narrows them. */
export const PICKER_LIMIT = 20;

const q = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(100, "errors.invalid"));
const optionalUuid = z.preprocess(emptyToUndefined, z.uuid("errors.invalid").optional());

/**
 * Which units a picker offers, by what it is for — the same rules as the lists and forms it serves:
 * "all" every active unit (meeting filters, invitations: any signed-in user sees unit names);
 * "organizer" units the user may organise meetings for; "visible" units whose follow-ups the
 * user sees (own unit, and the oversight scope of staff); "create" units the user may create
 * follow-ups for.
 */
export const unitSearchSchema = z.object({
  q,
  scope: z.preprocess(emptyToUndefined, z.enum(["all", "organizer", "visible", "create"], "errors.invalid").default("all")),
});

/**
 * People: "unitId" the active members of one unit (PIC of a follow-up: staff overseeing the unit,
 * or its own members); "meetingId" the people of the meeting's invited units (attendance, for
 * whoever manages the meeting); otherwise staff search everybody (chair, speaker) and participants
 * their own unit. "scope=visible" narrows staff to their own unit and oversight scope (the
 * follow-up list's person-in-charge filter).
 */
export const peopleSearchSchema = z.object({
  q,
  unitId: optionalUuid,
  meetingId: optionalUuid,
  scope: z.preprocess(emptyToUndefined, z.enum(["all", "visible"], "errors.invalid").default("all")),
});

const like = (text: string) => `%${text.replace(/[%_\\]/g, "\\$&")}%`;

export async function searchUnits(user: CurrentUser, input: unknown): Promise<PickerOption[]> {
  const f = parseInput(unitSearchSchema, input);
  const unitScopes: Record<typeof f.scope, (user: CurrentUser, column: SQL) => SQL> = {
    all: () => sql`true`,
    organizer: unitsOrganisableBy,
    visible: unitsVisibleTo,
    create: unitsOverseenBy,
  };
  const scope = unitScopes[f.scope](user, sql`w.id`);
  const found = await rows<{ id: string; name: string; parent: string | null }>(sql`
    select w.id, w.name, p.name as parent
      from work_units w left join work_units p on p.id = w.parent_id
     where w.active and ${scope} ${f.q ? sql`and (w.name ilike ${like(f.q)} or w.code ilike ${like(f.q)})` : sql``}
     order by w.name, w.id
     limit ${PICKER_LIMIT}`);
  return found.map((r) => ({ id: r.id, label: r.name, hint: r.parent ?? undefined }));
}

export async function searchPeople(user: CurrentUser, input: unknown): Promise<PickerOption[]> {
  const f = parseInput(peopleSearchSchema, input);
  let scope: SQL;
  if (f.meetingId) {
    const meeting = await requireMeeting(user, f.meetingId, "meeting.manage");
    scope = sql`u.work_unit_id = any(${uuidArray(meeting.resource.invitedUnitIds)})`;
  } else if (f.unitId) {
    const mayPick = user.workUnitId === f.unitId || can(user, "actionItem.create", { workUnitId: f.unitId });
    if (!mayPick) throw new ForbiddenError();
    scope = sql`u.work_unit_id = ${f.unitId}`;
  } else if (f.scope === "visible" || !can(user, "people.searchAll")) {
    scope = unitsVisibleTo(user, sql`u.work_unit_id`);
  } else {
    scope = sql`true`;
  }
  const text = f.q
    ? sql`and (u.name ilike ${like(f.q)} or u.position ilike ${like(f.q)} or u.nip like ${`${f.q.replace(/[%_\\]/g, "")}%`} or w.name ilike ${like(f.q)})`
    : sql``;
  const found = await rows<{ id: string; name: string; position: string; unit: string }>(sql`
    select u.id, u.name, u.position, w.name as unit
      from users u join work_units w on w.id = u.work_unit_id
     where u.active and ${scope} ${text}
     order by u.name, u.id
     limit ${PICKER_LIMIT}`);
  return found.map((r) => ({ id: r.id, label: `${r.name}${r.position ? ` — ${r.position}` : ""}, ${r.unit}` }));
}

/** The label of an already chosen unit (unit names are visible to every signed-in user). */
export async function unitLabel(id: string | null | undefined): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await rows<{ name: string }>(sql`select name from work_units where id = ${id}`);
  return row?.name;
}

/** The label of an already chosen person, when the user could have picked them in a "visible" picker. */
export async function personLabel(user: CurrentUser, id: string | null | undefined): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  const scope = unitsVisibleTo(user, sql`u.work_unit_id`);
  const [row] = await rows<{ name: string; position: string; unit: string }>(
    sql`select u.name, u.position, w.name as unit from users u join work_units w on w.id = u.work_unit_id where u.id = ${id} and ${scope}`,
  );
  return row ? `${row.name}${row.position ? ` — ${row.position}` : ""}, ${row.unit}` : undefined;
}
