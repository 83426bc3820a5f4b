import { describe, expect, it } from "vitest";
import { office, someCategory } from "@/tests/office";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { makeUser } from "@/tests/fixtures";
import { editActionItemPlan } from "./edit-action-item";
import { insertItem } from "@/tests/follow-ups";

describe("editing a follow-up's plan", () => {
  it("lets the secretariat and the division's head edit it, checks the version, the PIC and the due date, and refuses the owner unit", async () => {
    const o = await office();
    const other = await office();
    const category = await someCategory();
    const item = await insertItem({ workUnitId: o.unitA.id, categoryId: category.id });
    const saved = await editActionItemPlan(o.head, item.id, item.version, { title: "Rencana baru", priority: "high", picUserId: o.participantA.id });
    expect(saved).toMatchObject({ title: "Rencana baru", priority: "high", picUserId: o.participantA.id, version: item.version + 1, status: "open", progress: 0 });
    // A stale version is a conflict carrying the current item.
    const stale = await editActionItemPlan(o.secretariat, item.id, item.version, { priority: "low" }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    // The owner unit works the item but does not plan it; another division does not see it.
    await expect(editActionItemPlan(o.participantA, item.id, saved.version, { priority: "low" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(editActionItemPlan(other.head, item.id, saved.version, { priority: "low" })).rejects.toThrow();
    // The PIC must belong to the unit; the due date may not move into the past.
    const outsider = await makeUser("participant", o.unitB.id);
    const bad = await editActionItemPlan(o.secretariat, item.id, saved.version, { picUserId: outsider.id, dueDate: "2001-01-01" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(["dueDate", "picUserId"]);
  });
});
