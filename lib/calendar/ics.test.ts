import ical, { type VEvent } from "node-ical";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { meetings } from "@/db/schema";
import { GET as feedRoute } from "@/app/calendar/[token]/route";
import { renderMeetingFile } from "@/lib/documents/render";
import { NotFoundError } from "@/lib/errors";
import { cancelMeeting, rescheduleMeeting } from "@/lib/meetings/transition-meeting";
import { instantToZonedLocal } from "@/lib/time";
import { futureSlot, office, publishedMeeting } from "@/tests/office";
import { calendarFeed, regenerateCalendarToken, revokeCalendarToken } from "./feed";
import { meetingUid } from "./ics";

/** Parses an iCalendar text back and returns its events by UID. */
function events(text: string): Map<string, VEvent> {
  const parsed = ical.sync.parseICS(text);
  const out = new Map<string, VEvent>();
  for (const c of Object.values(parsed)) if (c && c.type === "VEVENT") out.set(c.uid, c);
  return out;
}
const str = (v: unknown) => (typeof v === "string" ? v : ((v as { val?: string })?.val ?? ""));

async function ics(user: Parameters<typeof renderMeetingFile>[0], id: string) {
  const file = await renderMeetingFile(user, id, "ics");
  expect(file.contentType).toMatch(/^text\/calendar/);
  return String(file.body);
}

describe("a meeting's .ics", () => {
  it("has a stable UID, UTC times, location, online link and the agenda with times", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const text = await ics(o.participantA, m.id);
    expect(text).toMatch(/^DTSTART:\d{8}T\d{6}Z$/m);
    expect(text).toMatch(/^DTEND:\d{8}T\d{6}Z$/m);
    const event = events(text).get(meetingUid(m.id))!;
    expect(event).toBeDefined();
    expect(event.start.toISOString()).toBe(m.startsAt.toISOString());
    expect(event.end!.toISOString()).toBe(m.endsAt.toISOString());
    expect(str(event.summary)).toBe(m.title);
    expect(str(event.location)).toContain(m.location);
    expect(str(event.location)).toContain("https://zoom.us/j/123456789");
    expect(Number(event.sequence)).toBe(0);
    expect(event.status).toBe("CONFIRMED");
    const description = str(event.description);
    const hhmm = instantToZonedLocal(m.startsAt, "Asia/Jakarta").slice(11).replace(":", ".");
    expect(description).toContain(`${hhmm}–`);
    expect(description).toContain("Paparan data pengaduan");
    expect(description).toContain("Ombudsman RI Jawa Timur");
    expect(description).toContain("WIB");
    // The same UID in a second download.
    expect(events(await ics(o.participantB, m.id)).has(meetingUid(m.id))).toBe(true);
  });

  it("a meeting held in WITA by a WIB office also gives the office's time in its description", async () => {
    const o = await office();
    const m = await publishedMeeting(o, { start: new Date("2033-05-06T01:00:00Z"), end: new Date("2033-05-06T04:00:00Z") });
    await db.update(meetings).set({ timeZone: "Asia/Makassar" }).where(eq(meetings.id, m.id));
    const event = events(await ics(o.participantA, m.id)).get(meetingUid(m.id))!;
    expect(str(event.description)).toContain("Jumat, 6 Mei 2033, 09.00–12.00 WITA (08.00–11.00 WIB)");
  });

  it("keeps the UID and raises SEQUENCE when the meeting is rescheduled", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const before = events(await ics(o.participantA, m.id)).get(meetingUid(m.id))!;
    const slot = futureSlot(2);
    await rescheduleMeeting(o.secretariat, m.id, m.version, {
      startsAt: instantToZonedLocal(slot.start, "Asia/Jakarta"),
      endsAt: instantToZonedLocal(slot.end, "Asia/Jakarta"),
      reason: "Bertepatan dengan kunjungan kerja",
      acknowledgeConflicts: "on",
    });
    const after = events(await ics(o.participantA, m.id)).get(meetingUid(m.id))!;
    expect(after.uid).toBe(before.uid);
    expect(Number(after.sequence)).toBe(Number(before.sequence) + 1);
    expect(after.start.toISOString()).toBe(slot.start.toISOString());
  });

  it("is not served to a user whose unit is not invited", async () => {
    const o = await office();
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    await expect(renderMeetingFile(o.participantB, m.id, "ics")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the personal calendar feed", () => {
  it("lists the meetings the owner may see, keeps a cancelled one with STATUS:CANCELLED", async () => {
    const o = await office();
    const mine = await publishedMeeting(o, { units: [o.unitA.id] });
    const other = await publishedMeeting(o, { units: [o.unitB.id] });
    const cancelled = await publishedMeeting(o, { units: [o.unitA.id] });
    await cancelMeeting(o.secretariat, cancelled.id, cancelled.version, { reason: "Pimpinan berhalangan" });
    const token = await regenerateCalendarToken(o.participantA);
    const feed = events(await calendarFeed(token));
    expect(feed.has(meetingUid(mine.id))).toBe(true);
    expect(feed.has(meetingUid(other.id))).toBe(false);
    const c = feed.get(meetingUid(cancelled.id))!;
    expect(c.status).toBe("CANCELLED");
    expect(Number(c.sequence)).toBe(1);
    expect(str(c.description)).toContain("Pimpinan berhalangan");
  });

  it("answers 404 for a revoked token: regenerating revokes the old URL, turning it off revokes all", async () => {
    const o = await office();
    await publishedMeeting(o, { units: [o.unitA.id] });
    const first = await regenerateCalendarToken(o.participantA);
    const call = (token: string) => feedRoute(new Request(`http://localhost/calendar/${token}.ics`), { params: Promise.resolve({ token: `${token}.ics` }) });
    expect((await call(first)).status).toBe(200);
    const second = await regenerateCalendarToken(o.participantA);
    expect(second).not.toBe(first);
    expect((await call(first)).status).toBe(404);
    const ok = await call(second);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await ok.text()).toContain("BEGIN:VCALENDAR");
    await revokeCalendarToken(o.participantA);
    expect((await call(second)).status).toBe(404);
    expect((await call("not-a-token")).status).toBe(404);
  });
});
