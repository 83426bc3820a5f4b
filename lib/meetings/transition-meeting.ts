import "server-only";
import { issueFollowUpLetter } from "@/lib/documents/letters";
import { and, eq, ne, sql } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import { invitations, meetingReschedules, meetings, type Meeting } from "@/db/schema";
import { audit } from "@/lib/audit";
import { announceMeeting } from "@/lib/notifications/fan-out";
import type { CurrentUser } from "@/lib/auth/types";
import { ConflictError, ValidationError, orConflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertEditable, loadMeeting, omit, requireMeeting } from "./access";
import type { Ctx } from "./create-meeting";
import { checkConflicts } from "./find-conflicts";
import { TRANSITION_TARGET, transitionRefusal } from "./lifecycle";
import { toInstants } from "./refs";
import { cancelSchema, rescheduleSchema, transitionSchema } from "./schemas";


/** Loads the row as it is now, for the conflict message (outside any transaction). */
export const currentMeeting = async (id: string) => {
  const m = await loadMeeting(id);
  if (!m) return null;
  return omit(m, "resource", "checkInCode");
};

/**
 * Permission (requireMeeting), then the version, then the step's own rules: a replayed "publish"
 * or a second tab's "cancel" is a conflict carrying the meeting as it is now, not "already done".
 */
async function assertCurrentVersion(actual: number, expected: number, id: string) {
  if (actual !== expected) throw new ConflictError(await currentMeeting(id));
}

/**
 * draft → scheduled (published) → ongoing → completed, with the meeting-day checks of
 * lib/meetings/lifecycle.ts (no start days early, no completion before the start). Cancelling is
 * separate (it needs a reason).
 */
export async function transitionMeeting(user: CurrentUser, id: string, version: number, input: unknown, ctx: Ctx & { now?: Date } = {}) {
  const before = await requireMeeting(user, id, "meeting.manage");
  await assertCurrentVersion(before.version, version, id);
  const { to } = parseInput(transitionSchema, input);
  const refusal = transitionRefusal(before, to, ctx.now ?? new Date());
  if (refusal) throw new ValidationError({ _form: [refusal] }, refusal);
  const step = { to: TRANSITION_TARGET[to] };
  const { now: _now, ...auditCtx } = ctx;
  void _now;
  const saved = await orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(meetings)
        .set({ status: step.to, version: sql`${meetings.version} + 1`, updatedAt: new Date(), updatedBy: user.id })
        .where(and(eq(meetings.id, id), eq(meetings.version, version)))
        .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...auditCtx }, `meeting.${to}`, "meeting", id, { status: [before.status, step.to] });
      // The invited units' people are told (in the app, and by e-mail) by a job queued with the change.
      if (to === "publish") await announceMeeting(tx, id, "published", String(row.sequence));
      return row;
    }),
    () => currentMeeting(id),
  );
  return saved;
}

export async function cancelMeeting(user: CurrentUser, id: string, version: number, input: unknown, ctx: Ctx = {}) {
  const before = await requireMeeting(user, id, "meeting.manage");
  await assertCurrentVersion(before.version, version, id);
  const { reason } = parseInput(cancelSchema, input);
  assertEditable(before);
  const saved = await orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(meetings)
        .set({
          status: "cancelled",
          cancelReason: reason,
          sequence: sql`${meetings.sequence} + 1`,
          version: sql`${meetings.version} + 1`,
          updatedAt: new Date(),
          updatedBy: user.id,
        })
        .where(and(eq(meetings.id, id), eq(meetings.version, version)))
        .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "meeting.cancel", "meeting", id, { status: [before.status, "cancelled"], reason });
      if (before.status !== "draft") await announceMeeting(tx, id, "cancelled", String(row.sequence), { reason });
      return row;
    }),
    () => currentMeeting(id),
  );
  if (before.status !== "draft") {
    // A meeting whose undangan was issued gets a pemberitahuan pembatalan (issue 19).
    await issueFollowUpLetter(user, id, "cancellation", ctx);
  }
  return saved;
}

/**
 * Inside the transaction of a save that moved a published meeting: keeps the earlier times in
 * meeting_reschedules, bumps the iCalendar sequence, keeps every unit's answer and representative
 * but marks it "perlu konfirmasi ulang" (with the time it was given for, kept across several
 * moves until the unit confirms), and queues the notice (old → new time, reason) to the invited
 * units' people.
 */
