import { afterAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { agendaItems, auditLogs, invitations, meetings, speakers } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { checkIn, recordAttendance } from "@/lib/meetings/attendance";
import { makeDivision, makeUser, uid } from "@/tests/fixtures";
import { subscribe, type LiveClient } from "./hub";
import { saveItemNote } from "./note";
import { callSpeaker, setCheckInOpen, startNextItem } from "./run";
import { issueScreenLink, revokeScreenLink, screenTokenValid } from "./screen-links";
import { liveState } from "./state";
import type { LiveMessage } from "./types";

/** An ongoing meeting (started ten minutes ago) with three agenda items, two speakers and one invited unit. */
async function ongoing() {
  const { division, unitA, unitB } = await makeDivision();
  const [secretariat, head, participant, outsider] = await Promise.all([
    makeUser("secretariat", division.id),
    makeUser("head", division.id),
    makeUser("participant", unitA.id),
    makeUser("participant", unitB.id),
  ]);
  const now = Date.now();
  const [m] = await db
    .insert(meetings)
    .values({ title: `Rakor live ${uid()}`, startsAt: new Date(now - 10 * 60_000), endsAt: new Date(now + 3 * 3600_000), timeZone: "Asia/Jakarta", organizerUnitId: division.id, status: "ongoing" })
    .returning();
  const [opening, keynote] = await db
    .insert(speakers)
    .values([
      { meetingId: m!.id, role: "opening_remarks", name: "Kepala Divisi", onBehalfOf: "Kepala Kantor Wilayah", sortOrder: 1 },
      { meetingId: m!.id, role: "resource_person", name: "Kepala Perwakilan Ombudsman", sortOrder: 2 },
      { meetingId: m!.id, role: "minute_taker", name: "Notulis", sortOrder: 3 },
    ])
    .returning();
  await db.insert(agendaItems).values([
    { meetingId: m!.id, position: 1, title: "Pembukaan", durationMinutes: 15, presenterSpeakerId: opening!.id },
    { meetingId: m!.id, position: 2, title: "Paparan", durationMinutes: 45 },
    { meetingId: m!.id, position: 3, title: "Penutup", durationMinutes: 10 },
  ]);
  await db.insert(invitations).values({ meetingId: m!.id, workUnitId: unitA.id });
  const [code] = await db.select({ code: meetings.checkInCode }).from(meetings).where(eq(meetings.id, m!.id));
  return { meeting: m!, code: code!.code, secretariat, head, participant, outsider, opening: opening!, keynote: keynote!, unitA };
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!e) throw new Error("expected a refusal");
  return e;
}

const events = (meetingId: string) => rows<{ id: string; kind: string }>(sql`select id, kind from live_events where meeting_id = ${meetingId} order by id`);

const unsubscribers: (() => void)[] = [];
afterAll(() => unsubscribers.forEach((u) => u()));

