import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

/**
 * Takes the meeting's row lock for the rest of the transaction, so numbering inside the meeting
 * (decision numbers, agenda positions, speaker order) is computed by one writer at a time:
 * "max + 1" read after the lock sees every earlier writer's committed row (READ COMMITTED takes a
 * new snapshot per statement). FOR NO KEY UPDATE does not block inserts of other child rows that
 * only reference the meeting (they take KEY SHARE).
 */
export async function lockMeeting(tx: Tx, meetingId: string) {
  await tx.execute(sql`select 1 from meetings where id = ${meetingId} for no key update`);
}
