import { and, desc, eq, exists, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations, meetings, workUnits } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";

/**
 * The meetings a user may see, as a SQL condition mirroring the "meeting.view" policy:
 * admins all; secretariat/heads what their division organises (drafts too) and published
 * meetings inviting their units; everybody published meetings their own unit is invited to.
 */
export function visibleMeetingsCondition(user: CurrentUser): SQL | undefined {
  if (user.role === "admin") return undefined;
  const invitedAny = (unitIds: readonly string[]) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(invitations)
        .where(and(eq(invitations.meetingId, meetings.id), inArray(invitations.workUnitId, [...unitIds]))),
    );
  if (user.role === "participant") return and(ne(meetings.status, "draft"), invitedAny([user.workUnitId]));
  return or(inArray(meetings.organizerUnitId, [...user.scopeUnitIds]), and(ne(meetings.status, "draft"), invitedAny(user.scopeUnitIds)));
}

/** The latest meetings a user may see (a simple list; the full finder has filters and pages). */
export async function latestVisibleMeetings(user: CurrentUser, limit = 50) {
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      topic: meetings.topic,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      location: meetings.location,
      status: meetings.status,
      organizerName: workUnits.name,
    })
    .from(meetings)
    .innerJoin(workUnits, eq(workUnits.id, meetings.organizerUnitId))
    .where(visibleMeetingsCondition(user))
    .orderBy(desc(meetings.startsAt))
    .limit(Math.min(limit, 100));
}
