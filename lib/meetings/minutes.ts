import "server-only";
import { announceMeeting } from "@/lib/notifications/fan-out";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agendaItems, decisions, minutes } from "@/db/schema";
import type { Tx } from "@/db/client";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ConflictError, NotFoundError, ValidationError, orConflict } from "@/lib/errors";
import { renderFrozenMinutes } from "@/lib/documents/frozen";
import { storeDocument, supersedeMinutesDocument } from "@/lib/documents/store";
import { todayIn } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { requireMeeting } from "./access";
import { lockMeeting } from "./lock";
import { canFinalizeMinutes } from "./lifecycle";
import type { Ctx } from "./create-meeting";
import { decisionSchema, minutesSchema, reopenSchema } from "./schemas";
import { isUuid } from "@/lib/ids";

const locked = () => new ValidationError({ _form: ["meetings.errors.minutesFinalized"] }, "meetings.errors.minutesFinalized");

async function minutesOf(meetingId: string) {
  return (await db.select().from(minutes).where(eq(minutes.meetingId, meetingId)))[0] ?? null;
}

/** The minutes and their numbered decisions as they are now (conflict messages show them). */
export async function currentMinutes(meetingId: string) {
  const [row, list] = await Promise.all([minutesOf(meetingId), db.select().from(decisions).where(eq(decisions.meetingId, meetingId)).orderBy(asc(decisions.number))]);
  return { minutes: row, decisions: list };
}

async function requireWritable(user: CurrentUser, meetingId: string) {
  const meeting = await requireMeeting(user, meetingId, "minutes.write");
  if (meeting.status === "draft" || meeting.status === "cancelled") {
    throw new ValidationError({ _form: ["meetings.errors.minutesNotYet"] }, "meetings.errors.minutesNotYet");
  }
  const row = await minutesOf(meetingId);
  if (row?.finalizedAt) throw locked();
  return { meeting, row };
}

/**
 * Saves the summary (notulen). `version` is the minutes' version the form was loaded with, or 0
 * when there were no minutes yet; a stale save gets ConflictError with the current minutes.
 */
export async function saveMinutes(user: CurrentUser, meetingId: string, version: number, input: unknown, ctx: Ctx = {}) {
  const { row: before } = await requireWritable(user, meetingId);
  const { summary } = parseInput(minutesSchema, input);
  return orConflict(
    db.transaction(async (tx) => {
      let row;
      if (!before) {
        if (version !== 0) return null;
        [row] = await tx.insert(minutes).values({ meetingId, summary, updatedBy: user.id }).onConflictDoNothing().returning();
      } else {
        [row] = await tx
          .update(minutes)
          .set({ summary, updatedBy: user.id, updatedAt: new Date(), version: sql`${minutes.version} + 1` })
          .where(and(eq(minutes.id, before.id), eq(minutes.version, version), sql`${minutes.finalizedAt} is null`))
          .returning();
      }
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "minutes.save", "meeting", meetingId, { length: [before?.summary.length ?? 0, summary.length] });
      return row;
    }),
    () => currentMinutes(meetingId),
  );
}

/** The agenda item named for a decision must be one of the meeting's (else a field error). */
async function checkItem(tx: Tx, meetingId: string, agendaItemId: string | null | undefined) {
  if (!agendaItemId) return;
  const [item] = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) throw new ValidationError({ agendaItemId: ["errors.invalid"] });
}

export async function addDecision(user: CurrentUser, meetingId: string, input: unknown, ctx: Ctx = {}) {
  await requireWritable(user, meetingId);
  const { text, agendaItemId = null } = parseInput(decisionSchema, input);
  return db.transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    await checkItem(tx, meetingId, agendaItemId);
    const [row] = await tx
      .insert(decisions)
      .values({ meetingId, text, agendaItemId, createdBy: user.id, number: sql`(select coalesce(max(number), 0) + 1 from decisions where meeting_id = ${meetingId})` })
      .returning();
    await audit(tx, { actorId: user.id, ...ctx }, "decision.create", "meeting", meetingId, { decisionId: row!.id, number: row!.number });
    return row!;
  });
}

async function requireDecision(user: CurrentUser, id: string) {
  if (!isUuid(id)) throw new NotFoundError();
  const [d] = await db.select().from(decisions).where(eq(decisions.id, id));
  if (!d) throw new NotFoundError();
  await requireWritable(user, d.meetingId);
  return d;
}

export async function updateDecision(user: CurrentUser, id: string, version: number, input: unknown, ctx: Ctx = {}) {
  const before = await requireDecision(user, id);
  const { text, agendaItemId } = parseInput(decisionSchema, input);
  return orConflict(
    db.transaction(async (tx) => {
      await checkItem(tx, before.meetingId, agendaItemId);
      const [row] = await tx
        .update(decisions)
        // The item is kept when the form does not name one (agendaItemId absent); "" detaches it.
        .set({ text, ...(agendaItemId !== undefined ? { agendaItemId } : {}), version: sql`${decisions.version} + 1` })
        .where(and(eq(decisions.id, id), eq(decisions.version, version)))
        .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "decision.update", "meeting", before.meetingId, { decisionId: id, text: [before.text, text] });
      return row;
    }),
    async () => (await db.select().from(decisions).where(eq(decisions.id, id)))[0] ?? null,
  );
}

