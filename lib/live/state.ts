import { sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import type { MeetingStatus, SpeakerRole } from "@/db/schema";
import { scheduleAgenda } from "@/lib/meetings/agenda-times";
import { checkInWindow } from "@/lib/meetings/lifecycle";
import { LIVE_UNITS_MAX, QUEUE_SHOWN_MAX, RECENT_CHECK_IN_MINUTES, type LiveStaffExtra, type LiveState, type QueueTurn } from "./types";

type HeadRow = {
  id: string;
  title: string;
  status: MeetingStatus;
  timeZone: string;
  startsAt: Date | string;
  endsAt: Date | string;
  now: Date | string;
  version: number | null;
  checkInOpen: boolean | null;
  queueOpen: boolean | null;
  turnMinutes: number | null;
  currentItemId: string | null;
  speakerCalledAt: Date | string | null;
  spId: string | null;
  spRole: SpeakerRole | null;
  spName: string | null;
  spPosition: string | null;
  spOrganization: string | null;
  spOnBehalfOf: string | null;
  spTopic: string | null;
};
type ItemRow = { id: string; title: string; position: number; durationMinutes: number; actualStartedAt: Date | string | null; actualEndedAt: Date | string | null };
type UnitRow = { unitId: string | null; name: string | null; invited: boolean; present: number; represented: number; excused: number; absent: number; totalUnits: number };
type TurnRow = { id: string; name: string; unitName: string | null; topic: string; agendaItemId: string | null; status: string; requestedAt: Date | string; startedAt: Date | string | null; allowedMinutes: number | null; waitingTotal: number };
type TotalsRow = { invitedUnits: number; unitsPresent: number; present: number; represented: number; excused: number; absent: number };

const iso = (v: Date | string | null) => (v == null ? null : (v instanceof Date ? v : new Date(v)).toISOString());
const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/**
 * The live state of a meeting in five queries (meeting + live row + speaker, agenda, units
 * aggregated in SQL and capped, totals). Runs on the given handle: inside a write's transaction
 * it sees that write.
 */
export async function liveState(meetingId: string, handle: DbOrTx = db): Promise<LiveState | null> {
  const [head] = await rows<HeadRow>(
    sql`select m.id, m.title, m.status, m.time_zone, m.starts_at, m.ends_at, now() as now,
               l.version, l.check_in_open, l.queue_open, l.turn_minutes, l.current_item_id, l.speaker_called_at,
               s.id as sp_id, s.role as sp_role, coalesce(u.name, s.name) as sp_name,
               case when s.user_id is not null then u.position else s.position end as sp_position,
               s.organization as sp_organization, s.on_behalf_of as sp_on_behalf_of, s.topic as sp_topic
          from meetings m
          left join meeting_live l on l.meeting_id = m.id
          left join speakers s on s.id = l.current_speaker_id
          left join users u on u.id = s.user_id
         where m.id = ${meetingId}`,
    handle,
  );
  if (!head) return null;
  const [items, units, totals, turns] = await Promise.all([
    rows<ItemRow>(
      sql`select id, title, position, duration_minutes, actual_started_at, actual_ended_at
            from agenda_items where meeting_id = ${meetingId} order by position limit 100`,
      handle,
    ),
    rows<UnitRow>(
      sql`with att as (
            select work_unit_id,
                   count(*) filter (where status = 'present')::int as present,
                   count(*) filter (where status = 'represented')::int as represented,
                   count(*) filter (where status in ('excused', 'sick', 'official_duty'))::int as excused,
                   count(*) filter (where status = 'absent')::int as absent
              from attendances where meeting_id = ${meetingId} group by work_unit_id
          ), units as (
            select work_unit_id, true as invited from invitations where meeting_id = ${meetingId}
            union all
            select a.work_unit_id, false from att a
             where not exists (select 1 from invitations i where i.meeting_id = ${meetingId} and i.work_unit_id is not distinct from a.work_unit_id)
          )
          select u.work_unit_id as unit_id, w.name, u.invited,
                 coalesce(a.present, 0) as present, coalesce(a.represented, 0) as represented,
                 coalesce(a.excused, 0) as excused, coalesce(a.absent, 0) as absent,
                 (count(*) over ())::int as total_units
            from units u
            left join work_units w on w.id = u.work_unit_id
            left join att a on a.work_unit_id is not distinct from u.work_unit_id
           order by (not u.invited), w.name nulls last
           limit ${LIVE_UNITS_MAX}`,
      handle,
    ),
    rows<TotalsRow>(
      sql`select (select count(*)::int from invitations where meeting_id = ${meetingId}) as invited_units,
                 (select count(distinct a.work_unit_id)::int from attendances a join invitations i on i.meeting_id = a.meeting_id and i.work_unit_id = a.work_unit_id
                   where a.meeting_id = ${meetingId} and a.status in ('present', 'represented')) as units_present,
                 count(*) filter (where status = 'present')::int as present,
                 count(*) filter (where status = 'represented')::int as represented,
                 count(*) filter (where status in ('excused', 'sick', 'official_duty'))::int as excused,
                 count(*) filter (where status = 'absent')::int as absent
            from attendances where meeting_id = ${meetingId}`,
      handle,
    ),
    // The speakers' queue: the participant speaking now and the waiting requests in order (capped).
    rows<TurnRow>(
      sql`select t.id, t.name, w.name as unit_name, t.topic, t.agenda_item_id, t.status, t.requested_at, t.started_at, t.allowed_minutes,
                 (count(*) filter (where t.status = 'waiting') over ())::int as waiting_total
            from speaking_turns t
            left join work_units w on w.id = t.work_unit_id
           where t.meeting_id = ${meetingId} and (t.status = 'waiting' or (t.status = 'speaking' and t.speaker_id is null))
           order by (t.status = 'waiting'), t.requested_at, t.id
           limit ${QUEUE_SHOWN_MAX + 1}`,
      handle,
    ),
  ]);
  const turn = (r: TurnRow): QueueTurn => ({
    id: r.id,
    name: r.name,
    unitName: r.unitName,
    topic: r.topic,
    agendaItemId: r.agendaItemId,
    requestedAt: iso(r.requestedAt)!,
    startedAt: iso(r.startedAt),
    allowedMinutes: r.allowedMinutes,
  });
  const speaking = turns.find((r) => r.status === "speaking");
  const startsAt = date(head.startsAt);
  const endsAt = date(head.endsAt);
  const now = date(head.now);
  const planned = scheduleAgenda(startsAt, endsAt, items.map((i) => ({ ...i, durationMinutes: i.durationMinutes }))).items;
  const window = checkInWindow({ startsAt, endsAt });
  const checkInSwitch = head.checkInOpen ?? true;
  const t = totals[0];
  return {
    meetingId: head.id,
    title: head.title,
    status: head.status,
    timeZone: head.timeZone,
    serverNow: now.toISOString(),
    version: head.version ?? 1,
    checkInSwitch,
    checkInOpen: checkInSwitch && (head.status === "scheduled" || head.status === "ongoing") && now >= window.opensAt && now <= window.closesAt,
    checkInClosesAt: window.closesAt.toISOString(),
    currentItemId: head.currentItemId,
    speaker: head.spId
      ? {
          id: head.spId,
          role: head.spRole!,
          name: head.spName ?? "",
          position: head.spPosition,
          organization: head.spOrganization,
          onBehalfOf: head.spOnBehalfOf,
          topic: head.spTopic,
          calledAt: iso(head.speakerCalledAt),
        }
      : null,
    queue: {
      open: head.queueOpen ?? true,
      turnMinutes: head.turnMinutes ?? null,
      current: speaking ? turn(speaking) : null,
      waiting: turns.filter((r) => r.status === "waiting").slice(0, QUEUE_SHOWN_MAX).map(turn),
      waitingTotal: turns[0]?.waitingTotal ?? 0,
    },
    items: planned.map((i) => ({
      id: i.id,
      title: i.title,
      position: i.position,
      durationMinutes: i.durationMinutes,
      plannedStart: i.startsAt.toISOString(),
      plannedEnd: i.endsAt.toISOString(),
      actualStartedAt: iso(i.actualStartedAt),
      actualEndedAt: iso(i.actualEndedAt),
    })),
    units: units.map((u) => ({ unitId: u.unitId, name: u.name ?? "", invited: u.invited, present: u.present, represented: u.represented, excused: u.excused, absent: u.absent })),
    unitsTotal: units[0]?.totalUnits ?? 0,
    totals: {
      invitedUnits: t?.invitedUnits ?? 0,
      unitsPresent: t?.unitsPresent ?? 0,
      present: t?.present ?? 0,
      represented: t?.represented ?? 0,
      excused: t?.excused ?? 0,
      absent: t?.absent ?? 0,
    },
  };
}

/** Staff only: the last self check-ins (names), newest first, at most 10. */
export async function staffExtra(meetingId: string, handle: DbOrTx = db): Promise<LiveStaffExtra> {
  const recent = await rows<{ name: string; unitName: string | null; at: Date | string }>(
    sql`select coalesce(u.name, a.guest_name, '') as name, w.name as unit_name, a.checked_in_at as at
          from attendances a
          left join users u on u.id = a.user_id
          left join work_units w on w.id = a.work_unit_id
         where a.meeting_id = ${meetingId} and a.method = 'self_check_in'
           and a.checked_in_at > now() - make_interval(mins => ${RECENT_CHECK_IN_MINUTES})
         order by a.checked_in_at desc
         limit 10`,
    handle,
  );
  return { recentCheckIns: recent.map((r) => ({ name: r.name, unitName: r.unitName, at: iso(r.at)! })) };
}
