import ical, { type VEvent } from "node-ical";
import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { futureSlot, office, publishedMeeting } from "@/tests/office";
import { meetingUid } from "@/lib/calendar/ics";
import { cancelMeeting, rescheduleMeeting } from "@/lib/meetings/transition-meeting";
import { instantToZonedLocal } from "@/lib/time";
import { makeUser } from "@/tests/fixtures";
import { notifyMeetingChange } from "./meeting-change";

const mailsOf = (meetingId: string) => db.select().from(outboxEmails).where(like(outboxEmails.dedupeKey, `meeting:${meetingId}:%`));
const eventIn = (mail: { attachments: { content: string }[] }, uid: string) => {
  const text = Buffer.from(mail.attachments[0]!.content, "base64").toString("utf8");
  return Object.values(ical.sync.parseICS(text)).find((c): c is VEvent => c?.type === "VEVENT" && c.uid === uid)!;
};

describe("meeting emails", () => {
  it("invites every member of the invited units with the .ics attached, once; then update and cancellation", async () => {
    delete process.env.SMTP_URL;
    const o = await office();
    const second = await makeUser("participant", o.unitA.id);
    const m = await publishedMeeting(o, { units: [o.unitA.id] });

    // Publishing queued the invitations already (the use case calls notifyMeetingChange); again: nothing new.
    expect((await notifyMeetingChange(m.id, "published")).queued).toBe(0);
    let mails = await mailsOf(m.id);
    expect(mails.map((x) => x.toAddress).sort()).toEqual([o.participantA.email, second.email].sort());
    expect(mails.map((x) => x.toAddress)).not.toContain(o.participantB.email);
    const invite = mails[0]!;
    expect(invite.status).toBe("kept");
    expect(invite.subject).toContain(m.title);
    expect(invite.body).toContain(o.unitA.name);
    expect(invite.attachments[0]!.filename).toMatch(/^rapat-\d{4}-\d{2}-\d{2}-.*\.ics$/);
    expect(Number(eventIn(invite, meetingUid(m.id)).sequence)).toBe(0);

    // Saved without moving it: no "rescheduled" email.
    expect((await notifyMeetingChange(m.id, "rescheduled")).queued).toBe(0);
    expect((await notifyMeetingChange(m.id, "cancelled")).queued).toBe(0);
    const slot = futureSlot(2);
    const { meeting: moved } = await rescheduleMeeting(o.secretariat, m.id, m.version, {
      startsAt: instantToZonedLocal(slot.start, "Asia/Jakarta"),
      endsAt: instantToZonedLocal(slot.end, "Asia/Jakarta"),
      reason: "Ruang dipakai",
      acknowledgeConflicts: "on",
    });
    // The reschedule and the cancellation queue their own emails, once.
    expect((await mailsOf(m.id)).filter((x) => x.dedupeKey?.includes(":rescheduled:"))).toHaveLength(2);
    expect((await notifyMeetingChange(m.id, "rescheduled")).queued).toBe(0);
    await cancelMeeting(o.secretariat, m.id, moved.version, { reason: "Pimpinan berhalangan" });
    expect((await notifyMeetingChange(m.id, "cancelled")).queued).toBe(0);
    mails = await mailsOf(m.id);
    expect(mails).toHaveLength(6);
    const cancelled = mails.find((x) => x.dedupeKey?.includes(":cancelled:") && x.toAddress === o.participantA.email)!;
    expect(cancelled.body).toContain("Pimpinan berhalangan");
    const event = eventIn(cancelled, meetingUid(m.id));
    expect(event.status).toBe("CANCELLED");
    expect(Number(event.sequence)).toBe(2);
    const rescheduled = (await db.select().from(outboxEmails).where(eq(outboxEmails.dedupeKey, `meeting:${m.id}:rescheduled:1:${o.participantA.id}`)))[0]!;
    expect(eventIn(rescheduled, meetingUid(m.id)).start.toISOString()).toBe(slot.start.toISOString());
  });
});
