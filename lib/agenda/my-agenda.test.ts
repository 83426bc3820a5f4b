import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems, attendances } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { inviteUnits } from "@/lib/meetings/invitations";
import { instantToZonedLocal } from "@/lib/time";
import { makeUser, uid } from "@/tests/fixtures";
import { checkInFromAgenda } from "./check-in";
import { getMyAgenda } from "./my-agenda";
import { futureSlot, office, publishedMeeting, someCategory } from "@/tests/office";

describe("my agenda", () => {
  it("shows today's meeting first, then upcoming ones of my unit; not others' or drafts", async () => {
    const o = await office();
    const base = futureSlot();
    // "now" is 30 minutes into today's meeting.
    const now = new Date(base.start.getTime() + 30 * 60_000);
    const today = await publishedMeeting(o, { units: [o.unitA.id], start: base.start });
    const later = await publishedMeeting(o, { units: [o.unitA.id], start: new Date(base.start.getTime() + 3 * 86_400_000) });
    const notMine = await publishedMeeting(o, { units: [o.unitB.id], start: new Date(base.start.getTime() + 86_400_000) });
    const { meeting: draft } = await createMeeting(o.secretariat, {
      title: `Draf ${uid()}`,
      kind: "rakor",
      startsAt: instantToZonedLocal(new Date(base.start.getTime() + 2 * 86_400_000), "Asia/Jakarta"),
      endsAt: instantToZonedLocal(new Date(base.start.getTime() + 2 * 86_400_000 + 3_600_000), "Asia/Jakarta"),
      timeZone: "Asia/Jakarta",
      location: `Ruang ${uid()}`,
      organizerUnitId: o.division.id,
      acknowledgeConflicts: "on",
    });
    await inviteUnits(o.secretariat, draft.id, { unitIds: [o.unitA.id] });

    const agenda = await getMyAgenda(o.participantA, now);
    expect(agenda.today.map((m) => m.id)).toEqual([today.id]);
    const upcomingIds = agenda.upcoming.map((m) => m.id);
    expect(upcomingIds).toContain(later.id);
    expect(upcomingIds).not.toContain(notMine.id);
    expect(upcomingIds).not.toContain(draft.id);
    const t = agenda.today[0]!;
    expect(t.agenda.map((a) => a.title)).toEqual(["Pembukaan", "Paparan data pengaduan", "Diskusi dan penutup"]);
    expect(t.agenda[1]!.startsAt.getTime()).toBe(base.start.getTime() + 30 * 60_000);
    expect(t.speakers.map((s) => s.role)).toEqual(["opening_remarks", "resource_person"]);
    expect(t.myResponse).toBe("pending");
    expect(t.canCheckIn).toBe(true);
    expect(agenda.upcoming.find((m) => m.id === later.id)!.canCheckIn).toBe(false);
  });

  it("shows a meeting organised by my unit only when the policy lets me see it (a participant must be invited)", async () => {
    const o = await office();
    const base = futureSlot();
    const m = await publishedMeeting(o, { units: [o.unitA.id], start: new Date(base.start.getTime() + 86_400_000) });
    const organiserParticipant = await makeUser("participant", o.division.id);
    expect((await getMyAgenda(organiserParticipant, base.start)).upcoming.map((x) => x.id)).not.toContain(m.id);
    expect((await getMyAgenda(o.secretariat, base.start)).upcoming.map((x) => x.id)).toContain(m.id);
    await inviteUnits(o.secretariat, m.id, { unitIds: [o.division.id] });
    expect((await getMyAgenda(organiserParticipant, base.start)).upcoming.map((x) => x.id)).toContain(m.id);
  });

  it("checks in from the agenda once (idempotent), only in the window, only for invited units", async () => {
    const o = await office();
    const base = futureSlot();
    const m = await publishedMeeting(o, { units: [o.unitA.id], start: base.start });
    const during = new Date(base.start.getTime() + 10 * 60_000);
    const first = await checkInFromAgenda(o.participantA, m.id, { now: during });
    expect(first.alreadyCheckedIn).toBe(false);
    const again = await checkInFromAgenda(o.participantA, m.id, { now: during });
    expect(again.alreadyCheckedIn).toBe(true);
    const rows = await db.select().from(attendances).where(and(eq(attendances.meetingId, m.id), eq(attendances.userId, o.participantA.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.method).toBe("self_check_in");
    const agenda = await getMyAgenda(o.participantA, during);
    expect(agenda.today[0]!.myCheckedInAt?.getTime()).toBe(during.getTime());
    expect(agenda.today[0]!.canCheckIn).toBe(false);

    await expect(checkInFromAgenda(o.participantB, m.id, { now: during })).rejects.toBeInstanceOf(NotFoundError);
    // A meeting that has not opened yet at that moment (one that already ended says so instead).
    const other = await publishedMeeting(o, { units: [o.unitA.id], start: new Date(during.getTime() + 5 * 3_600_000) });
    await expect(checkInFromAgenda(o.participantA, other.id, { now: during })).rejects.toMatchObject({ message: "meetings.checkIn.outsideWindow" });
  });

  it("lists my unit's open follow-ups by due date, overdue marked, closed ones left out", async () => {
    const o = await office();
    const category = await someCategory();
    const mk = (title: string, dueDate: string, status: "open" | "in_progress" | "reported" | "verified" | "cancelled", workUnitId = o.unitA.id) => ({
      title: `${title} ${uid()}`,
      categoryId: category.id,
      workUnitId,
      dueDate,
      status,
      cancelReason: status === "cancelled" ? "tidak relevan" : null,
    });
    const items = await db
      .insert(actionItems)
      .values([mk("Terlambat", "2020-01-31", "open"), mk("Nanti", "2040-01-31", "in_progress"), mk("Selesai", "2030-01-01", "verified"), mk("Batal", "2030-01-01", "cancelled"), mk("Unit lain", "2030-01-01", "open", o.unitB.id)])
      .returning();
    const { followUps } = await getMyAgenda(o.participantA, new Date("2026-06-01T03:00:00Z"));
    expect(followUps.map((f) => f.id)).toEqual([items[0]!.id, items[1]!.id]);
    expect(followUps[0]!.overdue).toBe(true);
    expect(followUps[1]!.overdue).toBe(false);
  });
});
