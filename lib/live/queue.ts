import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { agendaItems, attendances, meetingLive, speakingTurns, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, isUniqueViolation, orConflict } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { loadMeeting, type LoadedMeeting } from "@/lib/meetings/access";
import type { Ctx } from "@/lib/meetings/create-meeting";
import { lockMeeting } from "@/lib/meetings/lock";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { currentLive, ensureLive } from "./access";
import { publishLive } from "./publish";
import { floorRequestSchema, queueSettingsSchema } from "./schemas";
import type { LiveResult } from "./run";

/**
 * The speakers' queue (daftar bicara, issue 23). A participant checked in as present asks for the
 * floor from their phone (one open request each, refused while the list is closed); the
 * secretariat running the meeting or its moderator gives the floor (in order or to anyone
 * waiting), skips, ends a turn, closes and reopens the list. Every change is one transaction with
 * an audit row and a live event (the whole state, NOTIFY at commit), like the console's.
 */

const refuse = (key: string) => new ValidationError({ _form: [key] }, key);

async function requireQueueMeeting(user: CurrentUser, meetingId: string, action: "live.requestFloor" | "live.queue"): Promise<LoadedMeeting> {
  const m = await loadMeeting(meetingId);
  if (!m || !can(user, "meeting.view", m.resource)) throw new NotFoundError();
  if (can(user, action, m.resource)) return m;
  if (m.status !== "ongoing") throw refuse("live.queue.errors.notOngoing");
  throw new ForbiddenError();
}

/** Locks the meeting and checks the live version the console saw (null: someone else changed it). */
async function lockedLive(tx: Tx, meetingId: string, version: number) {
  await lockMeeting(tx, meetingId);
  await ensureLive(tx, meetingId);
  const [live] = await tx.select().from(meetingLive).where(eq(meetingLive.meetingId, meetingId));
  return live && live.version === version ? live : null;
}

/** Ends the turn being spoken now, if any (the floor is given to someone else, or the item ends). */
export async function endCurrentTurn(tx: Tx, meetingId: string, now: Date) {
  await tx
    .update(speakingTurns)
    .set({ status: "done", endedAt: now, version: sql`${speakingTurns.version} + 1` })
    .where(and(eq(speakingTurns.meetingId, meetingId), eq(speakingTurns.status, "speaking")));
}

/** Records a planned speaker's turn when the console calls them (after endCurrentTurn). */
export async function startPlannedTurn(tx: Tx, meetingId: string, speaker: { id: string; name: string }, itemId: string | null, now: Date) {
  await tx.insert(speakingTurns).values({
    meetingId,
    speakerId: speaker.id,
    name: (speaker.name || "—").slice(0, 200),
    agendaItemId: itemId,
    status: "speaking",
    requestedAt: now,
    startedAt: now,
  });
}

/** The user's open request in this meeting (waiting or speaking), for their phone. */
export async function myFloorRequest(user: CurrentUser, meetingId: string) {
  if (!isUuid(meetingId)) return null;
  const [row] = await db
    .select({ id: speakingTurns.id, status: speakingTurns.status, topic: speakingTurns.topic, agendaItemId: speakingTurns.agendaItemId, version: speakingTurns.version })
    .from(speakingTurns)
    .where(and(eq(speakingTurns.meetingId, meetingId), eq(speakingTurns.userId, user.id), sql`${speakingTurns.status} in ('waiting', 'speaking')`));
  return row ?? null;
}

/** What a participant's phone needs for the queue: whether they may ask (and why not), their open request, the items. */
export async function getFloorPanel(user: CurrentUser, meetingId: string) {
  const m = await loadMeeting(meetingId);
  if (!m || !can(user, "live.requestFloor", m.resource)) return null;
  const [present, mine, items] = await Promise.all([
    db
      .select({ id: attendances.id })
      .from(attendances)
      .where(and(eq(attendances.meetingId, meetingId), eq(attendances.userId, user.id), eq(attendances.status, "present"))),
    myFloorRequest(user, meetingId),
    db.select({ id: agendaItems.id, title: agendaItems.title }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)).limit(100),
  ]);
  return { present: present.length > 0, mine, items, runsQueue: can(user, "live.queue", m.resource) };
}

export type FloorPanel = NonNullable<Awaited<ReturnType<typeof getFloorPanel>>>;

/**
 * A participant asks to speak. Refused (with a message) unless the meeting is ongoing, the list is
 * open, they are checked in as present and have no open request already.
 */