describe("the live console", () => {
  it("starts items in order, stores actual times, calls the item's presenter, and writes events and audit", async () => {
    const o = await ongoing();
    const first = await startNextItem(o.secretariat, o.meeting.id, 1);
    expect(first.version).toBe(2);
    let state = (await liveState(o.meeting.id))!;
    expect(state.items[0]!.actualStartedAt).not.toBeNull();
    expect(state.currentItemId).toBe(state.items[0]!.id);
    expect(state.speaker?.name).toBe("Kepala Divisi");
    expect(state.speaker?.onBehalfOf).toBe("Kepala Kantor Wilayah");

    await startNextItem(o.secretariat, o.meeting.id, 2);
    state = (await liveState(o.meeting.id))!;
    expect(state.items[0]!.actualEndedAt).not.toBeNull();
    expect(state.currentItemId).toBe(state.items[1]!.id);
    expect(state.speaker).toBeNull();

    const called = await callSpeaker(o.secretariat, o.meeting.id, 3, {});
    state = (await liveState(o.meeting.id))!;
    expect(state.speaker?.name).toBe("Kepala Divisi");
    await callSpeaker(o.secretariat, o.meeting.id, called.version, {});
    state = (await liveState(o.meeting.id))!;
    expect(state.speaker?.name).toBe("Kepala Perwakilan Ombudsman");
    // The minute-taker is never called.
    const e = await refusal(callSpeaker(o.secretariat, o.meeting.id, state.version, {}));
    expect((e as ValidationError).message).toBe("live.errors.noMoreSpeakers");

    const kinds = (await events(o.meeting.id)).map((x) => x.kind);
    expect(kinds).toEqual(["item", "item", "speaker", "speaker"]);
    const audits = await db.select({ action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.entityId, o.meeting.id));
    expect(audits.map((a) => a.action).filter((a) => a.startsWith("live."))).toHaveLength(4);
  });

  it("refuses a stale version with the current state, and nothing is written", async () => {
    const o = await ongoing();
    await startNextItem(o.secretariat, o.meeting.id, 1);
    const e = await refusal(startNextItem(o.secretariat, o.meeting.id, 1));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).current).toMatchObject({ version: 2 });
    expect(await events(o.meeting.id)).toHaveLength(1);
  });

  it("lets only the organizing secretariat run it, only while ongoing", async () => {
    const o = await ongoing();
    expect(await refusal(startNextItem(o.participant, o.meeting.id, 1))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(startNextItem(o.head, o.meeting.id, 1))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(startNextItem(o.outsider, o.meeting.id, 1))).toBeInstanceOf(NotFoundError);
    await db.update(meetings).set({ status: "completed" }).where(eq(meetings.id, o.meeting.id));
    const e = await refusal(callSpeaker(o.secretariat, o.meeting.id, 1, {}));
    expect((e as ValidationError).message).toBe("live.errors.notOngoing");
  });

  it("saves an item note (versioned) and closes self check-in from the console", async () => {
    const o = await ongoing();
    const [item] = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, o.meeting.id)).orderBy(agendaItems.position);
    const saved = await saveItemNote(o.secretariat, o.meeting.id, item!.id, item!.version, { note: "Dibuka pukul 09.00." });
    expect(saved.liveNote).toBe("Dibuka pukul 09.00.");
    expect(await refusal(saveItemNote(o.secretariat, o.meeting.id, item!.id, item!.version, { note: "x" }))).toBeInstanceOf(ConflictError);
    expect(await refusal(saveItemNote(o.participant, o.meeting.id, item!.id, saved.version, { note: "x" }))).toBeInstanceOf(ForbiddenError);

    await setCheckInOpen(o.secretariat, o.meeting.id, 1, { open: false });
    expect((await liveState(o.meeting.id))!.checkInOpen).toBe(false);
    const e = await refusal(checkIn(o.participant, o.code));
    expect((e as ValidationError).message).toBe("meetings.checkIn.outsideWindow");
    await setCheckInOpen(o.secretariat, o.meeting.id, 2, { open: true });
    await checkIn(o.participant, o.code);
    const state = (await liveState(o.meeting.id))!;
    expect(state.units.find((u) => u.unitId === o.unitA.id)?.present).toBe(1);
    expect(state.totals).toMatchObject({ invitedUnits: 1, unitsPresent: 1, present: 1 });
    expect((await events(o.meeting.id)).map((x) => x.kind)).toEqual(["note", "check_in_toggle", "check_in_toggle", "check_in"]);
  });

  it("screen links open the screen until revoked", async () => {
    const o = await ongoing();
    const link = await issueScreenLink(o.secretariat, o.meeting.id);
    expect(await screenTokenValid(o.meeting.id, link.token)).toBe(true);
    expect(await screenTokenValid(o.meeting.id, `${link.token}x`)).toBe(false);
    expect(await refusal(issueScreenLink(o.participant, o.meeting.id))).toBeInstanceOf(ForbiddenError);
    await revokeScreenLink(o.secretariat, o.meeting.id, link.id);
    expect(await screenTokenValid(o.meeting.id, link.token)).toBe(false);
  });

  it("delivers every change to subscribed clients through NOTIFY, and a late client resumes from its last id", async () => {
    const o = await ongoing();
    const got: { id: number; message: LiveMessage }[] = [];
    const parse = (chunk: string) => {
      const id = /^id: (\d+)$/m.exec(chunk)?.[1];
      const data = /^data: (.*)$/m.exec(chunk)?.[1];
      if (id && data) got.push({ id: Number(id), message: JSON.parse(data) as LiveMessage });
      return true;
    };
    const client: LiveClient = { meetingId: o.meeting.id, audience: "public", cursor: 0, ready: false, write: parse, close: () => {} };
    unsubscribers.push(await subscribe(client));
    await startNextItem(o.secretariat, o.meeting.id, 1);
    await recordAttendance(o.secretariat, o.meeting.id, { userId: o.participant.id, status: "present" });
    await expect.poll(() => got.length, { timeout: 2000 }).toBe(2);
    expect(got.map((g) => g.message.kind)).toEqual(["item", "attendance"]);
    expect(got[1]!.message.state.totals.present).toBe(1);
    // The public audience never sees names of who checked in.
    expect(got[1]!.message.staff).toBeUndefined();

    const late: { id: number }[] = [];
    const lateClient: LiveClient = {
      meetingId: o.meeting.id,
      audience: "staff",
      cursor: got[0]!.id,
      ready: false,
      write: (chunk) => {
        const id = /^id: (\d+)$/m.exec(chunk)?.[1];
        if (id) late.push({ id: Number(id) });
        return true;
      },
      close: () => {},
    };
    unsubscribers.push(await subscribe(lateClient));
    expect(late.map((l) => l.id)).toEqual([got[1]!.id]);
  });
});
