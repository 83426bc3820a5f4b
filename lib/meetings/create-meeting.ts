import "server-only";
import { db } from "@/db/client";
import { meetings } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { checkConflicts } from "./find-conflicts";
import { assertRefs, resolveRoom, toInstants } from "./refs";
import { meetingSchema } from "./schemas";

export type Ctx = Omit<AuditContext, "actorId">;

/**
 * A new meeting, as a draft. Room and chair conflicts are warnings the user must acknowledge
 * (`acknowledgeConflicts`), never a block.
 */
export async function createMeeting(user: CurrentUser, input: unknown, ctx: Ctx = {}) {
  if (!can(user, "meeting.create", { organizerUnitId: user.scopeUnitId })) throw new ForbiddenError();
  const { acknowledgeConflicts, ...data } = parseInput(meetingSchema, input);
  if (!can(user, "meeting.create", { organizerUnitId: data.organizerUnitId })) {
    throw new ValidationError({ organizerUnitId: ["meetings.errors.organizerOutOfScope"] });
  }
  await assertRefs({ units: { organizerUnitId: data.organizerUnitId }, users: { chairUserId: data.chairUserId } });
  const place = await resolveRoom(data.roomId, data.organizerUnitId, data.location);
  const times = toInstants(data);
  const conflicts = await checkConflicts(
    { startsAt: times.startsAt, endsAt: times.endsAt, ...place, organizerUnitId: data.organizerUnitId, personIds: data.chairUserId ? [data.chairUserId] : [] },
    acknowledgeConflicts,
  );
  const values = { ...data, ...place, ...times, status: "draft" as const, createdBy: user.id, updatedBy: user.id };
  const meeting = await db.transaction(async (tx) => {
    const [row] = await tx.insert(meetings).values(values).returning();
    await audit(tx, { actorId: user.id, ...ctx }, "meeting.create", "meeting", row!.id, {
      after: { ...data, ...times },
      ...(conflicts.length ? { acknowledgedConflicts: conflicts.map((c) => ({ kind: c.kind, meetingId: c.meetingId })) } : {}),
    });
    return row!;
  });
  return { meeting, conflicts };
}