/** Removes a decision; the ones after it move up a number (1..n stays gapless). */
export async function deleteDecision(user: CurrentUser, id: string, version: number, ctx: Ctx = {}) {
  const before = await requireDecision(user, id);
  return orConflict(
    db.transaction(async (tx) => {
      await lockMeeting(tx, before.meetingId);
      const [row] = await tx
        .delete(decisions)
        .where(and(eq(decisions.id, id), eq(decisions.version, version)))
        .returning({ id: decisions.id });
      if (!row) return null;
      // Two steps so the unique (meeting_id, number) index never sees a duplicate mid-update.
      const later = and(eq(decisions.meetingId, before.meetingId), gt(decisions.number, before.number));
      await tx.update(decisions).set({ number: sql`${decisions.number} + 100000` }).where(later);
      await tx
        .update(decisions)
        .set({ number: sql`${decisions.number} - 100001` })
        .where(and(eq(decisions.meetingId, before.meetingId), gt(decisions.number, 100000)));
      await audit(tx, { actorId: user.id, ...ctx }, "decision.delete", "meeting", before.meetingId, { decisionId: id, number: before.number, text: before.text });
      return row;
    }),
    async () => (await db.select().from(decisions).where(eq(decisions.id, id)))[0] ?? null,
  );
}

/**
 * Finalizing locks the summary and decisions; only for a meeting under way or held. The notulen
 * (with the daftar hadir and the follow-up matrix as it stands now) is rendered once and stored
 * as the record in the same transaction (issue 19): every later download returns those bytes.
 */
export async function finalizeMinutes(user: CurrentUser, meetingId: string, version: number, ctx: Ctx = {}) {
  const { row: before, meeting } = await requireWritable(user, meetingId);
  if (!canFinalizeMinutes(meeting)) throw new ValidationError({ _form: ["meetings.errors.finalizeBeforeStart"] }, "meetings.errors.finalizeBeforeStart");
  if (!before) throw new ValidationError({ summary: ["errors.required"] });
  if (before.version !== version) throw new ConflictError(await currentMinutes(meetingId));
  const at = new Date();
  // Rendered before the transaction (seconds of CPU, no lock held); the version check below
  // guarantees the stored notulen is the one these minutes say.
  const frozen = await renderFrozenMinutes(meetingId, at);
  return orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(minutes)
        .set({ finalizedAt: at, finalizedBy: user.id, updatedAt: at, version: sql`${minutes.version} + 1` })
        .where(and(eq(minutes.id, before.id), eq(minutes.version, version), sql`${minutes.finalizedAt} is null`))
        .returning();
      if (!row) return null;
      const doc = await storeDocument(tx, {
        kind: "minutes",
        meetingId,
        documentDate: todayIn(frozen.record.timeZone, at),
        subject: `Notulen ${frozen.record.title}`,
        signerName: frozen.record.chairName ?? "",
        body: frozen.body,
        code: frozen.code,
        signed: frozen.signed,
        createdBy: user.id,
      });
      await audit(tx, { actorId: user.id, ...ctx }, "minutes.finalize", "meeting", meetingId, { version, document: doc.id, documentVersion: doc.version, sha256: doc.sha256 });
      // The invited units' people are told (once per finalization: reopened minutes finalized again tell again).
      await announceMeeting(tx, meetingId, "minutes_finalized", String(row.version));
      return row;
    }),
    () => currentMinutes(meetingId),
  );
}

/** The secretariat reopens finalized minutes; the reason is kept in the audit log. */
export async function reopenMinutes(user: CurrentUser, meetingId: string, version: number, input: unknown, ctx: Ctx = {}) {
  await requireMeeting(user, meetingId, "minutes.reopen");
  const { reason } = parseInput(reopenSchema, input);
  const before = await minutesOf(meetingId);
  if (!before?.finalizedAt) throw new ValidationError({ _form: ["meetings.errors.minutesNotFinalized"] }, "meetings.errors.minutesNotFinalized");
  return orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(minutes)
        .set({ finalizedAt: null, finalizedBy: null, updatedAt: new Date(), updatedBy: user.id, version: sql`${minutes.version} + 1` })
        .where(and(eq(minutes.id, before.id), eq(minutes.version, version)))
        .returning();
      if (!row) return null;
      // The notulen finalized before stays in the history, marked superseded.
      await supersedeMinutesDocument(tx, meetingId);
      await audit(tx, { actorId: user.id, ...ctx }, "minutes.reopen", "meeting", meetingId, {
        reason,
        finalizedAt: before.finalizedAt,
        finalizedBy: before.finalizedBy,
      });
      return row;
    }),
    () => currentMinutes(meetingId),
  );
}
