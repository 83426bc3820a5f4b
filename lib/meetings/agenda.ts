import "server-only";
import { and, asc, eq, gt, lt, desc, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { agendaItems, speakers } from "@/db/schema";
import { audit, changes } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError, ValidationError, orConflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertEditable, requireMeeting } from "./access";
import { lockMeeting } from "./lock";
import type { Ctx } from "./create-meeting";
import { agendaItemSchema, moveSchema } from "./schemas";
import { isUuid } from "@/lib/ids";
import { announceAgendaChange } from "@/lib/notifications/fan-out";

async function assertPresenter(meetingId: string, speakerId: string | null) {
  if (!speakerId) return;
  const [s] = await db.select({ id: speakers.id }).from(speakers).where(and(eq(speakers.id, speakerId), eq(speakers.meetingId, meetingId)));
  if (!s) throw new ValidationError({ presenterSpeakerId: ["meetings.errors.unknownSpeaker"] });
}

/** The item and its meeting, checked for `meeting.manage` (404 when the meeting is not visible). */
async function requireItem(user: CurrentUser, itemId: string) {
  if (!isUuid(itemId)) throw new NotFoundError();
  const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, itemId));
  if (!item) throw new NotFoundError();
  const meeting = await requireMeeting(user, item.meetingId, "meeting.manage");
  assertEditable(meeting);
  return { item, meeting };
}

const currentItem = async (id: string) => (await db.select().from(agendaItems).where(eq(agendaItems.id, id)))[0] ?? null;

export async function addAgendaItem(user: CurrentUser, meetingId: string, input: unknown, ctx: Ctx = {}) {
  const meeting = await requireMeeting(user, meetingId, "meeting.manage");
  const data = parseInput(agendaItemSchema, input);
  assertEditable(meeting);
  await assertPresenter(meetingId, data.presenterSpeakerId);
  return db.transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    const [row] = await tx
      .insert(agendaItems)
      .values({
        ...data,
        meetingId,
        position: sql`(select coalesce(max(position), 0) + 1 from agenda_items where meeting_id = ${meetingId})`,
      })
      .returning();
    await audit(tx, { actorId: user.id, ...ctx }, "agenda_item.create", "meeting", meetingId, { itemId: row!.id, after: data });
    await announceAgendaChange(tx, meeting);
    return row!;
  });
}

export async function updateAgendaItem(user: CurrentUser, itemId: string, version: number, input: unknown, ctx: Ctx = {}) {
  const { item, meeting } = await requireItem(user, itemId);
  const data = parseInput(agendaItemSchema, input);
  await assertPresenter(item.meetingId, data.presenterSpeakerId);
  return orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(agendaItems)
        .set({ ...data, version: sql`${agendaItems.version} + 1`, updatedAt: new Date() })
        .where(and(eq(agendaItems.id, itemId), eq(agendaItems.version, version)))
        .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "agenda_item.update", "meeting", item.meetingId, { itemId, ...changes(item, data) });
      await announceAgendaChange(tx, meeting);
      return row;
    }),
    () => currentItem(itemId),
  );
}

/** Closes the gap a removed item leaves, so positions stay 1..n. */
async function renumber(tx: Tx, meetingId: string) {
  await tx.execute(sql`
    update agenda_items a set position = r.n
      from (select id, row_number() over (order by position, created_at) as n from agenda_items where meeting_id = ${meetingId}) r
     where a.id = r.id and a.position <> r.n`);
}

export async function deleteAgendaItem(user: CurrentUser, itemId: string, version: number, ctx: Ctx = {}) {
  const { item, meeting } = await requireItem(user, itemId);
  return orConflict(
    db.transaction(async (tx) => {
      await lockMeeting(tx, item.meetingId);
      const [row] = await tx
        .delete(agendaItems)
        .where(and(eq(agendaItems.id, itemId), eq(agendaItems.version, version)))
        .returning({ id: agendaItems.id });
      if (!row) return null;
      await renumber(tx, item.meetingId);
      await audit(tx, { actorId: user.id, ...ctx }, "agenda_item.delete", "meeting", item.meetingId, { itemId, before: { title: item.title } });
      await announceAgendaChange(tx, meeting);
      return row;
    }),
    () => currentItem(itemId),
  );
}

/**
 * Swaps the item with its neighbour above or below (keyboard-accessible move buttons). Positions
 * are unique per meeting (a deferred constraint, checked at commit, so the swap may pass through a
 * duplicate); the meeting lock keeps concurrent moves and inserts in line.
 */
export async function moveAgendaItem(user: CurrentUser, itemId: string, input: unknown, ctx: Ctx = {}) {
  const { item, meeting } = await requireItem(user, itemId);
  const { direction } = parseInput(moveSchema, input);
  return db.transaction(async (tx) => {
    await lockMeeting(tx, item.meetingId);
    const [me] = await tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).for("update");
    if (!me) throw new NotFoundError();
    const [neighbour] = await tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, me.meetingId), direction === "up" ? lt(agendaItems.position, me.position) : gt(agendaItems.position, me.position)))
      .orderBy(direction === "up" ? desc(agendaItems.position) : asc(agendaItems.position))
      .limit(1);
    if (!neighbour) return me;
    // Order is not content: versions stay, so a concurrent edit of an item's text is not refused.
    await tx.update(agendaItems).set({ position: neighbour.position }).where(eq(agendaItems.id, me.id));
    await tx.update(agendaItems).set({ position: me.position }).where(eq(agendaItems.id, neighbour.id));
    await audit(tx, { actorId: user.id, ...ctx }, "agenda_item.move", "meeting", item.meetingId, { itemId, position: [me.position, neighbour.position] });
    await announceAgendaChange(tx, meeting);
    return { ...me, position: neighbour.position };
  });
}
