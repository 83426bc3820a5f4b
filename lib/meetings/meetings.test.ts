import { describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { runQueuedJobs } from "@/tests/jobs";
import { db } from "@/db/client";
import { agendaItems, attendances, auditLogs, decisions, invitations, meetingReschedules, meetings, outboxEmails, speakers, users } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { makeDivision, makeUnit, makeUser, uid } from "@/tests/fixtures";
import { addAgendaItem, moveAgendaItem, updateAgendaItem } from "./agenda";
import { attendanceRecap, checkIn, recordAttendance } from "./attendance";
import { createMeeting } from "./create-meeting";
import { createSeries, occurrenceLocal, updateSeriesTemplate } from "./create-series";
import { ConflictsNeedAcknowledgement, findConflicts } from "./find-conflicts";
import { getMeeting } from "./get-meeting";
import { inviteUnits, removeInvitation, respondToInvitation } from "./invitations";
import { listMeetings } from "./list-meetings";
import { addDecision, deleteDecision, finalizeMinutes, reopenMinutes, saveMinutes, updateDecision } from "./minutes";
import { addSpeaker, deleteSpeaker, updateSpeaker } from "./speakers";
import { cancelMeeting, rescheduleMeeting, transitionMeeting } from "./transition-meeting";
import { updateMeeting } from "./update-meeting";

/** A division with a secretariat, a head, two participants of two units. Everything random. */
async function office() {
  const { division, unitA, unitB } = await makeDivision();
  const [secretariat, head, participantA, participantB] = await Promise.all([
    makeUser("secretariat", division.id),
    makeUser("head", division.id),
    makeUser("participant", unitA.id),
    makeUser("participant", unitB.id),
  ]);
  return { division, unitA, unitB, secretariat, head, participantA, participantB };
}

let dayCounter = 0;
/** A distinct future day per call, so tests never share a time slot by accident. */
function slot(startHour = 9, endHour = 12) {
  const d = new Date(Date.UTC(2031, 0, 1) + (Math.floor(Math.random() * 3000) + dayCounter++) * 86_400_000).toISOString().slice(0, 10);
  const hh = (h: number) => String(h).padStart(2, "0");
  return { startsAt: `${d}T${hh(startHour)}:00`, endsAt: `${d}T${hh(endHour)}:00`, day: d };
}

const input = (o: Awaited<ReturnType<typeof office>>, extra: Record<string, unknown> = {}) => ({
  title: "Rakor Peningkatan Pelayanan Publik",
  topic: "Pelayanan publik",
  kind: "rakor",
  ...slot(),
  timeZone: "Asia/Jakarta",
  location: `Aula ${uid()}`,
  onlineUrl: "",
  organizerUnitId: o.division.id,
  chairUserId: o.head.id,
  ...extra,
});

async function published(o: Awaited<ReturnType<typeof office>>, extra: Record<string, unknown> = {}) {
  const { meeting } = await createMeeting(o.secretariat, input(o, extra));
  await inviteUnits(o.secretariat, meeting.id, { unitIds: [o.unitA.id] });
  const m = await transitionMeeting(o.secretariat, meeting.id, meeting.version, { to: "publish" });
  return m;
}

describe("scheduling a meeting", () => {
  it("creates a draft with the times in the meeting's zone and an audit row", async () => {
    const o = await office();
    const data = input(o, { timeZone: "Asia/Makassar" });
    const { meeting } = await createMeeting(o.secretariat, data);
    expect(meeting.status).toBe("draft");
    expect(meeting.startsAt.toISOString()).toBe(new Date(`${data.startsAt}:00+08:00`).toISOString());
    const logs = await db.select().from(auditLogs).where(and(eq(auditLogs.entityId, meeting.id), eq(auditLogs.action, "meeting.create")));
    expect(logs).toHaveLength(1);
  });

  it("reports every bad field at once and saves nothing", async () => {
    const o = await office();
    const s = slot();
    const error = await createMeeting(o.secretariat, {
      ...input(o),
      title: "x".repeat(10 * 1024 * 1024),
      topic: "<script>alert(1)</script>",
      startsAt: s.endsAt,
      endsAt: s.startsAt,
      kind: "party",
      onlineUrl: "javascript:alert(1)",
      organizerUnitId: "nope",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const fe = (error as ValidationError).fieldErrors;
    expect(fe.title).toEqual(["meetings.errors.tooLong"]);
    expect(fe.topic).toEqual(["meetings.errors.noHtml"]);
    expect(fe.endsAt).toEqual(["meetings.errors.endBeforeStart"]);
    expect(Object.keys(fe).sort()).toEqual(["endsAt", "kind", "onlineUrl", "organizerUnitId", "title", "topic"]);
    expect(await db.$count(meetings, eq(meetings.createdBy, o.secretariat.id))).toBe(0);
    const empty = await createMeeting(o.secretariat, { ...input(o), title: "   " }).catch((e) => e);
    expect((empty as ValidationError).fieldErrors.title).toEqual(["errors.required"]);
  });

  it("rejects an inactive organizer unit or chair on its field", async () => {
    const o = await office();
    await db.update(users).set({ active: false }).where(eq(users.id, o.head.id));
    const error = await createMeeting(o.secretariat, input(o)).catch((e) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ chairUserId: ["meetings.errors.unknownUser"] });
  });

  it("is refused to heads and participants, and to a secretariat for another division", async () => {
    const o = await office();
    const other = await makeDivision();
    const otherSecretariat = await makeUser("secretariat", other.division.id);
    await expect(createMeeting(o.head, input(o))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createMeeting(o.participantA, input(o))).rejects.toBeInstanceOf(ForbiddenError);
    const error = await createMeeting(otherSecretariat, input(o)).catch((e) => e);
    expect((error as ValidationError).fieldErrors.organizerUnitId).toEqual(["meetings.errors.organizerOutOfScope"]);
  });

  it("refuses the second of two saves from the same version, with the current record", async () => {
    const o = await office();
    const { meeting } = await createMeeting(o.secretariat, input(o));
    const form = input(o, { location: meeting.location, startsAt: undefined, endsAt: undefined });
    const times = { startsAt: "2031-06-01T09:00", endsAt: "2031-06-01T11:00" };
    await updateMeeting(o.secretariat, meeting.id, meeting.version, { ...form, ...times, title: "Judul A", acknowledgeConflicts: true });
    const error = await updateMeeting(o.secretariat, meeting.id, meeting.version, { ...form, ...times, title: "Judul B", acknowledgeConflicts: true }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ id: meeting.id, title: "Judul A", version: meeting.version + 1 });
    const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row!.title).toBe("Judul A");
  });
});

