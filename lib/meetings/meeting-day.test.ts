import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { meetings, rooms } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { createRoom, updateRoom } from "@/lib/offices/rooms";
import { makeDivision, makeUnit, makeUser, uid } from "@/tests/fixtures";
import { capacityWarning } from "./capacity";
import { createMeeting } from "./create-meeting";
import { ConflictsNeedAcknowledgement, findConflicts } from "./find-conflicts";
import { inviteUnits } from "./invitations";
import { finalizeMinutes, saveMinutes } from "./minutes";
import { transitionMeeting } from "./transition-meeting";
import { updateMeeting } from "./update-meeting";

async function office() {
  const { division, unitA, unitB } = await makeDivision();
  const [secretariat, admin] = await Promise.all([makeUser("secretariat", division.id), makeUser("admin", division.id)]);
  return { division, unitA, unitB, secretariat, admin };
}
type O = Awaited<ReturnType<typeof office>>;

let n = 0;
/** A day of its own in the future (WIB wall clock). */
function day() {
  return new Date(Date.UTC(2036, 0, 1) + (Math.floor(Math.random() * 3000) + n++) * 86_400_000).toISOString().slice(0, 10);
}

const meetingInput = (o: O, d: string, extra: Record<string, unknown> = {}) => ({
  title: `Rakor ${uid()}`,
  kind: "rakor",
  startsAt: `${d}T09:00`,
  endsAt: `${d}T12:00`,
  timeZone: "Asia/Jakarta",
  location: "",
  organizerUnitId: o.division.id,
  ...extra,
});

/** The error a call throws (or fails the test when it does not). */
async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!e) throw new Error("expected a refusal");
  return e;
}

describe("rooms cannot be double-booked", () => {
  it("'Aula Kanwil' and 'aula  kanwil' at the same hour conflict; another place does not", async () => {
    const o = await office();
    const d = day();
    const place = `Aula Kanwil ${uid()}`;
    const { meeting: first } = await createMeeting(o.secretariat, meetingInput(o, d, { location: place }));
    const variants = [place.toLowerCase(), `  ${place.toUpperCase()}  `, place.replace(" ", "   "), place.replace("Kanwil", " KANWIL")];
    for (const location of variants) {
      const e = await refusal(createMeeting(o.secretariat, meetingInput(o, d, { location, startsAt: `${d}T10:00`, endsAt: `${d}T11:00` })));
      expect(e, location).toBeInstanceOf(ConflictsNeedAcknowledgement);
      const c = (e as ConflictsNeedAcknowledgement).conflicts;
      expect(c).toEqual([expect.objectContaining({ kind: "room", meetingId: first.id, title: first.title, subject: place })]);
    }
    const other = await findConflicts({ startsAt: new Date(`${d}T03:00:00Z`), endsAt: new Date(`${d}T04:00:00Z`), location: `${place} Lama` });
    expect(other.filter((c) => c.kind === "room")).toEqual([]);
    // The next hour is free.
    const later = await findConflicts({ startsAt: new Date(`${d}T05:00:00Z`), endsAt: new Date(`${d}T06:00:00Z`), location: place.toLowerCase() });
    expect(later).toEqual([]);
  });

  it("a room chosen from the office's list conflicts by id, even after it is renamed; its name becomes the place", async () => {
    const o = await office();
    const d = day();
    const room = (await createRoom(o.admin, { officeUnitId: o.division.id, name: `Ruang Rapat Utama ${uid()}`, building: "Gedung A", capacity: "3", active: "on" }))!;
    const { meeting: first } = await createMeeting(o.secretariat, meetingInput(o, d, { roomId: room.id, location: "diabaikan" }));
    expect(first).toMatchObject({ roomId: room.id, location: room.name });
    await updateRoom(o.admin, room.id, room.version, { officeUnitId: o.division.id, name: `Ruang Garuda ${uid()}`, building: "Gedung A", capacity: "3", active: "on" });
    const e = await refusal(createMeeting(o.secretariat, meetingInput(o, d, { roomId: room.id, startsAt: `${d}T11:00`, endsAt: `${d}T13:00` })));
    expect(e).toBeInstanceOf(ConflictsNeedAcknowledgement);
    expect((e as ConflictsNeedAcknowledgement).conflicts).toEqual([expect.objectContaining({ kind: "room", meetingId: first.id })]);
    // Acknowledged, it saves; editing the first meeting now warns about the second.
    const { meeting: second } = await createMeeting(o.secretariat, meetingInput(o, d, { roomId: room.id, startsAt: `${d}T11:00`, endsAt: `${d}T13:00`, acknowledgeConflicts: "on" }));
    const again = await refusal(updateMeeting(o.secretariat, first.id, first.version, { ...meetingInput(o, d, { roomId: room.id }), title: first.title }));
    expect((again as ConflictsNeedAcknowledgement).conflicts.map((c) => c.meetingId)).toEqual([second.id]);
  });

  it("refuses a room of another office or a deactivated one", async () => {
    const o = await office();
    const elsewhere = await makeUnit({ kind: "regional_office" });
    const foreign = (await createRoom(o.admin, { officeUnitId: elsewhere.id, name: `Aula ${uid()}`, active: "on" }))!;
    const e = await refusal(createMeeting(o.secretariat, meetingInput(o, day(), { roomId: foreign.id })));
    expect((e as ValidationError).fieldErrors).toEqual({ roomId: ["offices.errors.unknownRoom"] });
    const closed = (await createRoom(o.admin, { officeUnitId: o.division.id, name: `Ruang Lama ${uid()}`, active: "" }))!;
    expect(closed.active).toBe(false);
    const e2 = await refusal(createMeeting(o.secretariat, meetingInput(o, day(), { roomId: closed.id })));
    expect((e2 as ValidationError).fieldErrors).toEqual({ roomId: ["offices.errors.unknownRoom"] });
    // Only admins manage rooms; names are unique per office whatever their case.
    await expect(createRoom(o.secretariat, { officeUnitId: o.division.id, name: "X", active: "on" })).rejects.toThrow();
    const dup = await refusal(createRoom(o.admin, { officeUnitId: o.division.id, name: closed.name.toUpperCase(), active: "on" }));
    expect((dup as ValidationError).fieldErrors).toEqual({ name: ["offices.errors.roomTaken"] });
    expect(await db.select().from(rooms).where(and(eq(rooms.officeUnitId, o.division.id)))).toHaveLength(1);
  });

  it("warns when the room holds fewer people than are invited", async () => {
    const o = await office();
    const room = (await createRoom(o.admin, { officeUnitId: o.division.id, name: `Ruang Kecil ${uid()}`, capacity: "1", active: "on" }))!;
    const { meeting } = await createMeeting(o.secretariat, meetingInput(o, day(), { roomId: room.id }));
    expect(await capacityWarning(meeting.id)).toBeNull();
    await inviteUnits(o.secretariat, meeting.id, { unitIds: [o.unitA.id, o.unitB.id], acknowledgeConflicts: "on" });
    expect(await capacityWarning(meeting.id)).toEqual({ roomName: room.name, capacity: 1, expected: 2 });
  });
});

