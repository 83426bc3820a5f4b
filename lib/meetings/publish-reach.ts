import "server-only";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { unitActorsSql } from "@/lib/notifications/notify";

/**
 * Whom publishing a meeting tells: its invited units, and the people the invitation e-mail goes
 * to (each unit's heads and designated contacts, or a few members of a unit with neither — the
 * same recipients as lib/mail/meeting-change.ts). One query; said in the "Terbitkan" dialog.
 */
export async function publishReach(meetingId: string): Promise<{ units: number; people: number }> {
  const [r] = await rows<{ units: number; people: number }>(sql`
    with invited as (select array_agg(work_unit_id) as ids from invitations where meeting_id = ${meetingId}::uuid)
    select coalesce(cardinality(i.ids), 0)::int as units,
           (select count(distinct a.id) from (${unitActorsSql(sql`coalesce(i.ids, '{}'::uuid[])`)}) a)::int as people
      from invited i`);
  return { units: Number(r?.units ?? 0), people: Number(r?.people ?? 0) };
}
