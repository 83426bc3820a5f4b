import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { rooms } from "@/db/schema";
import { makeT } from "@/lib/i18n/make-t";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { ConflictsNeedAcknowledgement, findConflicts } from "@/lib/meetings/find-conflicts";
import { messages } from "@/messages";
import { makeDivision, makeUser, uid } from "@/tests/fixtures";
import { nearRoom, similarRooms, suggestRooms } from "./room-match";

const t = makeT(messages.id);

async function office() {
  const { division, unitA } = await makeDivision();
  const secretariat = await makeUser("secretariat", division.id);
  const participant = await makeUser("participant", unitA.id);
  const [aula, r1, r2] = await db
    .insert(rooms)
    .values([
      { officeUnitId: division.id, name: "Aula Kanwil Kemenkumham Jatim", capacity: 200 },
      { officeUnitId: division.id, name: "Ruang Rapat 1" },
      { officeUnitId: division.id, name: "Ruang Rapat 2" },
    ])
    .returning();
  return { division, unitA, secretariat, participant, aula: aula!, r1: r1!, r2: r2! };
}

let n = 0;
const day = () => new Date(Date.UTC(2033, 0, 1) + (Math.floor(Math.random() * 3000) + n++) * 86_400_000).toISOString().slice(0, 10);
const meetingInput = (o: Awaited<ReturnType<typeof office>>, d: string, place: { roomId?: string; location?: string }, hours = ["09:00", "12:00"]) => ({
  title: `Rakor ${uid()}`,
  topic: "Pelayanan publik",
  kind: "rakor",
  startsAt: `${d}T${hours[0]}`,
  endsAt: `${d}T${hours[1]}`,
  timeZone: "Asia/Jakarta",
  location: place.location ?? "",
  roomId: place.roomId ?? "",
  onlineUrl: "",
  organizerUnitId: o.division.id,
  chairUserId: "",
});

describe("rooms the way people type them", () => {
  it("'Aula Kanwil Kemenkumham Jawa Timur' at the hour of a meeting in 'Aula Kanwil Kemenkumham Jatim' is a conflict that suggests the managed room", async () => {
    const o = await office();
    const d = day();
    const { meeting: inRoom } = await createMeeting(o.secretariat, meetingInput(o, d, { roomId: o.aula.id }));
    const error = await createMeeting(o.secretariat, meetingInput(o, d, { location: "Aula Kanwil Kemenkumham Jawa Timur" }, ["10:00", "11:00"])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictsNeedAcknowledgement);
    const [conflict] = (error as ConflictsNeedAcknowledgement).conflicts;
    expect(conflict).toMatchObject({ kind: "room", meetingId: inRoom.id, subject: "Aula Kanwil Kemenkumham Jatim", suggestion: "Aula Kanwil Kemenkumham Jatim" });
    // What the form shows above the list of overlapping meetings.
    expect(t("meetings.rooms.didYouMean", { room: conflict!.suggestion! })).toBe("Maksud Anda Aula Kanwil Kemenkumham Jatim?");
    // Another hour of the same day: no conflict.
    await expect(createMeeting(o.secretariat, meetingInput(o, d, { location: "Aula Kanwil Kemenkumham Jawa Timur" }, ["13:00", "14:00"]))).resolves.toBeTruthy();
  });

  it("a room chosen from the list meets a typed place very like its name, the other way round", async () => {
    const o = await office();
    const d = day();
    const { meeting: typed } = await createMeeting(o.secretariat, meetingInput(o, d, { location: "aula kanwil kemenkumham  jawa timur" }));
    const found = await findConflicts({ startsAt: new Date(`${d}T03:00:00Z`), endsAt: new Date(`${d}T04:00:00Z`), roomId: o.aula.id, location: o.aula.name, organizerUnitId: o.division.id });
    expect(found.map((c) => [c.kind, c.meetingId])).toEqual([["room", typed.id]]);
  });

  it("suggests the office's rooms by similarity while typing, and numbers keep rooms apart", async () => {
    const o = await office();
    const suggested = await similarRooms(o.division.id, "Aula Kanwil Kemenkumham Jawa Timur");
    expect(suggested[0]).toMatchObject({ id: o.aula.id, label: "Aula Kanwil Kemenkumham Jatim", near: true });
    expect((await nearRoom(o.division.id, "aula kanwil kemenkumham jatim"))?.id).toBe(o.aula.id);
    // "Ruang Rapat 3" is suggested rooms 1 and 2 but is neither of them.
    const three = await similarRooms(o.division.id, "Ruang Rapat 3");
    expect(three.map((r) => r.label).sort()).toEqual(["Ruang Rapat 1", "Ruang Rapat 2"]);
    expect(three.every((r) => !r.near)).toBe(true);
    expect(await nearRoom(o.division.id, "Ruang Rapat 3")).toBeNull();
    expect((await nearRoom(o.division.id, "ruang rapat 2"))?.id).toBe(o.r2.id);
    expect(await similarRooms(o.division.id, "Lapangan upacara")).toEqual([]);
  });

  it("compares only with the rooms of the organizer's own office; participants get no suggestions", async () => {
    const o = await office();
    const other = await office();
    const d = day();
    await createMeeting(other.secretariat, meetingInput(other, d, { roomId: other.aula.id }));
    const found = await findConflicts({ startsAt: new Date(`${d}T03:00:00Z`), endsAt: new Date(`${d}T04:00:00Z`), location: "Aula Kanwil Kemenkumham Jawa Timur", organizerUnitId: o.division.id });
    expect(found.filter((c) => c.kind === "room").every((c) => c.meetingId !== other.aula.id)).toBe(true);
    expect(found).toEqual([]);
    expect((await suggestRooms(o.secretariat, { q: "aula kanwil", organizerUnitId: o.division.id })).map((r) => r.id)).toEqual([o.aula.id]);
    await expect(suggestRooms(o.participant, { q: "aula kanwil", organizerUnitId: o.division.id })).rejects.toThrow();
  });
});
