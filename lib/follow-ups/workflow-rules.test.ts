import { describe, expect, it } from "vitest";
import type { ActionItemStatus, Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { BLITAR, DIV, MALANG, OTHER_DIV, actor } from "@/tests/policy";
import { allowedTransitions, findTransition, TRANSITIONS } from "./workflow";

/**
 * The follow-up workflow's table and who may take which step, without a database: the buttons a
 * user sees on an item, and the only status changes the use case accepts.
 */
const user = (role: Role, unit: string, id?: string): CurrentUser => ({
  ...actor(role, unit),
  ...(id ? { id } : {}),
  name: "x",
  email: "x@test",
  position: "",
  workUnitName: unit,
  scopeUnitId: unit,
  timeZone: "Asia/Jakarta",
  locale: "id",
});
const item = (status: ActionItemStatus, picUserId: string | null = null) => ({ workUnitId: MALANG, picUserId, status });
const steps = (u: CurrentUser, status: ActionItemStatus, pic: string | null = null) => allowedTransitions(u, item(status, pic)).map((r) => `${r.name}→${r.to}`);

describe("follow-up workflow", () => {
  it("has exactly these steps: open → in progress → reported → verified, return, and cancel before the end", () => {
    const all: ActionItemStatus[] = ["open", "in_progress", "reported", "verified", "cancelled"];
    const pairs = all.flatMap((from) => all.filter((to) => findTransition(from, to)).map((to) => `${from}→${to}:${findTransition(from, to)!.name}`));
    expect(pairs).toEqual(["open→in_progress:start", "open→cancelled:cancel", "in_progress→reported:report", "in_progress→cancelled:cancel", "reported→in_progress:return", "reported→verified:verify", "reported→cancelled:cancel"]);
    expect(findTransition("verified", "in_progress")).toBeUndefined();
    expect(findTransition("cancelled", "open")).toBeUndefined();
  });

  it("asks a note for report, return and cancel, and evidence only for report; notifies every step but start", () => {
    const rule = (from: ActionItemStatus, to: ActionItemStatus) => findTransition(from, to)!;
    expect(rule("open", "in_progress")).toMatchObject({ permission: "actionItem.work" });
    expect(rule("open", "in_progress").needsNote).toBeFalsy();
    expect(rule("open", "in_progress").needsEvidence).toBeFalsy();
    expect(rule("open", "in_progress").notifyKind).toBeUndefined();
    expect(rule("in_progress", "reported")).toMatchObject({ permission: "actionItem.work", needsNote: true, needsEvidence: true, notifyKind: "reported" });
    expect(rule("reported", "verified")).toMatchObject({ permission: "actionItem.verify", notifyKind: "verified" });
    expect(rule("reported", "verified").needsNote).toBeFalsy();
    expect(rule("reported", "in_progress")).toMatchObject({ permission: "actionItem.verify", needsNote: true, notifyKind: "returned" });
    expect(rule("reported", "in_progress").needsEvidence).toBeFalsy();
    for (const from of ["open", "in_progress", "reported"] as const) {
      expect(rule(from, "cancelled")).toMatchObject({ name: "cancel", permission: "actionItem.verify", needsNote: true, notifyKind: "cancelled" });
      expect(rule(from, "cancelled").needsEvidence).toBeFalsy();
    }
    expect(TRANSITIONS).toHaveLength(7);
  });

  it("lets the owner unit work the item up to reported, and the overseeing staff verify, return and cancel", () => {
    const participant = user("participant", MALANG);
    expect(steps(participant, "open")).toEqual(["start→in_progress"]);
    expect(steps(participant, "in_progress")).toEqual(["report→reported"]);
    expect(steps(participant, "reported")).toEqual([]);
    // The person in charge from another unit works it too; a participant of another unit does not.
    expect(steps(user("participant", BLITAR, "pic-1"), "in_progress", "pic-1")).toEqual(["report→reported"]);
    expect(steps(user("participant", BLITAR), "in_progress")).toEqual([]);

    const secretariat = user("secretariat", DIV);
    expect(steps(secretariat, "open")).toEqual(["cancel→cancelled"]);
    expect(steps(secretariat, "reported")).toEqual(["verify→verified", "return→in_progress", "cancel→cancelled"]);
    expect(steps(secretariat, "verified")).toEqual([]);
    expect(steps(secretariat, "cancelled")).toEqual([]);
    expect(steps(user("head", DIV), "reported")).toEqual(["verify→verified", "return→in_progress", "cancel→cancelled"]);
    expect(steps(user("secretariat", OTHER_DIV), "reported")).toEqual([]);
  });
});