export async function requestFloor(user: CurrentUser, meetingId: string, input: unknown, ctx: Ctx = {}) {
  await requireQueueMeeting(user, meetingId, "live.requestFloor");
  const data = parseInput(floorRequestSchema, input);
  try {
    return await db.transaction(async (tx) => {
      await lockMeeting(tx, meetingId);
      await ensureLive(tx, meetingId);
      const [live] = await tx.select({ queueOpen: meetingLive.queueOpen }).from(meetingLive).where(eq(meetingLive.meetingId, meetingId));
      if (!live?.queueOpen) throw refuse("live.queue.errors.closed");
      const [me] = await tx
        .select({ name: users.name, workUnitId: attendances.workUnitId })
        .from(attendances)
        .innerJoin(users, eq(users.id, attendances.userId))
        .where(and(eq(attendances.meetingId, meetingId), eq(attendances.userId, user.id), eq(attendances.status, "present")));
      if (!me) throw refuse("live.queue.errors.notPresent");
      if (data.agendaItemId) {
        const [item] = await tx
          .select({ id: agendaItems.id })
          .from(agendaItems)
          .where(and(eq(agendaItems.id, data.agendaItemId), eq(agendaItems.meetingId, meetingId)));
        if (!item) throw new ValidationError({ agendaItemId: ["errors.invalid"] });
      }
      const [row] = await tx
        .insert(speakingTurns)
        .values({ meetingId, userId: user.id, name: me.name.slice(0, 200), workUnitId: me.workUnitId, agendaItemId: data.agendaItemId, topic: data.topic })
        .returning();
      await audit(tx, { actorId: user.id, ...ctx }, "live.floor_request", "meeting", meetingId, { turnId: row!.id, agendaItemId: data.agendaItemId, topic: data.topic });
      await publishLive(tx, meetingId, "queue", { kind: "queue", text: me.name });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e, "speaking_turns_open_uq")) throw refuse("live.queue.errors.alreadyWaiting");
    throw e;
  }
}

/** The participant withdraws their own waiting request (version: the request's, as their phone saw it). */
export async function withdrawFloorRequest(user: CurrentUser, meetingId: string, turnId: string, version: number, ctx: Ctx = {}) {
  await requireQueueMeeting(user, meetingId, "live.requestFloor");
  if (!isUuid(turnId)) throw new NotFoundError();
  const current = async () => (await db.select().from(speakingTurns).where(eq(speakingTurns.id, turnId)))[0] ?? null;
  const before = await current();
  if (!before || before.meetingId !== meetingId || before.userId !== user.id) throw new NotFoundError();
  if (before.status !== "waiting") throw refuse("live.queue.errors.notWaiting");
  return orConflict(
    db.transaction(async (tx) => {
      await lockMeeting(tx, meetingId);
      const [row] = await tx
        .update(speakingTurns)
        .set({ status: "withdrawn", version: sql`${speakingTurns.version} + 1` })
        .where(and(eq(speakingTurns.id, turnId), eq(speakingTurns.version, version), eq(speakingTurns.status, "waiting")))
        .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "live.floor_withdraw", "meeting", meetingId, { turnId });
      await publishLive(tx, meetingId, "queue", { kind: "queue" });
      return row;
    }),
    current,
  );
}

/**
 * Gives the floor: to the request named, or to the first waiting one. The turn speaking now (a
 * participant's or a planned speaker's) ends; the planned speaker sits down. The turn belongs to
 * the item the participant named, else the item running now; its time allowed is the queue's.
 */
export async function giveFloor(user: CurrentUser, meetingId: string, version: number, turnId: string | null, ctx: Ctx & { now?: Date } = {}): Promise<LiveResult> {
  await requireQueueMeeting(user, meetingId, "live.queue");
  if (turnId !== null && !isUuid(turnId)) throw new NotFoundError();
  const now = ctx.now ?? new Date();
  return orConflict(
    db.transaction(async (tx) => {
      const live = await lockedLive(tx, meetingId, version);
      if (!live) return null;
      const [next] = await tx
        .select()
        .from(speakingTurns)
        .where(and(eq(speakingTurns.meetingId, meetingId), eq(speakingTurns.status, "waiting"), turnId ? eq(speakingTurns.id, turnId) : undefined))
        .orderBy(asc(speakingTurns.requestedAt), asc(speakingTurns.id))
        .limit(1);
      if (!next) throw turnId ? refuse("live.queue.errors.notWaiting") : refuse("live.queue.errors.empty");
      await endCurrentTurn(tx, meetingId, now);
      await tx
        .update(speakingTurns)
        .set({
          status: "speaking",
          startedAt: now,
          agendaItemId: next.agendaItemId ?? live.currentItemId,
          allowedMinutes: live.turnMinutes,
          version: sql`${speakingTurns.version} + 1`,
        })
        .where(eq(speakingTurns.id, next.id));
      await tx
        .update(meetingLive)
        .set({ currentSpeakerId: null, speakerCalledAt: null, version: live.version + 1, updatedBy: user.id, updatedAt: now })
        .where(eq(meetingLive.meetingId, meetingId));
      await audit(tx, { actorId: user.id, ...ctx }, "live.floor_give", "meeting", meetingId, { turnId: next.id });
      const eventId = await publishLive(tx, meetingId, "queue", { kind: "queue", text: next.name });
      return { version: live.version + 1, eventId };
    }),
    () => currentLive(meetingId),
  );
}

