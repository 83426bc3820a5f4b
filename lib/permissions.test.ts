import { describe, expect, it } from "vitest";
import { actor, BLITAR, DIV, LAPAS, MALANG, meeting, OTHER_DIV } from "@/tests/policy";
import { can } from "./permissions";

describe("meeting policy", () => {
  it("lets the secretariat of the organising division manage, and nobody else but admins", () => {
    expect(can(actor("secretariat", DIV), "meeting.manage", meeting("draft"))).toBe(true);
    expect(can(actor("secretariat", OTHER_DIV), "meeting.manage", meeting("draft"))).toBe(false);
    expect(can(actor("head", DIV), "meeting.manage", meeting("draft"))).toBe(false);
    expect(can(actor("participant", MALANG), "meeting.manage", meeting("scheduled"))).toBe(false);
    expect(can(actor("admin", LAPAS), "meeting.manage", meeting("draft"))).toBe(true);
  });

  it("hides drafts from participants and meetings of uninvited units", () => {
    expect(can(actor("participant", MALANG), "meeting.view", meeting("draft"))).toBe(false);
    expect(can(actor("participant", MALANG), "meeting.view", meeting("scheduled"))).toBe(true);
    expect(can(actor("participant", BLITAR), "meeting.view", meeting("scheduled"))).toBe(false);
    expect(can(actor("head", DIV), "meeting.view", meeting("draft"))).toBe(true);
    expect(can(actor("head", OTHER_DIV), "meeting.view", meeting("scheduled"))).toBe(false);
    expect(can(actor("head", OTHER_DIV), "meeting.view", meeting("scheduled", [LAPAS]))).toBe(true);
  });

  it("lets only invited units answer and check in, and only while published", () => {
    expect(can(actor("participant", MALANG), "meeting.respond", meeting("scheduled"))).toBe(true);
    expect(can(actor("participant", BLITAR), "meeting.respond", meeting("scheduled"))).toBe(false);
    expect(can(actor("participant", MALANG), "meeting.respond", meeting("cancelled"))).toBe(false);
    expect(can(actor("participant", MALANG), "meeting.checkIn", meeting("ongoing"))).toBe(true);
    expect(can(actor("participant", MALANG), "meeting.checkIn", meeting("completed"))).toBe(false);
  });
});

describe("admin policy", () => {
  it("is for admins only", () => {
    for (const role of ["secretariat", "head", "participant"] as const) expect(can(actor(role, DIV), "admin.manage")).toBe(false);
    expect(can(actor("admin", DIV), "admin.manage")).toBe(true);
  });
});

describe("follow-up policy", () => {
  const item = { workUnitId: MALANG, picUserId: null, status: "in_progress" as const };
  it("lets the owner unit work its item and the division's head verify it", () => {
    expect(can(actor("participant", MALANG), "actionItem.work", item)).toBe(true);
    expect(can(actor("participant", BLITAR), "actionItem.view", item)).toBe(false);
    expect(can(actor("participant", MALANG), "actionItem.verify", { ...item, status: "reported" })).toBe(false);
    expect(can(actor("head", DIV), "actionItem.verify", { ...item, status: "reported" })).toBe(true);
    expect(can(actor("head", OTHER_DIV), "actionItem.view", item)).toBe(false);
  });

  it("lets the secretariat and the owning division's head edit the plan of an open item, not the owner unit", () => {
    expect(can(actor("secretariat", DIV), "actionItem.plan", item)).toBe(true);
    expect(can(actor("head", DIV), "actionItem.plan", item)).toBe(true);
    expect(can(actor("head", OTHER_DIV), "actionItem.plan", item)).toBe(false);
    expect(can(actor("participant", MALANG), "actionItem.plan", item)).toBe(false);
    expect(can(actor("head", DIV), "actionItem.plan", { ...item, status: "verified" })).toBe(false);
  });
});