describe("conflicts", () => {
  it("warns for a double-booked room and saves only after acknowledgement", async () => {
    const o = await office();
    const first = await createMeeting(o.secretariat, input(o, { chairUserId: "" }));
    const local = { startsAt: "", endsAt: "" };
    const [d] = first.meeting.startsAt.toISOString().split("T");
    local.startsAt = `${d}T10:00`; // overlaps 09:00–12:00 WIB
    local.endsAt = `${d}T13:00`;
    const second = input(o, { ...local, location: first.meeting.location, chairUserId: "" });
    const error = await createMeeting(o.secretariat, second).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictsNeedAcknowledgement);
    expect((error as ConflictsNeedAcknowledgement).conflicts).toMatchObject([{ kind: "room", meetingId: first.meeting.id, subject: first.meeting.location }]);
    expect((error as ValidationError).fieldErrors.acknowledgeConflicts).toBeDefined();
    const saved = await createMeeting(o.secretariat, { ...second, acknowledgeConflicts: "on" });
    expect(saved.conflicts).toHaveLength(1);
  });

  it("finds the chair, an internal speaker and an invited unit in overlapping meetings, not in adjacent ones", async () => {
    const o = await office();
    const speaker = await makeUser("participant", o.unitB.id);
    const { meeting } = await createMeeting(o.secretariat, input(o));
    await addSpeaker(o.secretariat, meeting.id, { userId: speaker.id, role: "resource_person" });
    await inviteUnits(o.secretariat, meeting.id, { unitIds: [o.unitA.id] });
    const overlapping = { startsAt: new Date(meeting.startsAt.getTime() + 3600_000), endsAt: new Date(meeting.endsAt.getTime() + 3600_000) };
    const found = await findConflicts({ ...overlapping, personIds: [o.head.id, speaker.id], unitIds: [o.unitA.id] });
    expect(found.map((c) => `${c.kind}:${c.meetingId}`).sort()).toEqual([`person:${meeting.id}`, `person:${meeting.id}`, `unit:${meeting.id}`].sort());
    // Back to back is not a conflict: ranges are half-open.
    const adjacent = await findConflicts({ startsAt: meeting.endsAt, endsAt: new Date(meeting.endsAt.getTime() + 3600_000), location: meeting.location, personIds: [o.head.id], unitIds: [o.unitA.id] });
    expect(adjacent).toEqual([]);
    // A cancelled meeting frees the room.
    await cancelMeeting(o.secretariat, meeting.id, (await db.select().from(meetings).where(eq(meetings.id, meeting.id)))[0]!.version, { reason: "Batal" });
    expect(await findConflicts({ ...overlapping, location: meeting.location })).toEqual([]);
  });

  it("asks for acknowledgement when an invited unit already has a meeting then", async () => {
    const o = await office();
    const a = await createMeeting(o.secretariat, input(o));
    await inviteUnits(o.secretariat, a.meeting.id, { unitIds: [o.unitA.id] });
    const local = a.meeting.startsAt.toISOString().slice(0, 10);
    const b = await createMeeting(o.secretariat, input(o, { startsAt: `${local}T11:00`, endsAt: `${local}T14:00`, chairUserId: "" }));
    await expect(inviteUnits(o.secretariat, b.meeting.id, { unitIds: [o.unitA.id] })).rejects.toBeInstanceOf(ConflictsNeedAcknowledgement);
    const done = await inviteUnits(o.secretariat, b.meeting.id, { unitIds: [o.unitA.id], acknowledgeConflicts: true });
    expect(done.invitations).toHaveLength(1);
  });
});

