import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { actionItems, decisions, extensionRequests, invitations, meetings, notifications } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { todayIn } from "@/lib/time";
import { makeDivision, makeUnit, makeUser } from "@/tests/fixtures";
import { createActionItem, createFromDecision } from "./create-action-item";
import { decideExtension, requestExtension } from "./extensions";
import { getActionItem } from "./get-action-item";
import { firstCategoryId, insertItem } from "@/tests/follow-ups";

const later = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

async function meetingWithDecision(organizerUnitId: string, invited: string[]) {
  const [m] = await db
    .insert(meetings)
    .values({ title: "Rakor uji", startsAt: new Date("2026-01-05T02:00:00Z"), endsAt: new Date("2026-01-05T05:00:00Z"), timeZone: "Asia/Jakarta", organizerUnitId, status: "completed" })
    .returning();
  await db.insert(invitations).values(invited.map((workUnitId) => ({ meetingId: m!.id, workUnitId })));
  const [d] = await db.insert(decisions).values({ meetingId: m!.id, number: 1, text: "Setiap unit memublikasikan maklumat pelayanan." }).returning();
  return { meeting: m!, decision: d! };
}

describe("creating follow-ups", () => {
  it("turns one decision into a copy for each chosen unit, in one transaction", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const unitC = await makeUnit({ parentId: division.id });
    const secretariat = await makeUser("secretariat", division.id);
    const picA = await makeUser("participant", unitA.id);
    const memberC = await makeUser("participant", unitC.id);
    const { meeting, decision } = await meetingWithDecision(division.id, [unitA.id, unitB.id, unitC.id]);
    const input = {
      decisionId: decision.id,
      title: "Publikasikan maklumat pelayanan",
      categoryId: await firstCategoryId(),
      dueDate: later(30),
      workUnitIds: [unitA.id, unitB.id, unitC.id],
      picByUnit: { [unitA.id]: picA.id, [unitB.id]: picA.id },
    };
    // A PIC from another unit fails the whole batch: nothing is created.
    const error = await createFromDecision(secretariat, input).catch((e) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ [`picByUnit.${unitB.id}`]: ["followUps.errors.picNotMember"] });
    expect(await db.select().from(actionItems).where(eq(actionItems.decisionId, decision.id))).toHaveLength(0);

    const created = await createFromDecision(secretariat, { ...input, picByUnit: { [unitA.id]: picA.id } });
    expect(created.map((c) => c.workUnitId).sort()).toEqual([unitA.id, unitB.id, unitC.id].sort());
    expect(created.every((c) => c.meetingId === meeting.id && c.status === "open")).toBe(true);
    const assigned = await db.select().from(notifications).where(inArray(notifications.userId, [picA.id, memberC.id]));
    expect(assigned.filter((n) => n.kind === "assigned")).toHaveLength(2);
  });

  it("checks the unit, the person in charge and the due date, reporting every field", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const head = await makeUser("head", division.id);
    const outsider = await makeUser("participant", unitB.id);
    const error = await createActionItem(head, {
      title: "",
      categoryId: "nope",
      workUnitId: unitA.id,
      picUserId: outsider.id,
      dueDate: "2020-01-01",
    }).catch((e) => e);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["categoryId", "title"]);
    const error2 = await createActionItem(head, { title: "Uji", categoryId: await firstCategoryId(), workUnitId: unitA.id, picUserId: outsider.id, dueDate: "2020-01-01" }).catch((e) => e);
    expect(Object.keys((error2 as ValidationError).fieldErrors).sort()).toEqual(["dueDate", "picUserId"]);
    const ok = await createActionItem(head, { title: "Uji", categoryId: await firstCategoryId(), workUnitId: unitA.id, dueDate: todayIn(unitA.timeZone) });
    expect(ok.status).toBe("open");
    // A participant cannot create; a head of another division cannot create for this unit.
    await expect(createActionItem(outsider, { title: "x", categoryId: await firstCategoryId(), workUnitId: unitA.id, dueDate: later(3) })).rejects.toBeInstanceOf(ForbiddenError);
    const other = await makeDivision();
    const otherHead = await makeUser("head", other.division.id);
    await expect(createActionItem(otherHead, { title: "x", categoryId: await firstCategoryId(), workUnitId: unitA.id, dueDate: later(3) })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("due date extensions", () => {
  it("are requested by the owner unit, decided by the head, and kept as history", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const head = await makeUser("head", division.id);
    const pic = await makeUser("participant", unitA.id);
    const blitar = await makeUser("participant", unitB.id);
    const item = await insertItem({ workUnitId: unitA.id, status: "in_progress", picUserId: pic.id, dueDate: later(5) });
    await expect(requestExtension(blitar, item.id, { requestedDueDate: later(20), reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    const bad = await requestExtension(pic, item.id, { requestedDueDate: later(2), reason: "" }).catch((e) => e);
    expect(Object.keys((bad as ValidationError).fieldErrors)).toEqual(["reason"]);
    const early = await requestExtension(pic, item.id, { requestedDueDate: later(2), reason: "Menunggu anggaran" }).catch((e) => e);
    expect((early as ValidationError).fieldErrors.requestedDueDate).toEqual(["followUps.errors.extensionDate"]);
    const req = await requestExtension(pic, item.id, { requestedDueDate: later(20), reason: "Menunggu anggaran" });
    const twice = await requestExtension(pic, item.id, { requestedDueDate: later(25), reason: "Lagi" }).catch((e) => e);
    expect((twice as ValidationError).fieldErrors.requestedDueDate).toEqual(["followUps.errors.extensionPending"]);
    await expect(decideExtension(pic, req.id, { approve: true })).rejects.toBeInstanceOf(ForbiddenError);
    await decideExtension(head, req.id, { approve: true, note: "Disetujui" });
    await expect(decideExtension(head, req.id, { approve: false, note: "x" })).rejects.toBeInstanceOf(ConflictError);
    const [after] = await db.select().from(actionItems).where(eq(actionItems.id, item.id));
    expect(after!.dueDate).toBe(later(20));
    expect(after!.version).toBe(item.version + 1);
    const req2 = await requestExtension(pic, item.id, { requestedDueDate: later(40), reason: "Lagi" });
    await decideExtension(head, req2.id, { approve: false, note: "Tidak ada alasan baru" });
    const history = await db.select().from(extensionRequests).where(eq(extensionRequests.actionItemId, item.id));
    expect(history.map((h) => h.status).sort()).toEqual(["approved", "rejected"]);
    const detail = await getActionItem(pic, item.id);
    expect(detail.timeline.map((u) => u.kind)).toEqual(["extension_request", "extension_decision", "extension_request", "extension_decision"]);
    const decided = await db.select().from(notifications).where(eq(notifications.userId, pic.id));
    expect(decided.filter((n) => n.kind === "extension_decided")).toHaveLength(2);
  });
});
