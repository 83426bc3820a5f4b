import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { letterSequences } from "@/db/schema";
import { ValidationError } from "@/lib/errors";

/** The sequence can only move forward. */
export class SequenceBackwardsError extends ValidationError {
  constructor(next: number) {
    super({ letterNumberNext: ["offices.errors.sequenceBackwards"] }, "offices.errors.sequenceBackwards");
    this.next = next;
  }
  readonly next: number;
}

/** The next running number of an office's classification in a year (1 when none was taken yet). */
export async function sequenceNext(officeId: string, classification: string, year: number, handle: DbOrTx = db): Promise<number> {
  const [row] = await handle
    .select({ next: letterSequences.next })
    .from(letterSequences)
    .where(and(eq(letterSequences.officeUnitId, officeId), eq(letterSequences.classification, classification), eq(letterSequences.year, year)));
  return row?.next ?? 1;
}

/**
 * Sets where a sequence goes on from (admins, office settings): never below where it stands, so a
 * number already issued cannot be given again. One statement: the WHERE of the upsert refuses.
 */
export async function setSequenceNext(tx: DbOrTx, officeId: string, classification: string, year: number, next: number) {
  const [row] = await tx
    .insert(letterSequences)
    .values({ officeUnitId: officeId, classification, year, next })
    .onConflictDoUpdate({
      target: [letterSequences.officeUnitId, letterSequences.classification, letterSequences.year],
      set: { next },
      setWhere: sql`${letterSequences.next} <= ${next}`,
    })
    .returning({ next: letterSequences.next });
  if (!row) throw new SequenceBackwardsError(await sequenceNext(officeId, classification, year, tx));
}

