import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { meetings } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ValidationError, orConflict } from "@/lib/errors";
import { loadMeeting, requireMeeting } from "./access";
import type { Ctx } from "./create-meeting";

/**
 * Deletes a draft (a meeting nobody was told about yet) with its agenda, speakers and invitations.
 * A published meeting is cancelled instead, so the invited units learn of it. Permission first,
 * then the version (a stale one is a ConflictError with the meeting as it is now).
 */
export async function deleteDraftMeeting(user: CurrentUser, id: string, version: number, ctx: Ctx = {}) {
  const meeting = await requireMeeting(user, id, "meeting.manage");
  if (meeting.status !== "draft") throw new ValidationError({ status: ["meetings.errors.onlyDraftDeletable"] }, "meetings.errors.onlyDraftDeletable");
  await orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .delete(meetings)
        .where(and(eq(meetings.id, id), eq(meetings.version, version), eq(meetings.status, "draft")))
        .returning({ id: meetings.id });
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "meeting.delete", "meeting", id, { title: meeting.title, startsAt: meeting.startsAt });
      return row;
    }),
    () => loadMeeting(id),
  );
}