describe("visibility", () => {
  it("hides drafts and uninvited meetings from participants as not found, in the list too", async () => {
    const o = await office();
    const { meeting } = await createMeeting(o.secretariat, input(o));
    await inviteUnits(o.secretariat, meeting.id, { unitIds: [o.unitA.id] });
    await expect(getMeeting(o.participantA, meeting.id)).rejects.toBeInstanceOf(NotFoundError);
    await transitionMeeting(o.secretariat, meeting.id, meeting.version, { to: "publish" });
    const seen = await getMeeting(o.participantA, meeting.id);
    expect(seen.permissions).toMatchObject({ manage: false, respond: true });
    expect(seen.checkInCode).toBeNull();
    await expect(getMeeting(o.participantB, meeting.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(respondToInvitation(o.participantB, meeting.id, 1, { response: "declined", reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    const q = meeting.location;
    expect((await listMeetings(o.participantA, { q: meeting.title })).items.map((i) => i.id)).toContain(meeting.id);
    expect((await listMeetings(o.participantB, { q: meeting.title })).items.map((i) => i.id)).not.toContain(meeting.id);
    expect((await listMeetings(o.head, { organizerUnitId: o.division.id })).items.map((i) => i.id)).toContain(meeting.id);
    expect(q).toBeTruthy();
  });

  it("filters by date, status, organizer, invited unit and text, paginates with a cap", async () => {
    const o = await office();
    const tag = uid();
    const s = slot();
    for (let i = 0; i < 3; i++) await createMeeting(o.secretariat, input(o, { title: `Rakor ${tag} ${i}`, startsAt: `${s.day}T0${i + 1}:00`, endsAt: `${s.day}T0${i + 2}:00`, chairUserId: "" }));
    const page1 = await listMeetings(o.secretariat, { q: tag, pageSize: 2, from: s.day, to: s.day, status: "draft", organizerUnitId: o.division.id });
    expect(page1.total).toBe(3);
    expect(page1.items.map((i) => i.title)).toEqual([`Rakor ${tag} 2`, `Rakor ${tag} 1`]);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await listMeetings(o.secretariat, { q: tag, pageSize: 2, from: s.day, to: s.day, status: "draft", organizerUnitId: o.division.id, cursor: page1.nextCursor });
    expect(page2.items.map((i) => i.title)).toEqual([`Rakor ${tag} 0`]);
    expect(page2.nextCursor).toBeNull();
    await expect(listMeetings(o.secretariat, { q: tag, pageSize: 2, cursor: page1.nextCursor })).rejects.toMatchObject({ status: 400 });
    expect((await listMeetings(o.secretariat, { q: tag, invitedUnitId: o.unitA.id })).total).toBe(0);
    expect((await listMeetings(o.secretariat, { q: tag, pageSize: 10_000 })).pageSize).toBe(20);
  });
});

describe("lifecycle", () => {
  it("reschedules a published meeting: history kept, sequence bumped, answers kept but to be reconfirmed", async () => {
    const o = await office();
    const m = await published(o);
    const [inv] = await db.select().from(invitations).where(eq(invitations.meetingId, m.id));
    await respondToInvitation(o.participantA, m.id, inv!.version, { response: "represented", representedBy: "Kasi Lantaskim" });
    const day = m.startsAt.toISOString().slice(0, 10);
    await rescheduleMeeting(o.secretariat, m.id, m.version, { startsAt: `${day}T13:00`, endsAt: `${day}T15:00`, reason: "Bentrok dengan kunjungan kerja" });
    const [after] = await db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(after!.sequence).toBe(m.sequence + 1);
    const history = await db.select().from(meetingReschedules).where(eq(meetingReschedules.meetingId, m.id));
    expect(history).toMatchObject([{ previousStartsAt: m.startsAt, reason: "Bentrok dengan kunjungan kerja" }]);
    // The unit's answer and representative survive the move, marked for reconfirmation with the old time.
    const [again] = await db.select().from(invitations).where(eq(invitations.meetingId, m.id));
    expect(again).toMatchObject({ response: "represented", representedBy: "Kasi Lantaskim", reconfirmStartsAt: m.startsAt, reconfirmEndsAt: m.endsAt });
    // A second move before the unit confirmed keeps the time the answer was given for.
    await rescheduleMeeting(o.secretariat, m.id, after!.version, { startsAt: `${day}T14:00`, endsAt: `${day}T16:00`, reason: "Menyesuaikan pimpinan" });
    const [twice] = await db.select().from(invitations).where(eq(invitations.meetingId, m.id));
    expect(twice!.reconfirmStartsAt).toEqual(m.startsAt);
    // Confirming in one step (the same answer) clears the mark; the answer stays.
    const confirmed = await respondToInvitation(o.participantA, m.id, twice!.version, { response: "represented", representedBy: "Kasi Lantaskim" });
    expect(confirmed).toMatchObject({ response: "represented", representedBy: "Kasi Lantaskim", reconfirmStartsAt: null, reconfirmEndsAt: null });
    // A unit that had not answered is not asked to reconfirm.
    const others = await db.select().from(invitations).where(eq(invitations.meetingId, m.id));
    expect(others.filter((i) => i.response === "pending").every((i) => i.reconfirmStartsAt === null)).toBe(true);
  });

  it("moves through the states in order and needs a reason to cancel", async () => {
    const o = await office();
    const { meeting } = await createMeeting(o.secretariat, input(o));
    await expect(transitionMeeting(o.secretariat, meeting.id, meeting.version, { to: "complete" })).rejects.toBeInstanceOf(ValidationError);
    const err = await cancelMeeting(o.secretariat, meeting.id, meeting.version, { reason: "" }).catch((e) => e);
    expect((err as ValidationError).fieldErrors.reason).toEqual(["errors.required"]);
    await expect(transitionMeeting(o.head, meeting.id, meeting.version, { to: "publish" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("series", () => {
  it("computes monthly dates clamped to the month's last day", () => {
    expect(occurrenceLocal("2031-01-31T09:00", "monthly", 1)).toBe("2031-02-28T09:00");
    expect(occurrenceLocal("2031-01-31T09:00", "quarterly", 1)).toBe("2031-04-30T09:00");
    expect(occurrenceLocal("2031-12-29T09:00", "weekly", 1)).toBe("2032-01-05T09:00");
  });

  it("copies agenda, speakers and invitations into each occurrence; the template changes future ones only", async () => {
    const o = await office();
    const { meeting } = await createMeeting(o.secretariat, input(o));
    const { speaker } = await addSpeaker(o.secretariat, meeting.id, { name: "Agus Widiyarta", organization: "Ombudsman RI", role: "resource_person" });
    await addAgendaItem(o.secretariat, meeting.id, { title: "Paparan", durationMinutes: 60, presenterSpeakerId: speaker.id });
    await inviteUnits(o.secretariat, meeting.id, { unitIds: [o.unitA.id] });
    const [tpl] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    const result = await createSeries(o.secretariat, meeting.id, tpl!.version, { rule: "monthly", count: 3 });
    expect(result.occurrenceIds).toHaveLength(2);
    const occ = await db.select().from(meetings).where(eq(meetings.seriesId, result.series.id)).orderBy(meetings.seriesIndex);
    expect(occ.map((m) => m.seriesIndex)).toEqual([1, 2, 3]);
    const second = occ[1]!;
    expect(second.startsAt.getTime() - meeting.startsAt.getTime()).toBeGreaterThan(27 * 86_400_000);
    const [copiedItem] = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, second.id));
    const [copiedSpeaker] = await db.select().from(speakers).where(eq(speakers.meetingId, second.id));
    expect(copiedItem!.presenterSpeakerId).toBe(copiedSpeaker!.id);
    expect(await db.$count(invitations, eq(invitations.meetingId, second.id))).toBe(1);

    // Occurrence 3 gets its own location; then the template's title and location change.
    const third = occ[2]!;
    const thirdForm = { ...input(o), title: third.title, location: "Ruang Rapat Lt. 2", startsAt: third.startsAt.toISOString().slice(0, 10) + "T09:00", endsAt: third.startsAt.toISOString().slice(0, 10) + "T12:00", acknowledgeConflicts: true };
    await updateMeeting(o.secretariat, third.id, third.version, thirdForm);
    const [tpl2] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    const res = await updateSeriesTemplate(o.secretariat, result.series.id, tpl2!.version, {
      title: "Rakor Bulanan",
      kind: "rakor",
      location: "Aula Baru",
      chairUserId: o.head.id,
    });
    expect(res.updatedOccurrenceIds.sort()).toEqual([second.id, third.id].sort());
    const after = await db.select().from(meetings).where(eq(meetings.seriesId, result.series.id)).orderBy(meetings.seriesIndex);
    expect(after.map((m) => m.title)).toEqual(["Rakor Bulanan", "Rakor Bulanan", "Rakor Bulanan"]);
    expect(after.map((m) => m.location)).toEqual(["Aula Baru", "Aula Baru", "Ruang Rapat Lt. 2"]);
  });

  it("leaves past occurrences alone", async () => {
    const o = await office();
    const { meeting } = await createMeeting(o.secretariat, input(o, { startsAt: "2020-01-06T09:00", endsAt: "2020-01-06T10:00" }));
    const { series } = await createSeries(o.secretariat, meeting.id, meeting.version, { rule: "weekly", untilDate: "2020-01-20" });
    const [tpl] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    const res = await updateSeriesTemplate(o.secretariat, series.id, tpl!.version, { title: "Baru", kind: "rakor", location: "X", chairUserId: "" });
    expect(res.updatedOccurrenceIds).toEqual([]);
    expect(await db.$count(meetings, eq(meetings.seriesId, series.id))).toBe(3);
  });
});

describe("agenda", () => {
  it("keeps order 1..n, moves items and refuses a stale edit", async () => {
    const o = await office();
    const { meeting } = await createMeeting(o.secretariat, input(o));
    const a = await addAgendaItem(o.secretariat, meeting.id, { title: "Pembukaan", durationMinutes: "10" });
    const b = await addAgendaItem(o.secretariat, meeting.id, { title: "Paparan", durationMinutes: 60 });
    expect([a.position, b.position]).toEqual([1, 2]);
    await moveAgendaItem(o.secretariat, b.id, { direction: "up" });
    const detail = await getMeeting(o.secretariat, meeting.id);
    expect(detail.agenda.items.map((i) => i.title)).toEqual(["Paparan", "Pembukaan"]);
    expect(detail.agenda.items[1]!.startsAt.getTime() - meeting.startsAt.getTime()).toBe(60 * 60_000);
    expect(detail.agenda.overLength).toBe(false);
    const bad = await addAgendaItem(o.secretariat, meeting.id, { title: "", durationMinutes: 0 }).catch((e) => e);
    expect((bad as ValidationError).fieldErrors).toEqual({ title: ["errors.required"], durationMinutes: ["meetings.errors.durationRange"] });
    await addAgendaItem(o.secretariat, meeting.id, { title: "Diskusi", durationMinutes: 1440 });
    expect((await getMeeting(o.secretariat, meeting.id)).agenda.overLength).toBe(true);
    await updateAgendaItem(o.secretariat, a.id, a.version, { title: "Pembukaan oleh MC", durationMinutes: 10 });
    await expect(updateAgendaItem(o.secretariat, a.id, a.version, { title: "Pembukaan", durationMinutes: 15 })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("attendance", () => {
  it("lets an invited participant check in only in the window, once", async () => {
    const o = await office();
    const m = await published(o);
    const [row] = await db.select({ code: meetings.checkInCode }).from(meetings).where(eq(meetings.id, m.id));
    const code = row!.code;
    const early = new Date(m.startsAt.getTime() - 2 * 3600_000);
    const err = await checkIn(o.participantA, code, { now: early }).catch((e) => e);
    expect((err as ValidationError).message).toBe("meetings.checkIn.outsideWindow");
    const during = new Date(m.startsAt.getTime() + 600_000);
    expect((await checkIn(o.participantA, code, { now: during })).alreadyCheckedIn).toBe(false);
    expect((await checkIn(o.participantA, code, { now: during })).alreadyCheckedIn).toBe(true);
    expect(await db.$count(attendances, and(eq(attendances.meetingId, m.id), eq(attendances.userId, o.participantA.id)))).toBe(1);
    await expect(checkIn(o.participantB, code, { now: during })).rejects.toBeInstanceOf(NotFoundError);
    const late = new Date(m.endsAt.getTime() + 60_000);
    const other = await makeUser("participant", o.unitA.id);
    await expect(checkIn(other, code, { now: late })).rejects.toBeInstanceOf(ValidationError);
    await expect(checkIn(o.participantA, "0".repeat(32))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("recaps per unit: invited, answered, present, by status, units that sent nobody", async () => {
    const o = await office();
    const unitC = await makeUnit({ parentId: o.division.id });
    const { meeting } = await createMeeting(o.secretariat, input(o));
    await inviteUnits(o.secretariat, meeting.id, { unitIds: [o.unitA.id, o.unitB.id, unitC.id] });
    const m = await transitionMeeting(o.secretariat, meeting.id, meeting.version, { to: "publish" });
    const [invA] = await db.select().from(invitations).where(and(eq(invitations.meetingId, m.id), eq(invitations.workUnitId, o.unitA.id)));
    await respondToInvitation(o.participantA, m.id, invA!.version, { response: "attending", delegates: [{ name: "Rudi Hartono", position: "Kasi" }] });
    const [invB] = await db.select().from(invitations).where(and(eq(invitations.meetingId, m.id), eq(invitations.workUnitId, o.unitB.id)));
    await respondToInvitation(o.participantB, m.id, invB!.version, { response: "declined", reason: "Dinas luar kota" });
    const a2 = await makeUser("participant", o.unitA.id);
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "present" });
    await recordAttendance(o.secretariat, m.id, { userId: a2.id, status: "represented", representedBy: "Staf TU" });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantB.id, status: "official_duty" });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantB.id, status: "sick" }); // re-recording updates
    await recordAttendance(o.secretariat, m.id, { guestName: "Agus Widiyarta", guestOrganization: "Ombudsman RI", status: "present" });
    const bad = await recordAttendance(o.secretariat, m.id, { status: "represented" }).catch((e) => e);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(["guestName", "representedBy"]);

    const recap = await attendanceRecap(m.id);
    expect(recap).toMatchObject({ invitedUnits: 3, answeredUnits: 2, unitsPresent: 1, people: 4 });
    expect(recap.byStatus).toMatchObject({ present: 2, represented: 1, sick: 1, official_duty: 0 });
    expect(recap.unitsWithNobody.map((u) => u.unitId).sort()).toEqual([o.unitB.id, unitC.id].sort());
    const a = recap.units.find((u) => u.unitId === o.unitA.id)!;
    expect(a).toMatchObject({ response: "attending", sent: 2 });
    expect(recap.units.find((u) => u.unitId === null)).toMatchObject({ invited: false, sent: 1 });
  });
});

describe("minutes", () => {
  it("numbers decisions, locks on finalize, reopens for the secretariat with an audit row", async () => {
    const o = await office();
    const m = await published(o);
    await saveMinutes(o.secretariat, m.id, 0, { summary: "Kepala Divisi membuka rapat." });
    const stale = await saveMinutes(o.secretariat, m.id, 0, { summary: "Ditimpa?" }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    const d1 = await addDecision(o.secretariat, m.id, { text: "Setiap kanim memublikasikan standar pelayanan." });
    const d2 = await addDecision(o.secretariat, m.id, { text: "Sarana pengaduan tersedia." });
    await addDecision(o.secretariat, m.id, { text: "Pelayanan khusus tersedia." });
    expect([d1.number, d2.number]).toEqual([1, 2]);
    await updateDecision(o.secretariat, d2.id, d2.version, { text: "Sarana pengaduan tersedia di setiap kanim." });
    const detail = await getMeeting(o.secretariat, m.id);
    // Not before the meeting has started.
    await expect(finalizeMinutes(o.secretariat, m.id, detail.minutes!.version)).rejects.toBeInstanceOf(ValidationError);
    await transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: m.startsAt });
    await finalizeMinutes(o.secretariat, m.id, detail.minutes!.version);
    await expect(addDecision(o.secretariat, m.id, { text: "Keputusan keempat" })).rejects.toBeInstanceOf(ValidationError);
    const fin = (await getMeeting(o.secretariat, m.id)).minutes!;
    await expect(saveMinutes(o.secretariat, m.id, fin.version, { summary: "x" })).rejects.toBeInstanceOf(ValidationError);
    await expect(reopenMinutes(o.head, m.id, fin.version, { reason: "Salah ketik" })).rejects.toBeInstanceOf(ForbiddenError);
    await reopenMinutes(o.secretariat, m.id, fin.version, { reason: "Salah ketik" });
    const logs = await db.select().from(auditLogs).where(and(eq(auditLogs.entityId, m.id), eq(auditLogs.action, "minutes.reopen")));
    expect(logs[0]!.diff).toMatchObject({ reason: "Salah ketik" });
    await addDecision(o.secretariat, m.id, { text: "Keputusan keempat" });
  });
});

describe("speakers, invitations and corrections", () => {
  it("keeps an internal speaker without guest fields, refuses a stale edit and unpresents agenda items of a removed speaker", async () => {
    const o = await office();
    const { meeting } = await createMeeting(o.secretariat, input(o));
    const { speaker } = await addSpeaker(o.secretariat, meeting.id, { userId: o.head.id, name: "ignored", role: "opening_remarks", onBehalfOf: "Kepala Kantor Wilayah" });
    expect(speaker).toMatchObject({ userId: o.head.id, name: null, onBehalfOf: "Kepala Kantor Wilayah", sortOrder: 1 });
    const bad = await addSpeaker(o.secretariat, meeting.id, { role: "keynote" }).catch((e) => e);
    expect((bad as ValidationError).fieldErrors).toEqual({ name: ["meetings.errors.speakerWho"] });
    const item = await addAgendaItem(o.secretariat, meeting.id, { title: "Sambutan", durationMinutes: 15, presenterSpeakerId: speaker.id });
    await updateSpeaker(o.secretariat, speaker.id, speaker.version, { userId: o.head.id, role: "opening_remarks", topic: "Arahan" });
    await expect(updateSpeaker(o.secretariat, speaker.id, speaker.version, { userId: o.head.id, role: "keynote" })).rejects.toBeInstanceOf(ConflictError);
    await deleteSpeaker(o.secretariat, speaker.id, speaker.version + 1);
    const [after] = await db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
    expect(after!.presenterSpeakerId).toBeNull();
    // A presenter must be a speaker of the same meeting.
    const other = await createMeeting(o.secretariat, input(o, { chairUserId: "" }));
    const { speaker: foreign } = await addSpeaker(o.secretariat, other.meeting.id, { name: "Tamu", role: "moderator" });
    const err = await addAgendaItem(o.secretariat, meeting.id, { title: "X", durationMinutes: 5, presenterSpeakerId: foreign.id }).catch((e) => e);
    expect((err as ValidationError).fieldErrors).toEqual({ presenterSpeakerId: ["meetings.errors.unknownSpeaker"] });
  });

  it("invites a unit with its sub-units, reports an unknown unit on its own field, withdraws an invitation", async () => {
    const o = await office();
    const child = await makeUnit({ parentId: o.unitA.id });
    const { meeting } = await createMeeting(o.secretariat, input(o));
    const error = await inviteUnits(o.secretariat, meeting.id, { unitIds: [o.unitA.id, "00000000-0000-4000-8000-000000000000"] }).catch((e) => e);
    expect((error as ValidationError).fieldErrors["unitIds.1"]).toEqual(["errors.unknownUnit"]);
    const { invitations: created } = await inviteUnits(o.secretariat, meeting.id, { unitIds: [o.unitA.id], includeSubUnits: "on" });
    expect(created.map((i) => i.workUnitId).sort()).toEqual([o.unitA.id, child.id].sort());
    // Inviting again is idempotent.
    expect((await inviteUnits(o.secretariat, meeting.id, { unitIds: [o.unitA.id], includeSubUnits: true })).invitations).toEqual([]);
    await expect(removeInvitation(o.participantA, created[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await removeInvitation(o.secretariat, created[0]!.id);
    expect(await db.$count(invitations, eq(invitations.meetingId, meeting.id))).toBe(1);
  });

  it("renumbers decisions after a removal and corrects an attendance record with a version check", async () => {
    const o = await office();
    const m = await published(o);
    const d1 = await addDecision(o.secretariat, m.id, { text: "Satu" });
    await addDecision(o.secretariat, m.id, { text: "Dua" });
    await addDecision(o.secretariat, m.id, { text: "Tiga" });
    await deleteDecision(o.secretariat, d1.id, d1.version);
    const list = await db.select().from(decisions).where(eq(decisions.meetingId, m.id)).orderBy(decisions.number);
    expect(list.map((d) => [d.number, d.text])).toEqual([[1, "Dua"], [2, "Tiga"]]);

    const row = await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "absent" });
    // Recording the same person again corrects the record (the one path the screens and the API have).
    const corrected = await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "represented", representedBy: "Kasubsi" });
    expect(corrected.id).toBe(row.id);
    expect(corrected.version).toBe(row.version + 1);
    const [now] = await db.select().from(attendances).where(eq(attendances.id, row.id));
    expect(now).toMatchObject({ status: "represented", representedBy: "Kasubsi" });
  });
});


describe("telling invited units", () => {
  it("emails the invited unit's members on publish, reschedule and cancel — once each", async () => {
    const o = await office();
    const m = await published(o);
    await runQueuedJobs("notices");
    const mails = () => db.select().from(outboxEmails).where(like(outboxEmails.dedupeKey, `meeting:${m.id}:%`));
    let sent = await mails();
    expect(sent.map((e) => e.toAddress)).toEqual([o.participantA.email]);
    expect(sent[0]!.attachments[0]!.filename).toMatch(/\.ics$/);

    const later = slot(13, 15);
    const { meeting } = await rescheduleMeeting(o.secretariat, m.id, m.version, { startsAt: later.startsAt, endsAt: later.endsAt, reason: "Bentrok dengan kunjungan kerja" });
    await cancelMeeting(o.secretariat, m.id, meeting.version, { reason: "Ditunda" });
    await runQueuedJobs("notices");
    sent = await mails();
    expect(sent.map((e) => e.dedupeKey!.split(":")[2]).sort()).toEqual(["cancelled", "published", "rescheduled"]);
  });
});
