import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agendaItems, speakers, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { loadMeeting } from "@/lib/meetings/access";
import { can } from "@/lib/permissions";
import { listScreenLinks } from "./screen-links";
import { liveState, staffExtra } from "./state";
import type { LiveMessage } from "./types";

/**
 * What the console page needs: the live state, each item's note (with its version), the
 * speakers to call and the active screen links. `running` is false when the meeting is not
 * ongoing (the page then says so); null when the user may not run it.
 */
export async function getConsole(user: CurrentUser, meetingId: string) {
  const m = await loadMeeting(meetingId);
  if (!m || !can(user, "meeting.view", m.resource) || !can(user, "meeting.manage", m.resource)) throw new NotFoundError();
  const running = can(user, "live.run", m.resource);
  const [state, extra, notes, speakerRows, links] = await Promise.all([
    liveState(meetingId),
    staffExtra(meetingId),
    db
      .select({ id: agendaItems.id, note: agendaItems.liveNote, version: agendaItems.version })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position))
      .limit(100),
    db
      .select({ id: speakers.id, role: speakers.role, name: sql<string>`coalesce(${users.name}, ${speakers.name}, '')`, onBehalfOf: speakers.onBehalfOf })
      .from(speakers)
      .leftJoin(users, eq(users.id, speakers.userId))
      .where(and(eq(speakers.meetingId, meetingId), sql`${speakers.role} <> 'minute_taker'`))
      .orderBy(asc(speakers.sortOrder), asc(speakers.createdAt))
      .limit(100),
    listScreenLinks(meetingId),
  ]);
  if (!state) throw new NotFoundError();
  const initial: LiveMessage = { kind: "state", state, staff: extra };
  return {
    meeting: { id: m.id, title: m.title, status: m.status, timeZone: m.timeZone },
    running,
    canNote: can(user, "live.note", m.resource),
    initial,
    notes,
    speakers: speakerRows,
    links: links.map((l) => ({ id: l.id, createdAt: l.createdAt.toISOString() })),
  };
}

export type ConsoleData = Awaited<ReturnType<typeof getConsole>>;
