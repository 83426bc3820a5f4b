import "server-only";
import { issueFollowUpLetter } from "@/lib/documents/letters";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { meetings } from "@/db/schema";
import { audit, changes } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ValidationError, orConflict } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { assertEditable, requireMeeting } from "./access";
import type { Ctx } from "./create-meeting";
import { checkConflicts } from "./find-conflicts";
import { assertRefs, resolveRoom, toInstants } from "./refs";
import { meetingSchema } from "./schemas";
import { announceMeeting } from "@/lib/notifications/fan-out";
import { applyReschedule, conflictSubjects, currentMeeting } from "./transition-meeting";

/**
 * Saves the meeting form. `version` is the one the form was loaded with: if someone saved in
 * between, ConflictError carries the meeting as it is now. Moving a published meeting is a
 * reschedule (earlier times kept, units asked to confirm again).
 */
export async function updateMeeting(user: CurrentUser, id: string, version: number, input: unknown, ctx: Ctx = {}) {
  const before = await requireMeeting(user, id, "meeting.manage");
  const { acknowledgeConflicts, ...data } = parseInput(meetingSchema, input);
  assertEditable(before);
  if (data.organizerUnitId !== before.organizerUnitId && !can(user, "meeting.create", { organizerUnitId: data.organizerUnitId })) {
    throw new ValidationError({ organizerUnitId: ["meetings.errors.organizerOutOfScope"] });
  }
  await assertRefs({ units: { organizerUnitId: data.organizerUnitId }, users: { chairUserId: data.chairUserId } });
  const place = await resolveRoom(data.roomId, data.organizerUnitId, data.location, before.roomId);
  const times = toInstants(data);
  const subjects = await conflictSubjects(id, data.chairUserId);
  const conflicts = await checkConflicts({ meetingId: id, ...times, ...place, organizerUnitId: data.organizerUnitId, ...subjects }, acknowledgeConflicts);
  const after = { ...data, ...place, ...times };
  const meeting = await orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(meetings)
        .set({ ...after, version: sql`${meetings.version} + 1`, updatedAt: new Date(), updatedBy: user.id })
        .where(and(eq(meetings.id, id), eq(meetings.version, version)))
        .returning();
      if (!row) return null;
      const rescheduled = await applyReschedule(tx, before, times, null, user.id);
      // The place of a published meeting changed (without a move, whose notice says it): a new
      // SEQUENCE of the calendar entry, and a notice to the invited units' people.
      const placeChanged = before.location !== row.location || before.roomId !== row.roomId || (before.onlineUrl ?? null) !== (row.onlineUrl ?? null);
      if (!rescheduled && placeChanged && before.status !== "draft") {
        const [bumped] = await tx
          .update(meetings)
          .set({ sequence: sql`${meetings.sequence} + 1` })
          .where(eq(meetings.id, id))
          .returning({ sequence: meetings.sequence });
        await announceMeeting(tx, id, "changed", `place:${bumped!.sequence}`, { what: "place" });
      }
      await audit(tx, { actorId: user.id, ...ctx }, rescheduled ? "meeting.reschedule" : "meeting.update", "meeting", id, changes(before, after));
      return row;
    }),
    () => currentMeeting(id),
  );
  // A published meeting moved by the edit form is a reschedule too.
  const moved = before.startsAt.getTime() !== times.startsAt.getTime() || before.endsAt.getTime() !== times.endsAt.getTime();
  if (moved && before.status !== "draft") {
    // A meeting whose undangan was issued gets a surat perubahan jadwal (issue 19).
    await issueFollowUpLetter(user, id, "reschedule", ctx);
  }
  return { meeting, conflicts };
}
