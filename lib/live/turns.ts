import "server-only";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { speakingTurns, workUnits } from "@/db/schema";

export type TurnRecord = { agendaItemId: string | null; name: string; unitName: string | null; topic: string; startedAt: Date; endedAt: Date | null };

/** Speaking turns given (who, which item, from–to) in the order they were given (issue 23), capped. */
export async function loadSpeakingTurns(meetingId: string): Promise<TurnRecord[]> {
  return db
    .select({ agendaItemId: speakingTurns.agendaItemId, name: speakingTurns.name, unitName: workUnits.name, topic: speakingTurns.topic, startedAt: speakingTurns.startedAt, endedAt: speakingTurns.endedAt })
    .from(speakingTurns)
    .leftJoin(workUnits, eq(workUnits.id, speakingTurns.workUnitId))
    .where(and(eq(speakingTurns.meetingId, meetingId), isNotNull(speakingTurns.startedAt)))
    .orderBy(asc(speakingTurns.startedAt), asc(speakingTurns.id))
    .limit(1000) as Promise<TurnRecord[]>;
}
