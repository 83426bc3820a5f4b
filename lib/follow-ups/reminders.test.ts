import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { notifications, outboxEmails } from "@/db/schema";
import { todayIn } from "@/lib/time";
import { makeDivision, makeUser } from "@/tests/fixtures";
import { runReminders } from "./reminders";
import { insertItem } from "@/tests/follow-ups";

const inDays = (n: number) => {
  const [y, m, d] = todayIn("Asia/Jakarta").split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

describe("the reminders job", () => {
  it("runs twice without creating duplicates, escalating overdue items to the head", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const head = await makeUser("head", division.id);
    const pic = await makeUser("participant", unitA.id);
    const memberB1 = await makeUser("participant", unitB.id);
    const memberB2 = await makeUser("participant", unitB.id);
    const dueSoon = await insertItem({ workUnitId: unitA.id, status: "in_progress", picUserId: pic.id, dueDate: inDays(2) });
    const overdue = await insertItem({ workUnitId: unitB.id, status: "open", dueDate: inDays(-1) });
    const farAway = await insertItem({ workUnitId: unitA.id, status: "open", picUserId: pic.id, dueDate: inDays(30) });
    const done = await insertItem({ workUnitId: unitA.id, status: "verified", picUserId: pic.id, dueDate: inDays(-1) });
    const ours = [dueSoon.id, overdue.id, farAway.id, done.id];
    const mine = () =>
      db
        .select()
        .from(notifications)
        .where(and(inArray(notifications.userId, [head.id, pic.id, memberB1.id, memberB2.id]), inArray(notifications.kind, ["due_soon", "overdue", "overdue_escalated"])));

    const first = await runReminders();
    const afterFirst = (await mine()).filter((n) => ours.includes(String(n.payload.itemId)));
    expect(afterFirst.map((n) => `${n.kind}:${n.userId === head.id ? "head" : n.userId === pic.id ? "pic" : "memberB"}:${n.payload.itemId === dueSoon.id ? "soon" : "late"}`).sort()).toEqual(
      ["due_soon:pic:soon", "overdue:memberB:late", "overdue:memberB:late", "overdue_escalated:head:late"].sort(),
    );
    expect(first.dueSoon).toBeGreaterThanOrEqual(1);

    await runReminders();
    const afterSecond = (await mine()).filter((n) => ours.includes(String(n.payload.itemId)));
    expect(afterSecond).toHaveLength(afterFirst.length);
    // (Other test files may add overdue items of their own meanwhile on a shared database: the
    // second run is judged on this test's items only.)
    // Without SMTP_URL each reminder's email is kept in the outbox, once.
    const emails = await db.select().from(outboxEmails).where(inArray(outboxEmails.dedupeKey, afterFirst.map((n) => n.dedupeKey!)));
    expect(emails).toHaveLength(afterFirst.length);
    expect(emails.every((e) => e.status === "kept")).toBe(true);
    expect(emails.find((e) => e.dedupeKey === afterFirst.find((n) => n.kind === "due_soon")!.dedupeKey)!.subject).toContain(dueSoon.title);
    const [escalation] = await db.select().from(notifications).where(and(eq(notifications.userId, head.id), eq(notifications.kind, "overdue_escalated")));
    expect(escalation!.payload).toMatchObject({ itemId: overdue.id, dueDate: inDays(-1) });
  });
});
