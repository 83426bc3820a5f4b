import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { agendaItems, auditLogs, invitations, meetings, speakers, speakingTurns } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { checkIn, recordAttendance } from "@/lib/meetings/attendance";
import { makeDivision, makeUser, uid } from "@/tests/fixtures";
import { endFloorTurn, getFloorPanel, giveFloor, requestFloor, setQueueSettings, skipFloorRequest, withdrawFloorRequest } from "./queue";
import { callSpeaker, startNextItem } from "./run";
import { liveState } from "./state";

/** An ongoing meeting inviting two units; three participants (two of unit A, one of unit B), a moderator account. */
async function ongoing() {
  const { division, unitA, unitB } = await makeDivision();
  const [secretariat, ana, budi, citra, moderator, outsider] = await Promise.all([
    makeUser("secretariat", division.id),
    makeUser("participant", unitA.id, { name: `Ana ${uid()}` }),
    makeUser("participant", unitA.id, { name: `Budi ${uid()}` }),
    makeUser("participant", unitB.id, { name: `Citra ${uid()}` }),
    makeUser("participant", unitB.id),
    makeUser("participant", division.id),
  ]);
  const now = Date.now();
  const [m] = await db
    .insert(meetings)
    .values({ title: `Rakor antrean ${uid()}`, startsAt: new Date(now - 10 * 60_000), endsAt: new Date(now + 3 * 3600_000), timeZone: "Asia/Jakarta", organizerUnitId: division.id, status: "ongoing" })
    .returning();
  const [presenter] = await db
    .insert(speakers)
    .values([
      { meetingId: m!.id, role: "resource_person", name: "Narasumber", sortOrder: 1 },
      { meetingId: m!.id, role: "moderator", userId: moderator.id, sortOrder: 2 },
    ])
    .returning();
  const items = await db
    .insert(agendaItems)
    .values([
      { meetingId: m!.id, position: 1, title: "Paparan", durationMinutes: 30, presenterSpeakerId: presenter!.id },
      { meetingId: m!.id, position: 2, title: "Diskusi", durationMinutes: 30 },
    ])
    .returning();
  await db.insert(invitations).values([
    { meetingId: m!.id, workUnitId: unitA.id },
    { meetingId: m!.id, workUnitId: unitB.id },
  ]);
  const [code] = await db.select({ code: meetings.checkInCode }).from(meetings).where(eq(meetings.id, m!.id));
  return { meeting: m!, code: code!.code, secretariat, ana, budi, citra, moderator, outsider, items };
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!e) throw new Error("expected a refusal");
  return e;
}
const message = async (p: Promise<unknown>) => ((await refusal(p)) as ValidationError).message;
const queue = async (meetingId: string) => (await liveState(meetingId))!.queue;

