import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { invitations, workUnits } from "@/db/schema";
import { notify, recipients } from "@/lib/notifications/notify";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, orConflict, type FieldErrors } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { assertEditable, requireMeeting, uuidArray } from "./access";
import type { Ctx } from "./create-meeting";
import { checkConflicts } from "./find-conflicts";
import { inviteSchema, rsvpSchema } from "./schemas";
import { isUuid } from "@/lib/ids";

/**
 * The picked units, plus every active unit below them when `includeSubUnits` (recursive CTE).
 * The sub-units brought in that way leave out the meeting's organizer and the units above it (a
 * parent invited with its sub-units does not invite the secretariat to its own meeting); picked
 * by name, they are invited. An unknown or inactive picked unit is reported on its own field
 * ("unitIds.1").
 */
async function expandUnits(unitIds: string[], includeSubUnits: boolean, organizerUnitId: string) {
  const picked = await rows<{ id: string }>(sql`select id from work_units where active and id = any(${uuidArray(unitIds)})`);
  const ok = new Set(picked.map((r) => r.id));
  const errors: FieldErrors = {};
  unitIds.forEach((id, i) => {
    if (!ok.has(id)) errors[`unitIds.${i}`] = ["errors.unknownUnit"];
  });
  if (Object.keys(errors).length > 0) throw new ValidationError({ unitIds: ["errors.unknownUnit"], ...errors });
  if (!includeSubUnits) return [...ok];
  const all = await rows<{ id: string }>(sql`
    with recursive tree as (
      select id from work_units where id = any(${uuidArray(unitIds)})
      union
      select w.id from work_units w join tree on w.parent_id = tree.id where w.active
    ), organizer_line as (
      select id, parent_id from work_units where id = ${organizerUnitId}::uuid
      union all
      select w.id, w.parent_id from work_units w join organizer_line o on w.id = o.parent_id
    )
    select id from tree
     where id = any(${uuidArray(unitIds)}) or id not in (select id from organizer_line)`);
  return all.map((r) => r.id);
}

/** Invites units (idempotent: an already invited unit keeps its answer). Returns the new invitations. */
export async function inviteUnits(user: CurrentUser, meetingId: string, input: unknown, ctx: Ctx = {}) {
  const meeting = await requireMeeting(user, meetingId, "meeting.manage");
  const data = parseInput(inviteSchema, input);
  assertEditable(meeting);
  const unitIds = (await expandUnits(data.unitIds, data.includeSubUnits ?? false, meeting.organizerUnitId)).filter((id) => !meeting.resource.invitedUnitIds.includes(id));
  const conflicts = unitIds.length
    ? await checkConflicts({ meetingId, startsAt: meeting.startsAt, endsAt: meeting.endsAt, unitIds }, data.acknowledgeConflicts)
    : [];
  const created = await db.transaction(async (tx) => {
    if (unitIds.length === 0) return [];
    const inserted = await tx
      .insert(invitations)
      .values(unitIds.map((workUnitId) => ({ meetingId, workUnitId })))
      .onConflictDoNothing()
      .returning();
    await audit(tx, { actorId: user.id, ...ctx }, "invitation.create", "meeting", meetingId, { unitIds: inserted.map((i) => i.workUnitId) });
    return inserted;
  });
  return { invitations: created, conflicts };
}

/** Withdraws an invitation; with `version`, only that version of it (a stale one is a ConflictError). */
export async function removeInvitation(user: CurrentUser, invitationId: string, ctx: Ctx = {}, version?: number) {
  if (!isUuid(invitationId)) throw new NotFoundError();
  const [inv] = await db.select().from(invitations).where(eq(invitations.id, invitationId));
  if (!inv) throw new NotFoundError();
  const meeting = await requireMeeting(user, inv.meetingId, "meeting.manage");
  assertEditable(meeting);
  await orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .delete(invitations)
        .where(and(eq(invitations.id, invitationId), version === undefined ? undefined : eq(invitations.version, version)))
        .returning({ id: invitations.id });
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "invitation.delete", "meeting", inv.meetingId, { unitId: inv.workUnitId, response: inv.response });
      return row;
    }),
    () => currentInvitation(invitationId),
  );
}

const currentInvitation = async (id: string) => (await db.select().from(invitations).where(eq(invitations.id, id)))[0] ?? null;

/**
 * A participant answers for their own unit: attending with named delegates, represented by
 * someone (atau yang mewakili), or declined with a reason. `version` is the invitation's.
 */
export async function respondToInvitation(user: CurrentUser, meetingId: string, version: number, input: unknown, ctx: Ctx = {}) {
  const meeting = await requireMeeting(user, meetingId);
  if (!can(user, "meeting.respond", meeting.resource)) throw new ForbiddenError();
  const data = parseInput(rsvpSchema, input);
  const [inv] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.meetingId, meetingId), eq(invitations.workUnitId, user.workUnitId)));
  if (!inv) throw new ForbiddenError();
  const values = {
    response: data.response,
    delegates: data.response === "attending" ? data.delegates.map((d) => ({ name: d.name, ...(d.position ? { position: d.position } : {}) })) : [],
    representedBy: data.response === "represented" ? data.representedBy : null,
    reason: data.response === "declined" ? data.reason : null,
    respondedBy: user.id,
    respondedAt: new Date(),
    // Answering (confirming the same answer, or changing it) is the reconfirmation after a move.
    reconfirmStartsAt: null,
    reconfirmEndsAt: null,
  };
  const changed = inv.response !== "pending" && (inv.response !== values.response || (inv.representedBy ?? null) !== values.representedBy);
  return orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(invitations)
        .set({ ...values, version: sql`${invitations.version} + 1` })
        .where(and(eq(invitations.id, inv.id), eq(invitations.version, version)))
        .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "invitation.respond", "meeting", meetingId, {
        unitId: inv.workUnitId,
        response: [inv.response, data.response],
      });
      // A changed answer is news for the organizer's secretariat and the unit's heads and contacts.
      if (changed) {
        const [unit] = await tx.select({ name: workUnits.name }).from(workUnits).where(eq(workUnits.id, inv.workUnitId));
        await notify(tx, {
          to: sql`${recipients.overseers(meeting.organizerUnitId, ["secretariat"])} union ${recipients.unitActors(inv.workUnitId)}`,
          kind: "invitation_answered",
          payload: {
            meetingId,
            title: meeting.title,
            startsAt: meeting.startsAt.toISOString(),
            endsAt: meeting.endsAt.toISOString(),
            timeZone: meeting.timeZone,
            unitName: unit?.name ?? "",
            response: data.response,
          },
          dedupeKey: `answer:${inv.id}:${row.version}`,
          excludeUserId: user.id,
        });
      }
      return row;
    }),
    () => currentInvitation(inv.id),
  );
}