describe("a meeting day that cannot go wrong by one click", () => {
  async function scheduled(o: O) {
    const { meeting } = await createMeeting(o.secretariat, meetingInput(o, day(), { location: `Ruang ${uid()}` }));
    return transitionMeeting(o.secretariat, meeting.id, meeting.version, { to: "publish" });
  }
  afterEach(() => {
    delete process.env.MEETING_START_EARLY_MINUTES;
  });

  it("refuses to start a meeting days early; starts from an hour before", async () => {
    const o = await office();
    const m = await scheduled(o);
    const daysEarly = new Date(m.startsAt.getTime() - 41 * 86_400_000);
    const e = await refusal(transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: daysEarly }));
    expect((e as ValidationError).message).toBe("meetings.errors.tooEarlyToStart");
    const e2 = await refusal(transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: new Date(m.startsAt.getTime() - 61 * 60_000) }));
    expect((e2 as ValidationError).message).toBe("meetings.errors.tooEarlyToStart");
    const [still] = await db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(still!.status).toBe("scheduled");
    const started = await transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: new Date(m.startsAt.getTime() - 59 * 60_000) });
    expect(started.status).toBe("ongoing");
  });

  it("the hour is a setting (MEETING_START_EARLY_MINUTES)", async () => {
    const o = await office();
    const m = await scheduled(o);
    process.env.MEETING_START_EARLY_MINUTES = "15";
    await expect(transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: new Date(m.startsAt.getTime() - 30 * 60_000) })).rejects.toBeInstanceOf(ValidationError);
    expect((await transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: new Date(m.startsAt.getTime() - 10 * 60_000) })).status).toBe("ongoing");
  });

  it("completes only after the start; finalizes minutes only for a meeting under way or held", async () => {
    const o = await office();
    const m = await scheduled(o);
    const e = await refusal(transitionMeeting(o.secretariat, m.id, m.version, { to: "complete" }, { now: new Date(m.startsAt.getTime() - 5 * 60_000) }));
    expect((e as ValidationError).message).toBe("meetings.errors.completeBeforeStart");
    const minutes = await saveMinutes(o.secretariat, m.id, 0, { summary: "Disiapkan sebelum rapat." });
    const f = await refusal(finalizeMinutes(o.secretariat, m.id, minutes.version));
    expect((f as ValidationError).message).toBe("meetings.errors.finalizeBeforeStart");
    const started = await transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: m.startsAt });
    const done = await transitionMeeting(o.secretariat, m.id, started.version, { to: "complete" }, { now: new Date(m.endsAt.getTime()) });
    expect(done.status).toBe("completed");
    const final = await finalizeMinutes(o.secretariat, m.id, minutes.version);
    expect(final.finalizedAt).toBeInstanceOf(Date);
  });
});
