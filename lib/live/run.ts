import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { agendaItems, meetingLive, speakers } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError, ValidationError, orConflict } from "@/lib/errors";
import type { Ctx } from "@/lib/meetings/create-meeting";
import { lockMeeting } from "@/lib/meetings/lock";
import { parseInput } from "@/lib/validation";
import { currentLive, ensureLive, requireLiveMeeting } from "./access";
import { publishLive } from "./publish";
import { endCurrentTurn, startPlannedTurn } from "./queue";
import { callSpeakerSchema, checkInSwitchSchema } from "./schemas";

export type LiveResult = { version: number; eventId: number };

/** Locks the meeting, makes sure its live row exists and checks the version the console saw. */
async function lockedLive(tx: Tx, meetingId: string, version: number) {
  await lockMeeting(tx, meetingId);
  await ensureLive(tx, meetingId);
  const [live] = await tx.select().from(meetingLive).where(eq(meetingLive.meetingId, meetingId));
  return live && live.version === version ? live : null;
}

/**
 * Ends the current agenda item (its actual end is now) and starts the next one in agenda order
 * (its actual start is now; started before: kept). After the last item nothing is current. The
 * next item's presenter, if any, becomes the current speaker; otherwise nobody speaks.
 */
export async function startNextItem(user: CurrentUser, meetingId: string, version: number, ctx: Ctx & { now?: Date } = {}): Promise<LiveResult> {
  await requireLiveMeeting(user, meetingId, "live.run");
  const now = ctx.now ?? new Date();
  return orConflict(
    db.transaction(async (tx) => {
      const live = await lockedLive(tx, meetingId, version);
      if (!live) return null;
      const items = await tx
        .select({ id: agendaItems.id, title: agendaItems.title, presenterSpeakerId: agendaItems.presenterSpeakerId })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.position));
      if (items.length === 0) throw new ValidationError({ _form: ["live.errors.noAgenda"] }, "live.errors.noAgenda");
      const index = live.currentItemId ? items.findIndex((i) => i.id === live.currentItemId) : -1;
      // After the last item nothing is current: the agenda is done (not started over).
      if (!live.currentItemId && (await anyEnded(tx, meetingId))) throw new ValidationError({ _form: ["live.errors.agendaDone"] }, "live.errors.agendaDone");
      const next = items[index + 1] ?? null;
      if (live.currentItemId) {
        await tx
          .update(agendaItems)
          .set({ actualEndedAt: now })
          .where(and(eq(agendaItems.id, live.currentItemId), sql`${agendaItems.actualEndedAt} is null`));
      }
      if (next) {
        await tx
          .update(agendaItems)
          .set({ actualStartedAt: sql`coalesce(${agendaItems.actualStartedAt}, ${now.toISOString()}::timestamptz)`, actualEndedAt: null })
          .where(eq(agendaItems.id, next.id));
      }
      const speakerId = next?.presenterSpeakerId ?? null;
      // The item ends: so does the turn being spoken; the next item's presenter starts a turn of it.
      await endCurrentTurn(tx, meetingId, now);
      if (next && speakerId) {
        const [presenter] = await tx
          .select({ id: speakers.id, name: sql<string>`coalesce((select u.name from users u where u.id = ${speakers.userId}), ${speakers.name}, '')` })
          .from(speakers)
          .where(eq(speakers.id, speakerId));
        if (presenter) await startPlannedTurn(tx, meetingId, presenter, next.id, now);
      }
      await tx
        .update(meetingLive)
        .set({ currentItemId: next?.id ?? null, currentSpeakerId: speakerId, speakerCalledAt: speakerId ? now : null, version: live.version + 1, updatedBy: user.id, updatedAt: now })
        .where(eq(meetingLive.meetingId, meetingId));
      await audit(tx, { actorId: user.id, ip: ctx.ip }, "live.next_item", "meeting", meetingId, { from: live.currentItemId, to: next?.id ?? null });
      const eventId = await publishLive(tx, meetingId, "item", { kind: "item", text: next?.title ?? "" });
      return { version: live.version + 1, eventId };
    }),
    () => currentLive(meetingId),
  );
}

