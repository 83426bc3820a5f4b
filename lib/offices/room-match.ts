import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { rows } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
import { emptyToUndefined } from "@/lib/input";
import { can } from "@/lib/permissions";
import type { PickerOption } from "@/lib/pickers-types";
import { parseInput } from "@/lib/validation";

/**
 * Rooms the way people type them. Similarity is pg_trgm's trigram similarity of the lower-cased
 * texts (the GIN index rooms_name_trgm_idx serves `%`). A typed place is a "near match" of a
 * managed room when the similarity is at least NEAR_ROOM_SIMILARITY and both carry the same
 * numbers ("Ruang Rapat 3" is not "Ruang Rapat 1", though 0.73 alike): "Aula Kanwil Kemenkumham
 * Jawa Timur" is 0.70 like "Aula Kanwil Kemenkumham Jatim".
 */
export const NEAR_ROOM_SIMILARITY = 0.6;
/** Suggestions while typing: looser (pg_trgm's default threshold), at most this many. */
export const SUGGEST_LIMIT = 5;

/** The SQL test "typed text `a` is a near match of room name `b`" (both any SQL text expressions). */
export function nearRoomSql(a: SQL, b: SQL): SQL {
  return sql`(similarity(lower(${a}), lower(${b})) >= ${NEAR_ROOM_SIMILARITY}::real
    and regexp_replace(${a}, '\\D', '', 'g') = regexp_replace(${b}, '\\D', '', 'g'))`;
}

/** The office (root of the unit tree) of a unit, as an SQL scalar subquery. */
export function officeOfSql(unitId: string): SQL {
  return sql`(with recursive up as (
      select id, parent_id from work_units where id = ${unitId}::uuid
      union all
      select w.id, w.parent_id from work_units w join up on w.id = up.parent_id
    ) select id from up where parent_id is null limit 1)`;
}

export type RoomSuggestion = PickerOption & { near: boolean; similarity: number };

/** The office's active rooms most like `text`, best first; `near` marks a near match. */
export async function similarRooms(organizerUnitId: string, text: string, limit = SUGGEST_LIMIT): Promise<RoomSuggestion[]> {
  const q = text.trim().replace(/\s+/g, " ");
  if (q.length < 3) return [];
  const found = await rows<{ id: string; name: string; building: string; capacity: number | null; sim: number; near: boolean }>(sql`
    select r.id, r.name, r.building, r.capacity, similarity(lower(r.name), lower(${q})) as sim, ${nearRoomSql(sql`${q}::text`, sql`r.name`)} as near
      from rooms r
     where r.active
       and r.office_unit_id = ${officeOfSql(organizerUnitId)}
       and (lower(r.name) % lower(${q}) or lower(r.name) like '%' || lower(${q}) || '%')
     order by sim desc, r.name
     limit ${limit}`);
  return found.map((r) => ({
    id: r.id,
    label: r.name,
    hint: [r.building, r.capacity ? String(r.capacity) : ""].filter(Boolean).join(" · ") || undefined,
    near: Boolean(r.near),
    similarity: Number(r.sim),
  }));
}

/** The one managed room a typed place most likely means, or null. */
export async function nearRoom(organizerUnitId: string, text: string) {
  const [best] = await similarRooms(organizerUnitId, text, 1);
  return best?.near ? best : null;
}

const suggestSchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(200, "errors.invalid")),
  organizerUnitId: z.preprocess(emptyToUndefined, z.uuid("errors.invalid")),
});

/** The meeting form's suggestions while the place is typed (whoever may create meetings). */
export async function suggestRooms(user: CurrentUser, input: unknown): Promise<RoomSuggestion[]> {
  const f = parseInput(suggestSchema, input);
  if (!can(user, "meeting.create", { organizerUnitId: f.organizerUnitId })) throw new ForbiddenError();
  return similarRooms(f.organizerUnitId, f.q);
}
