import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { actionItems, categories, decisions, minutes, users, workUnits, type ActionItemStatus } from "@/db/schema";
import { loadSpeakingTurns } from "@/lib/live/turns";

export type MatrixRow = {
  unitName: string;
  title: string;
  categoryId: string;
  categoryName: string;
  picName: string | null;
  dueDate: string;
  status: ActionItemStatus;
  progress: number;
  decisionNumber: number | null;
};

/** The minutes, decisions, speaking turns and the follow-up matrix (unit, follow-up, PIC, due date, status). Four queries. */
export async function loadMinutesRecord(meetingId: string) {
  const [minutesRows, decisionRows, turns, matrix] = await Promise.all([
    db.select().from(minutes).where(eq(minutes.meetingId, meetingId)),
    db.select().from(decisions).where(eq(decisions.meetingId, meetingId)).orderBy(asc(decisions.number)),
    loadSpeakingTurns(meetingId),
    db
      .select({
        unitName: workUnits.name,
        title: actionItems.title,
        categoryId: categories.id,
        categoryName: categories.nameId,
        picName: users.name,
        dueDate: actionItems.dueDate,
        status: actionItems.status,
        progress: actionItems.progress,
        decisionNumber: decisions.number,
      })
      .from(actionItems)
      .innerJoin(workUnits, eq(workUnits.id, actionItems.workUnitId))
      .innerJoin(categories, eq(categories.id, actionItems.categoryId))
      .leftJoin(users, eq(users.id, actionItems.picUserId))
      .leftJoin(decisions, eq(decisions.id, actionItems.decisionId))
      .where(eq(actionItems.meetingId, meetingId))
      .orderBy(asc(workUnits.name), asc(actionItems.dueDate), asc(actionItems.title)),
  ]);
  return { minutes: minutesRows[0] ?? null, decisions: decisionRows, turns, matrix: matrix as MatrixRow[] };
}

export type MinutesRecord = Awaited<ReturnType<typeof loadMinutesRecord>>;
