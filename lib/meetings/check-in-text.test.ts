import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { meetings } from "@/db/schema";
import { createT } from "@/lib/i18n/translate";
import { formatTime } from "@/lib/time";
import { makeUser } from "@/tests/fixtures";
import { office, publishedMeeting } from "@/tests/office";
import { checkIn, checkInState, meetingForCheckIn } from "./attendance";
import { checkInText } from "./check-in-text";

describe("the check-in page says what is true", () => {
  it("invited and open: the form; already checked in: the time; ended: 'Rapat sudah selesai'; 'tidak diundang' only for a unit not invited", async () => {
    const t = createT("id");
    const o = await office();
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    const [{ code }] = (await db.select({ code: meetings.checkInCode }).from(meetings).where(eq(meetings.id, m.id))) as [{ code: string }];
    const during = new Date(m.startsAt.getTime() + 10 * 60_000);
    const after = new Date(m.endsAt.getTime() + 60_000);
    const text = async (user: typeof o.participantA, now: Date) => {
      const meeting = await meetingForCheckIn(user, code);
      return checkInText(t, await checkInState(user, meeting, now), meeting.timeZone, "id")?.text ?? "FORM";
    };

    // Invited, in the window: the form.
    expect(await text(o.participantA, during)).toBe("FORM");
    // Already checked in: when, during the meeting and after it ended too.
    await checkIn(o.participantA, code, { now: during });
    const at = formatTime(during, "Asia/Jakarta", "id");
    expect(await text(o.participantA, during)).toBe(`Anda sudah tercatat hadir pukul ${at}.`);
    expect(await text(o.participantA, after)).toBe(`Anda sudah tercatat hadir pukul ${at}.`);
    // Ended, for an invited person who did not check in — and after the meeting was completed.
    const colleague = await makeUser("participant", o.unitA.id);
    expect(await text(colleague, after)).toBe("Rapat sudah selesai.");
    await db.update(meetings).set({ status: "completed" }).where(eq(meetings.id, m.id));
    expect(await text(colleague, during)).toBe("Rapat sudah selesai.");
    await db.update(meetings).set({ status: "scheduled" }).where(eq(meetings.id, m.id));
    // Not invited (staff who can see the meeting, of a unit not invited): only then that sentence.
    expect(await text(o.secretariat, during)).toBe("Unit Anda tidak diundang ke rapat ini.");
    expect(await text(o.secretariat, after)).toBe("Rapat sudah selesai.");
    await expect(checkIn(colleague, code, { now: after })).rejects.toMatchObject({ message: "meetings.checkIn.ended" });
  });
});