/** Skips a waiting request (the person left, the question was answered): it leaves the queue. */
export async function skipFloorRequest(user: CurrentUser, meetingId: string, version: number, turnId: string, ctx: Ctx = {}): Promise<LiveResult> {
  await requireQueueMeeting(user, meetingId, "live.queue");
  if (!isUuid(turnId)) throw new NotFoundError();
  return orConflict(
    db.transaction(async (tx) => {
      const live = await lockedLive(tx, meetingId, version);
      if (!live) return null;
      const [row] = await tx
        .update(speakingTurns)
        .set({ status: "skipped", version: sql`${speakingTurns.version} + 1` })
        .where(and(eq(speakingTurns.id, turnId), eq(speakingTurns.meetingId, meetingId), eq(speakingTurns.status, "waiting")))
        .returning({ id: speakingTurns.id });
      if (!row) throw refuse("live.queue.errors.notWaiting");
      await tx.update(meetingLive).set({ version: live.version + 1, updatedBy: user.id, updatedAt: new Date() }).where(eq(meetingLive.meetingId, meetingId));
      await audit(tx, { actorId: user.id, ...ctx }, "live.floor_skip", "meeting", meetingId, { turnId });
      const eventId = await publishLive(tx, meetingId, "queue", { kind: "queue" });
      return { version: live.version + 1, eventId };
    }),
    () => currentLive(meetingId),
  );
}

/** Ends the participant's turn speaking now (the floor is empty). */
export async function endFloorTurn(user: CurrentUser, meetingId: string, version: number, ctx: Ctx & { now?: Date } = {}): Promise<LiveResult> {
  await requireQueueMeeting(user, meetingId, "live.queue");
  const now = ctx.now ?? new Date();
  return orConflict(
    db.transaction(async (tx) => {
      const live = await lockedLive(tx, meetingId, version);
      if (!live) return null;
      await endCurrentTurn(tx, meetingId, now);
      await tx.update(meetingLive).set({ version: live.version + 1, updatedBy: user.id, updatedAt: now }).where(eq(meetingLive.meetingId, meetingId));
      await audit(tx, { actorId: user.id, ...ctx }, "live.floor_end", "meeting", meetingId);
      const eventId = await publishLive(tx, meetingId, "queue", { kind: "queue" });
      return { version: live.version + 1, eventId };
    }),
    () => currentLive(meetingId),
  );
}

/** Closes or reopens the list (closed: no new requests; those waiting stay) and sets the time allowed per turn. */
export async function setQueueSettings(user: CurrentUser, meetingId: string, version: number, input: unknown, ctx: Ctx = {}): Promise<LiveResult> {
  await requireQueueMeeting(user, meetingId, "live.queue");
  const data = parseInput(queueSettingsSchema, input);
  return orConflict(
    db.transaction(async (tx) => {
      const live = await lockedLive(tx, meetingId, version);
      if (!live) return null;
      await tx
        .update(meetingLive)
        .set({ queueOpen: data.open, turnMinutes: data.turnMinutes, version: live.version + 1, updatedBy: user.id, updatedAt: new Date() })
        .where(eq(meetingLive.meetingId, meetingId));
      await audit(tx, { actorId: user.id, ...ctx }, "live.queue_settings", "meeting", meetingId, { open: [live.queueOpen, data.open], turnMinutes: [live.turnMinutes, data.turnMinutes] });
      const eventId = await publishLive(tx, meetingId, "queue", { kind: "queue" });
      return { version: live.version + 1, eventId };
    }),
    () => currentLive(meetingId),
  );
}