describe("the speakers' queue", () => {
  it("only a participant checked in as present may ask; the others get a clear refusal", async () => {
    const o = await ongoing();
    expect(await message(requestFloor(o.ana, o.meeting.id, {}))).toBe("live.queue.errors.notPresent");
    // Recorded as excused by the secretariat: not present either.
    await recordAttendance(o.secretariat, o.meeting.id, { userId: o.budi.id, status: "excused" });
    expect(await message(requestFloor(o.budi, o.meeting.id, {}))).toBe("live.queue.errors.notPresent");
    // A person of a unit not invited does not see the meeting.
    expect(await refusal(requestFloor(o.outsider, o.meeting.id, {}))).toBeInstanceOf(NotFoundError);
    await checkIn(o.ana, o.code);
    const turn = await requestFloor(o.ana, o.meeting.id, { topic: "Kuota paspor", agendaItemId: o.items[1]!.id });
    expect(turn).toMatchObject({ status: "waiting", topic: "Kuota paspor", agendaItemId: o.items[1]!.id, userId: o.ana.id });
    expect((await getFloorPanel(o.ana, o.meeting.id))!).toMatchObject({ present: true, mine: { id: turn.id, status: "waiting" } });
    // An item of another meeting is refused per field.
    await checkIn(o.citra, o.code);
    const other = await ongoing();
    const e = (await refusal(requestFloor(o.citra, o.meeting.id, { agendaItemId: other.items[0]!.id }))) as ValidationError;
    expect(e.fieldErrors).toEqual({ agendaItemId: ["errors.invalid"] });
    // Not ongoing any more: refused with a message.
    await db.update(meetings).set({ status: "completed" }).where(eq(meetings.id, o.meeting.id));
    expect(await message(requestFloor(o.citra, o.meeting.id, {}))).toBe("live.queue.errors.notOngoing");
  });

  it("keeps requests in the order asked, one open request per person, and a closed list refuses new ones", async () => {
    const o = await ongoing();
    await Promise.all([checkIn(o.ana, o.code), checkIn(o.budi, o.code), checkIn(o.citra, o.code)]);
    await requestFloor(o.budi, o.meeting.id, { topic: "Pertama" });
    await requestFloor(o.ana, o.meeting.id, {});
    expect(await message(requestFloor(o.budi, o.meeting.id, { topic: "Lagi" }))).toBe("live.queue.errors.alreadyWaiting");
    let q = await queue(o.meeting.id);
    expect(q.waiting.map((w) => w.name)).toEqual([o.budi.name, o.ana.name]);
    expect(q.waitingTotal).toBe(2);

    // Closed: no new requests; those waiting stay. Reopened: accepted again.
    const closed = await setQueueSettings(o.secretariat, o.meeting.id, 1, { open: false, turnMinutes: "3" });
    expect(await message(requestFloor(o.citra, o.meeting.id, {}))).toBe("live.queue.errors.closed");
    q = await queue(o.meeting.id);
    expect(q).toMatchObject({ open: false, turnMinutes: 3, waitingTotal: 2 });
    await setQueueSettings(o.secretariat, o.meeting.id, closed.version, { open: true, turnMinutes: "3" });
    await requestFloor(o.citra, o.meeting.id, {});
    expect((await queue(o.meeting.id)).waiting.map((w) => w.name)).toEqual([o.budi.name, o.ana.name, o.citra.name]);
    // A bad time allowed is refused per field.
    const bad = (await refusal(setQueueSettings(o.secretariat, o.meeting.id, 3, { open: true, turnMinutes: "0" }))) as ValidationError;
    expect(bad.fieldErrors.turnMinutes).toEqual(["live.queue.errors.turnMinutes"]);
  });

  it("gives the floor in order, records who spoke under which item from–to, and the planned speaker sits down", async () => {
    const o = await ongoing();
    await Promise.all([checkIn(o.ana, o.code), checkIn(o.budi, o.code), checkIn(o.citra, o.code)]);
    let v = (await startNextItem(o.secretariat, o.meeting.id, 1)).version; // "Paparan": its presenter speaks (a planned turn)
    const a = await requestFloor(o.ana, o.meeting.id, {});
    const b = await requestFloor(o.budi, o.meeting.id, { agendaItemId: o.items[1]!.id, topic: "Diskusi nanti" });
    const c = await requestFloor(o.citra, o.meeting.id, {});
    v = (await setQueueSettings(o.secretariat, o.meeting.id, v, { open: true, turnMinutes: "2" })).version;

    v = (await giveFloor(o.secretariat, o.meeting.id, v, null)).version;
    let s = (await liveState(o.meeting.id))!;
    expect(s.speaker).toBeNull();
    expect(s.queue.current).toMatchObject({ id: a.id, name: o.ana.name, agendaItemId: o.items[0]!.id, allowedMinutes: 2 });
    expect(s.queue.current!.startedAt).not.toBeNull();
    expect(s.queue.waiting.map((w) => w.id)).toEqual([b.id, c.id]);

    // The moderator (a speaker of the meeting with an account) runs the queue too; another participant may not.
    expect(await refusal(giveFloor(o.budi, o.meeting.id, v, null))).toBeInstanceOf(ForbiddenError);
    v = (await skipFloorRequest(o.moderator, o.meeting.id, v, b.id)).version;
    v = (await giveFloor(o.moderator, o.meeting.id, v, null)).version;
    s = (await liveState(o.meeting.id))!;
    expect(s.queue.current?.id).toBe(c.id);
    expect(s.queue.waiting).toEqual([]);
    expect(await message(giveFloor(o.secretariat, o.meeting.id, v, null))).toBe("live.queue.errors.empty");
    // A stale console: conflict, nothing written.
    expect(await refusal(endFloorTurn(o.secretariat, o.meeting.id, v - 1))).toBeInstanceOf(ConflictError);
    v = (await endFloorTurn(o.secretariat, o.meeting.id, v)).version;
    expect((await queue(o.meeting.id)).current).toBeNull();

    const turns = await db
      .select({ name: speakingTurns.name, status: speakingTurns.status, item: speakingTurns.agendaItemId, startedAt: speakingTurns.startedAt, endedAt: speakingTurns.endedAt })
      .from(speakingTurns)
      .where(eq(speakingTurns.meetingId, o.meeting.id))
      .orderBy(speakingTurns.requestedAt);
    expect(turns.map((t) => [t.name, t.status])).toEqual([
      ["Narasumber", "done"],
      [o.ana.name, "done"],
      [o.budi.name, "skipped"],
      [o.citra.name, "done"],
    ]);
    for (const t of turns.filter((x) => x.status === "done")) {
      expect(t.item).toBe(o.items[0]!.id);
      expect(t.endedAt!.getTime()).toBeGreaterThanOrEqual(t.startedAt!.getTime());
    }
    // Calling a planned speaker ends nothing twice and starts their own turn; the next item ends it.
    await callSpeaker(o.secretariat, o.meeting.id, v, {});
    await startNextItem(o.secretariat, o.meeting.id, v + 1);
    const [open] = await rows<{ n: number }>(sql`select count(*)::int as n from speaking_turns where meeting_id = ${o.meeting.id} and status = 'speaking'`);
    expect(open!.n).toBe(0);
    const kinds = await rows<{ kind: string }>(sql`select kind from live_events where meeting_id = ${o.meeting.id} order by id`);
    expect(kinds.filter((k) => k.kind === "queue")).toHaveLength(8);
    const audits = await db.select({ action: auditLogs.action }).from(auditLogs).where(and(eq(auditLogs.entityId, o.meeting.id), sql`${auditLogs.action} like 'live.floor%'`));
    expect(audits).toHaveLength(7);
  });

  it("a participant withdraws their own waiting request (versioned), not someone else's, and may ask again", async () => {
    const o = await ongoing();
    await Promise.all([checkIn(o.ana, o.code), checkIn(o.budi, o.code)]);
    const a = await requestFloor(o.ana, o.meeting.id, {});
    expect(await refusal(withdrawFloorRequest(o.budi, o.meeting.id, a.id, a.version))).toBeInstanceOf(NotFoundError);
    expect(await refusal(withdrawFloorRequest(o.ana, o.meeting.id, a.id, a.version + 1))).toBeInstanceOf(ConflictError);
    await withdrawFloorRequest(o.ana, o.meeting.id, a.id, a.version);
    expect((await queue(o.meeting.id)).waiting).toEqual([]);
    expect(await message(withdrawFloorRequest(o.ana, o.meeting.id, a.id, a.version + 1))).toBe("live.queue.errors.notWaiting");
    const again = await requestFloor(o.ana, o.meeting.id, {});
    expect((await queue(o.meeting.id)).waiting.map((w) => w.id)).toEqual([again.id]);
  });
});
