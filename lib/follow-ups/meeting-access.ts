import { sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import type { MeetingStatus } from "@/db/schema";
import type { MeetingResource } from "@/lib/permissions";
import { isUuid } from "@/lib/ids";

export type MeetingInfo = MeetingResource & { id: string; title: string; startsAt: Date; timeZone: string };

/** A meeting with its invited units, read straight from the meetings tables (one query). */
export async function loadMeeting(meetingId: string, handle: DbOrTx = db): Promise<MeetingInfo | null> {
  if (!isUuid(meetingId)) return null;
  const [row] = await rows<{
    id: string;
    title: string;
    status: MeetingStatus;
    organizer_unit_id: string;
    starts_at: string | Date;
    time_zone: string;
    invited: string[] | string;
    minute_takers: string[] | string;
  }>(
    sql`select m.id, m.title, m.status, m.organizer_unit_id, m.starts_at, m.time_zone,
               coalesce((select json_agg(i.work_unit_id) from invitations i where i.meeting_id = m.id), '[]'::json) as invited,
               coalesce((select json_agg(s.user_id) from speakers s where s.meeting_id = m.id and s.role = 'minute_taker' and s.user_id is not null), '[]'::json) as minute_takers
          from meetings m where m.id = ${meetingId}`,
    handle,
  );
  if (!row) return null;
  const list = (v: string[] | string) => (typeof v === "string" ? (JSON.parse(v) as string[]) : v);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    organizerUnitId: row.organizer_unit_id,
    invitedUnitIds: list(row.invited),
    minuteTakerUserIds: list(row.minute_takers),
    startsAt: new Date(row.starts_at),
    timeZone: row.time_zone,
  };
}
