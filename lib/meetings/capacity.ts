import "server-only";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";

export type CapacityCheck = { roomName: string; capacity: number; expected: number } | null;

/**
 * The people a meeting expects: the delegates each attending unit named (at least one), one for
 * a unit that is represented or has not answered, none for a unit that declined; plus the
 * speakers. A room smaller than that is a warning (never a block): one query.
 */
export async function capacityWarning(meetingId: string): Promise<CapacityCheck> {
  const [r] = await rows<{ name: string | null; capacity: number | null; expected: number }>(sql`
    select r.name, r.capacity,
           (select coalesce(sum(case i.response when 'declined' then 0
                                               when 'attending' then greatest(jsonb_array_length(i.delegates), 1)
                                               else 1 end), 0)
              from invitations i where i.meeting_id = m.id)
         + (select count(*) from speakers s where s.meeting_id = m.id) as expected
      from meetings m left join rooms r on r.id = m.room_id
     where m.id = ${meetingId}`);
  if (!r?.name || r.capacity === null) return null;
  const expected = Number(r.expected);
  return expected > Number(r.capacity) ? { roomName: r.name, capacity: Number(r.capacity), expected } : null;
}
