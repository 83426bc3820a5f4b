import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { speakers } from "@/db/schema";
import { audit, changes } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError, orConflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertEditable, omit, requireMeeting, type LoadedMeeting } from "./access";
import type { Ctx } from "./create-meeting";
import { checkConflicts } from "./find-conflicts";
import { lockMeeting } from "./lock";
import { assertRefs } from "./refs";
import { speakerSchema } from "./schemas";
import { isUuid } from "@/lib/ids";

/** Internal speaker (userId) or external (name, position, organisation); the other kind's fields are cleared. */
function normalise(data: ReturnType<typeof parse>) {
  const { sortOrder, ...rest } = omit(data, "acknowledgeConflicts");
  return rest.userId
    ? { ...rest, name: null, position: null, organization: null, sortOrder: sortOrder ?? undefined }
    : { ...rest, sortOrder: sortOrder ?? undefined };
}
const parse = (input: unknown) => parseInput(speakerSchema, input);

async function personConflicts(meeting: LoadedMeeting, userId: string | null, ack: boolean | undefined) {
  if (!userId) return [];
  return checkConflicts({ meetingId: meeting.id, startsAt: meeting.startsAt, endsAt: meeting.endsAt, personIds: [userId] }, ack);
}

export async function addSpeaker(user: CurrentUser, meetingId: string, input: unknown, ctx: Ctx = {}) {
  const meeting = await requireMeeting(user, meetingId, "meeting.manage");
  const data = parse(input);
  assertEditable(meeting);
  await assertRefs({ users: { userId: data.userId } });
  const conflicts = await personConflicts(meeting, data.userId, data.acknowledgeConflicts);
  const values = normalise(data);
  const speaker = await db.transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    const [row] = await tx
      .insert(speakers)
      .values({
        ...values,
        meetingId,
        sortOrder: values.sortOrder ?? sql`(select coalesce(max(sort_order), 0) + 1 from speakers where meeting_id = ${meetingId})`,
      })
      .returning();
    await audit(tx, { actorId: user.id, ...ctx }, "speaker.create", "meeting", meetingId, { speakerId: row!.id, after: values });
    return row!;
  });
  return { speaker, conflicts };
}

async function requireSpeaker(user: CurrentUser, speakerId: string) {
  if (!isUuid(speakerId)) throw new NotFoundError();
  const [speaker] = await db.select().from(speakers).where(eq(speakers.id, speakerId));
  if (!speaker) throw new NotFoundError();
  const meeting = await requireMeeting(user, speaker.meetingId, "meeting.manage");
  assertEditable(meeting);
  return { speaker, meeting };
}
const currentSpeaker = async (id: string) => (await db.select().from(speakers).where(eq(speakers.id, id)))[0] ?? null;

export async function updateSpeaker(user: CurrentUser, speakerId: string, version: number, input: unknown, ctx: Ctx = {}) {
  const { speaker, meeting } = await requireSpeaker(user, speakerId);
  const data = parse(input);
  await assertRefs({ users: { userId: data.userId } });
  const conflicts = data.userId !== speaker.userId ? await personConflicts(meeting, data.userId, data.acknowledgeConflicts) : [];
  const values = normalise(data);
  const updated = await orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(speakers)
        .set({ ...values, version: sql`${speakers.version} + 1` })
        .where(and(eq(speakers.id, speakerId), eq(speakers.version, version)))
        .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "speaker.update", "meeting", speaker.meetingId, { speakerId, ...changes(speaker, values) });
      return row;
    }),
    () => currentSpeaker(speakerId),
  );
  return { speaker: updated, conflicts };
}

/** Agenda items presented by the speaker keep their place, without a presenter (FK set null). */
export async function deleteSpeaker(user: CurrentUser, speakerId: string, version: number, ctx: Ctx = {}) {
  const { speaker } = await requireSpeaker(user, speakerId);
  return orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .delete(speakers)
        .where(and(eq(speakers.id, speakerId), eq(speakers.version, version)))
        .returning({ id: speakers.id });
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "speaker.delete", "meeting", speaker.meetingId, { speakerId, before: { name: speaker.name, userId: speaker.userId, role: speaker.role } });
      return row;
    }),
    () => currentSpeaker(speakerId),
  );
}
