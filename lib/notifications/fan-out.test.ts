import ical, { type VEvent } from "node-ical";
import { and, eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { JOB_SCHEMA } from "@/db/queue";
import { agendaItems, meetings, notifications, outboxEmails } from "@/db/schema";
import { updateAgendaItem } from "@/lib/meetings/agenda";
import { meetingUid } from "@/lib/calendar/ics";
import { createT } from "@/lib/i18n/translate";
import { cancelMeeting, rescheduleMeeting } from "@/lib/meetings/transition-meeting";
import { formatRange, instantToZonedLocal } from "@/lib/time";
import { makeUser } from "@/tests/fixtures";
import { runQueuedJobs } from "@/tests/jobs";
import { futureSlot, office, publishedMeeting } from "@/tests/office";
import { NOTIFICATION_KINDS } from "./notify";
import { emailedKinds, saveEmailedKinds } from "./preferences";
import { notificationText } from "./render";

const mailsOf = (meetingId: string) => db.select().from(outboxEmails).where(like(outboxEmails.dedupeKey, `meeting:${meetingId}:%`));
const noticesOf = (userId: string, meetingId: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), like(notifications.dedupeKey, `meeting:${meetingId}:%`)))
    .orderBy(notifications.createdAt);
const calendarOf = (mail: { attachments: { content: string }[] }) => Buffer.from(mail.attachments[0]!.content, "base64").toString("utf8");
const eventIn = (text: string, uid: string) => Object.values(ical.sync.parseICS(text)).find((c): c is VEvent => c?.type === "VEVENT" && c.uid === uid)!;

describe("notices of a meeting's changes (in the app and by e-mail, from one place)", () => {
  it("tells every person of the invited units about the invitation, the reschedule (old → new, reason) and the cancellation — once each", async () => {
    delete process.env.SMTP_URL;
    const o = await office();
    const second = await makeUser("participant", o.unitA.id);
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    await runQueuedJobs("notices");
    await runQueuedJobs("notices");

    // In the app: the invitation, for each person of the invited unit, nobody else.
    const [invited] = await noticesOf(o.participantA.id, m.id);
    expect(invited).toMatchObject({ kind: "meeting_published", readAt: null });
    expect(await noticesOf(second.id, m.id)).toHaveLength(1);
    expect(await noticesOf(o.participantB.id, m.id)).toHaveLength(0);

    // By e-mail (kept: no SMTP), once, with an absolute link and a METHOD:REQUEST calendar file.
    let mails = await mailsOf(m.id);
    expect(mails.map((x) => x.toAddress).sort()).toEqual([o.participantA.email, second.email].sort());
    const invite = mails[0]!;
    expect(invite.status).toBe("kept");
    expect(invite.subject).toContain(m.title);
    expect(invite.body).toMatch(new RegExp(`https?://[^\\s/]+/meetings/${m.id}`));
    expect(calendarOf(invite)).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(Number(eventIn(calendarOf(invite), meetingUid(m.id)).sequence)).toBe(0);

    const slot = futureSlot(30);
    const { meeting: moved } = await rescheduleMeeting(o.secretariat, m.id, m.version, {
      startsAt: instantToZonedLocal(slot.start, "Asia/Jakarta"),
      endsAt: instantToZonedLocal(slot.end, "Asia/Jakarta"),
      reason: "Ruang dipakai",
      acknowledgeConflicts: "on",
    });
    await runQueuedJobs("notices");
    const rescheduled = (await noticesOf(o.participantA.id, m.id)).find((n) => n.kind === "meeting_rescheduled")!;
    const text = notificationText(createT("id"), rescheduled.kind, rescheduled.payload, "id");
    expect(text).toContain(formatRange(m.startsAt, m.endsAt, "Asia/Jakarta", "id"));
    expect(text).toContain(formatRange(slot.start, slot.end, "Asia/Jakarta", "id"));
    expect(text).toContain("Ruang dipakai");
    const moveMail = (await mailsOf(m.id)).find((x) => x.dedupeKey === `meeting:${m.id}:rescheduled:1:${o.participantA.id}`)!;
    expect(moveMail.body).toContain("Ruang dipakai");
    const moveEvent = eventIn(calendarOf(moveMail), meetingUid(m.id));
    expect(calendarOf(moveMail)).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(Number(moveEvent.sequence)).toBe(1);
    expect(moveEvent.start.toISOString()).toBe(slot.start.toISOString());

    // Someone who turned off e-mail for cancellations still sees the notice in the app.
    await saveEmailedKinds(second, NOTIFICATION_KINDS.filter((k) => k !== "meeting_cancelled"));
    expect((await emailedKinds(second)).has("meeting_cancelled")).toBe(false);
    expect((await emailedKinds(second)).has("meeting_rescheduled")).toBe(true);
    await cancelMeeting(o.secretariat, m.id, moved.version, { reason: "Pimpinan berhalangan" });
    await runQueuedJobs("notices");
    expect((await noticesOf(second.id, m.id)).map((n) => n.kind)).toEqual(["meeting_published", "meeting_rescheduled", "meeting_cancelled"]);
    mails = await mailsOf(m.id);
    expect(mails).toHaveLength(5);
    const cancelled = mails.find((x) => x.dedupeKey?.includes(":cancelled:"))!;
    expect(cancelled.toAddress).toBe(o.participantA.email);
    expect(cancelled.body).toContain("Pimpinan berhalangan");
    expect(calendarOf(cancelled)).toMatch(/^METHOD:CANCEL\r?$/m);
    const event = eventIn(calendarOf(cancelled), meetingUid(m.id));
    expect(event.status).toBe("CANCELLED");
    expect(Number(event.sequence)).toBe(2);
  });

  it("tells the invited units once per window when the agenda changes after publishing, with a new SEQUENCE", async () => {
    delete process.env.SMTP_URL;
    const o = await office();
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    const [item] = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(agendaItems.position);
    const edited = await updateAgendaItem(o.secretariat, item!.id, item!.version, { title: "Pembukaan dan sambutan", durationMinutes: 20 });
    await updateAgendaItem(o.secretariat, item!.id, edited.version, { title: "Pembukaan dan sambutan Kakanwil", durationMinutes: 20 });
    // Queued for the end of the window; made due now.
    await rows(sql`update ${sql.identifier(JOB_SCHEMA)}.job set start_after = now() where name = 'notices' and state = 'created'`);
    await runQueuedJobs("notices");
    const changed = (await noticesOf(o.participantA.id, m.id)).filter((n) => n.kind === "meeting_changed");
    expect(changed).toHaveLength(1);
    expect(notificationText(createT("id"), "meeting_changed", changed[0]!.payload, "id")).toContain("agenda diperbarui");
    const [now] = await db.select({ sequence: meetings.sequence }).from(meetings).where(eq(meetings.id, m.id));
    expect(now!.sequence).toBe(2);
    const mail = (await mailsOf(m.id)).find((x) => x.dedupeKey?.includes(":changed:agenda:"))!;
    expect(Number(eventIn(calendarOf(mail), meetingUid(m.id)).sequence)).toBe(2);
  });
});
