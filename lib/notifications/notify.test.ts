import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { createActionItem } from "@/lib/follow-ups/create-action-item";
import { firstCategoryId } from "@/tests/follow-ups";
import { todayIn } from "@/lib/time";
import { makeDivision, makeUser } from "@/tests/fixtures";
import { UNIT_FALLBACK_RECIPIENTS } from "./notify";

const later = (days: number) => new Date(Date.parse(`${todayIn("Asia/Jakarta")}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("notification fan-out", () => {
  it("a new follow-up tells its person in charge and the unit's designated contacts, not every member", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const secretariat = await makeUser("secretariat", division.id);
    const members = [];
    for (let i = 0; i < 12; i++) members.push(await makeUser("participant", unitA.id));
    const [pic, contact] = members;
    await db.update(users).set({ unitContact: true }).where(eq(users.id, contact!.id));
    const item = await createActionItem(secretariat, { title: "Perbarui maklumat", categoryId: await firstCategoryId(), workUnitId: unitA.id, picUserId: pic!.id, dueDate: later(10) });
    const told = await db.select().from(notifications).where(inArray(notifications.userId, members.map((m) => m.id)));
    expect(told.filter((n) => n.payload.itemId === item.id).map((n) => n.userId).sort()).toEqual([pic!.id, contact!.id].sort());

    // A unit without head or contact: a bounded handful of its members, however large it is.
    const others = [];
    for (let i = 0; i < UNIT_FALLBACK_RECIPIENTS + 4; i++) others.push(await makeUser("participant", unitB.id));
    const second = await createActionItem(secretariat, { title: "Lengkapi sarana", categoryId: await firstCategoryId(), workUnitId: unitB.id, dueDate: later(10) });
    const toldB = await db.select().from(notifications).where(inArray(notifications.userId, others.map((m) => m.id)));
    expect(toldB.filter((n) => n.payload.itemId === second.id)).toHaveLength(UNIT_FALLBACK_RECIPIENTS);
  });
});