export async function applyReschedule(
  tx: Tx,
  before: Pick<Meeting, "id" | "startsAt" | "endsAt" | "status">,
  times: { startsAt: Date; endsAt: Date },
  reason: string | null,
  userId: string,
) {
  const moved = before.startsAt.getTime() !== times.startsAt.getTime() || before.endsAt.getTime() !== times.endsAt.getTime();
  if (!moved || before.status === "draft") return false;
  await tx.insert(meetingReschedules).values({
    meetingId: before.id,
    previousStartsAt: before.startsAt,
    previousEndsAt: before.endsAt,
    newStartsAt: times.startsAt,
    newEndsAt: times.endsAt,
    reason,
    changedBy: userId,
  });
  const [bumped] = await tx
    .update(meetings)
    .set({ sequence: sql`${meetings.sequence} + 1` })
    .where(eq(meetings.id, before.id))
    .returning({ sequence: meetings.sequence });
  await tx
    .update(invitations)
    .set({
      reconfirmStartsAt: sql`coalesce(${invitations.reconfirmStartsAt}, ${before.startsAt.toISOString()}::timestamptz)`,
      reconfirmEndsAt: sql`coalesce(${invitations.reconfirmEndsAt}, ${before.endsAt.toISOString()}::timestamptz)`,
      version: sql`${invitations.version} + 1`,
    })
    .where(and(eq(invitations.meetingId, before.id), ne(invitations.response, "pending")));
  await announceMeeting(tx, before.id, "rescheduled", String(bumped!.sequence), {
    previousStartsAt: before.startsAt.toISOString(),
    previousEndsAt: before.endsAt.toISOString(),
    startsAt: times.startsAt.toISOString(),
    endsAt: times.endsAt.toISOString(),
    reason,
    reconfirm: true,
  });
  return true;
}

/** The chair and internal speakers of a meeting, and its invited units: what conflicts are checked for. */
export async function conflictSubjects(meetingId: string, chairUserId: string | null) {
  const [r] = await rows<{ people: string[]; units: string[] }>(sql`
    select (select coalesce(json_agg(distinct user_id), '[]'::json) from speakers where meeting_id = ${meetingId} and user_id is not null) as people,
           (select coalesce(json_agg(work_unit_id), '[]'::json) from invitations where meeting_id = ${meetingId}) as units`);
  const people = [...(r?.people ?? [])];
  if (chairUserId && !people.includes(chairUserId)) people.push(chairUserId);
  return { personIds: people, unitIds: r?.units ?? [] };
}

/** Moves a meeting to new times with a reason; units confirm again. */
export async function rescheduleMeeting(user: CurrentUser, id: string, version: number, input: unknown, ctx: Ctx = {}) {
  const before = await requireMeeting(user, id, "meeting.manage");
  await assertCurrentVersion(before.version, version, id);
  const { acknowledgeConflicts, reason, ...local } = parseInput(rescheduleSchema, input);
  assertEditable(before);
  const times = toInstants({ ...local, timeZone: before.timeZone });
  const subjects = await conflictSubjects(id, before.chairUserId);
  const conflicts = await checkConflicts({ meetingId: id, ...times, location: before.location, roomId: before.roomId, organizerUnitId: before.organizerUnitId, ...subjects }, acknowledgeConflicts);
  const meeting = await orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(meetings)
        .set({ ...times, version: sql`${meetings.version} + 1`, updatedAt: new Date(), updatedBy: user.id })
        .where(and(eq(meetings.id, id), eq(meetings.version, version)))
        .returning();
      if (!row) return null;
      await applyReschedule(tx, before, times, reason, user.id);
      await audit(tx, { actorId: user.id, ...ctx }, "meeting.reschedule", "meeting", id, {
        startsAt: [before.startsAt, times.startsAt],
        endsAt: [before.endsAt, times.endsAt],
        reason,
      });
      return row;
    }),
    () => currentMeeting(id),
  );
  await issueFollowUpLetter(user, id, "reschedule", ctx);
  return { meeting, conflicts };
}

