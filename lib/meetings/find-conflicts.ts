import "server-only";
import { sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { ValidationError } from "@/lib/errors";
import { nearRoomSql, officeOfSql } from "@/lib/offices/room-match";
import { toDate, uuidArray } from "./access";

export type ConflictKind = "room" | "person" | "unit";
export type Conflict = {
  kind: ConflictKind;
  meetingId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** The room, the person's name or the unit's name that is double-booked. */
  subject: string;
  /** A typed place very like a managed room of the office: that room's name ("Maksud Anda …?"). */
  suggestion?: string;
};

export type ConflictQuery = {
  /** The meeting being saved (excluded from its own conflicts). */
  meetingId?: string | null;
  startsAt: Date;
  endsAt: Date;
  location?: string | null;
  /** The room chosen from the office's list (compared by id). */
  roomId?: string | null;
  /** The organizing unit: a typed place is compared with the managed rooms of its office. */
  organizerUnitId?: string | null;
  /** The chair and internal speakers. */
  personIds?: readonly string[];
  /** Invited units. */
  unitIds?: readonly string[];
};

type Row = { kind: ConflictKind; meetingId: string; title: string; startsAt: Date | string; endsAt: Date | string; timeZone: string; subject: string; suggestion: string | null };

/**
 * Other meetings overlapping [startsAt, endsAt) that use the same room, have one of the people as
 * chair or internal speaker, or invite one of the units. One SQL query over tstzrange overlap;
 * cancelled meetings do not count. These are warnings, not errors.
 *
 * The same room is the same room id (chosen from the office's list), or the same place typed as
 * free text compared without case and repeated spaces ("AULA  kanwil" = "Aula Kanwil"): the
 * generated column `meetings.locationKey` holds that form, indexed with the start time. A typed
 * place very like one of the office's managed rooms (lib/offices/room-match.ts: "Aula Kanwil
 * Kemenkumham Jawa Timur" for "Aula Kanwil Kemenkumham Jatim") is that room too: meetings in the
 * room, and other typed places very like it, are conflicts, and carry the room as a suggestion.
 * A chosen room likewise meets typed places very like its name.
 */
export async function findConflicts(q: ConflictQuery, handle: DbOrTx = db): Promise<Conflict[]> {
  const self = q.meetingId ?? "00000000-0000-0000-0000-000000000000";
  const people = uuidArray(q.personIds?.filter(Boolean) ?? []);
  const units = uuidArray(q.unitIds ?? []);
  const location = q.location ?? "";
  const roomId = q.roomId ?? null;
  const organizer = q.organizerUnitId ?? null;
  const key = sql`lower(regexp_replace(btrim(${location}::text), '\\s+', ' ', 'g'))`;
  const start = q.startsAt.toISOString();
  const end = q.endsAt.toISOString();
  const result = await rows<Row>(
    sql`
    with other as (
      select m.id, m.title, m.starts_at, m.ends_at, m.time_zone, m.location, m.location_key, m.room_id, m.chair_user_id
        from meetings m
       where m.id <> ${self}
         and m.status <> 'cancelled'
         and m.starts_at < ${end}::timestamptz
         and tstzrange(m.starts_at, m.ends_at) && tstzrange(${start}::timestamptz, ${end}::timestamptz)
    ),
    near as (
      select r.id, r.name
        from rooms r
       where ${roomId}::uuid is null and ${organizer}::uuid is not null and ${key} <> ''
         and r.active and r.office_unit_id = ${organizer ? officeOfSql(organizer) : sql`null`}
         and ${nearRoomSql(key, sql`r.name`)}
       order by similarity(lower(r.name), ${key}) desc
       limit 1
    ),
    target as (
      select id, name from rooms where id = ${roomId}::uuid
      union all
      select id, name from near
    )
    select 'room' as kind, o.id as meeting_id, o.title, o.starts_at, o.ends_at, o.time_zone, o.location as subject, (select name from near) as suggestion
      from other o
     where (${roomId}::uuid is not null and o.room_id = ${roomId}::uuid)
        or (${key} <> '' and o.location_key = ${key})
        or exists (select 1 from target t where o.room_id = t.id or (o.room_id is null and ${nearRoomSql(sql`o.location`, sql`t.name`)}))
    union all
    select distinct 'person', o.id, o.title, o.starts_at, o.ends_at, o.time_zone, u.name, null::text
      from other o
      join users u on u.id = any(${people})
     where o.chair_user_id = u.id
        or exists (select 1 from speakers s where s.meeting_id = o.id and s.user_id = u.id)
    union all
    select 'unit', o.id, o.title, o.starts_at, o.ends_at, o.time_zone, w.name, null::text
      from other o
      join invitations i on i.meeting_id = o.id and i.work_unit_id = any(${units})
      join work_units w on w.id = i.work_unit_id
    order by 4, 1, 7`,
    handle,
  );
  return result.map((r) => ({
    kind: r.kind,
    meetingId: r.meetingId,
    title: r.title,
    startsAt: toDate(r.startsAt),
    endsAt: toDate(r.endsAt),
    timeZone: r.timeZone,
    subject: r.subject,
    ...(r.suggestion ? { suggestion: r.suggestion } : {}),
  }));
}

/** Conflicts exist and the user has not acknowledged them: the save stops, the warnings go back to the form. */
export class ConflictsNeedAcknowledgement extends ValidationError {
  constructor(readonly conflicts: Conflict[]) {
    super({ acknowledgeConflicts: ["meetings.errors.acknowledgeConflicts"] }, "meetings.errors.conflictsFound");
  }
}

/** Throws ConflictsNeedAcknowledgement unless there are none or they were acknowledged; returns them. */
export async function checkConflicts(q: ConflictQuery, acknowledged: boolean | undefined): Promise<Conflict[]> {
  const conflicts = await findConflicts(q);
  if (conflicts.length > 0 && !acknowledged) throw new ConflictsNeedAcknowledgement(conflicts);
  return conflicts;
}