async function anyEnded(tx: Tx, meetingId: string) {
  const [row] = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), sql`${agendaItems.actualEndedAt} is not null`))
    .limit(1);
  return !!row;
}

/**
 * Calls a speaker to the floor (their timer starts now): the one named, or the next in speaker
 * order after the current (minute-takers do not speak); `clear` leaves the floor empty.
 */
export async function callSpeaker(user: CurrentUser, meetingId: string, version: number, input: unknown, ctx: Ctx & { now?: Date } = {}): Promise<LiveResult> {
  await requireLiveMeeting(user, meetingId, "live.run");
  const data = parseInput(callSpeakerSchema, input);
  const now = ctx.now ?? new Date();
  return orConflict(
    db.transaction(async (tx) => {
      const live = await lockedLive(tx, meetingId, version);
      if (!live) return null;
      let speakerId: string | null = null;
      let name = "";
      if (!data.clear) {
        const list = await tx
          .select({ id: speakers.id, name: sql<string>`coalesce((select u.name from users u where u.id = ${speakers.userId}), ${speakers.name}, '')` })
          .from(speakers)
          .where(and(eq(speakers.meetingId, meetingId), sql`${speakers.role} <> 'minute_taker'`))
          .orderBy(asc(speakers.sortOrder), asc(speakers.createdAt));
        const chosen = data.speakerId
          ? list.find((s) => s.id === data.speakerId)
          : list[(live.currentSpeakerId ? list.findIndex((s) => s.id === live.currentSpeakerId) : -1) + 1];
        if (data.speakerId && !chosen) throw new NotFoundError();
        if (!chosen) throw new ValidationError({ _form: ["live.errors.noMoreSpeakers"] }, "live.errors.noMoreSpeakers");
        speakerId = chosen.id;
        name = chosen.name;
      }
      // Speaking turns (issue 23): the one speaking now ends; a planned speaker called starts one.
      await endCurrentTurn(tx, meetingId, now);
      if (speakerId) await startPlannedTurn(tx, meetingId, { id: speakerId, name }, live.currentItemId, now);
      await tx
        .update(meetingLive)
        .set({ currentSpeakerId: speakerId, speakerCalledAt: speakerId ? now : null, version: live.version + 1, updatedBy: user.id, updatedAt: now })
        .where(eq(meetingLive.meetingId, meetingId));
      await audit(tx, { actorId: user.id, ip: ctx.ip }, "live.call_speaker", "meeting", meetingId, { from: live.currentSpeakerId, to: speakerId });
      const eventId = await publishLive(tx, meetingId, "speaker", { kind: "speaker", text: name });
      return { version: live.version + 1, eventId };
    }),
    () => currentLive(meetingId),
  );
}

/** Opens or closes self check-in from the console (within the check-in window). */
export async function setCheckInOpen(user: CurrentUser, meetingId: string, version: number, input: unknown, ctx: Ctx = {}): Promise<LiveResult> {
  await requireLiveMeeting(user, meetingId, "live.run");
  const { open } = parseInput(checkInSwitchSchema, input);
  return orConflict(
    db.transaction(async (tx) => {
      const live = await lockedLive(tx, meetingId, version);
      if (!live) return null;
      await tx
        .update(meetingLive)
        .set({ checkInOpen: open, version: live.version + 1, updatedBy: user.id, updatedAt: new Date() })
        .where(eq(meetingLive.meetingId, meetingId));
      await audit(tx, { actorId: user.id, ip: ctx.ip }, open ? "live.check_in_open" : "live.check_in_close", "meeting", meetingId);
      const eventId = await publishLive(tx, meetingId, "check_in_toggle");
      return { version: live.version + 1, eventId };
    }),
    () => currentLive(meetingId),
  );
}
