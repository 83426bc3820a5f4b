import { describe, expect, it } from "vitest";
import type { MeetingStatus, Role } from "@/db/schema";
import { can, type Action, type Actor, type MeetingResource } from "@/lib/permissions";

/**
 * The meeting policy matrix: every meeting action × four roles × own/other unit. "Own" is the
 * organising division for staff and an invited unit for a participant; "other" is another
 * division (staff) or an uninvited unit (participant).
 */
const DIV = "div-imi";
const MALANG = "kanim-malang";
const BLITAR = "kanim-blitar";
const OTHER_DIV = "div-pas";
const LAPAS = "lapas";

const actor = (role: Role, side: "own" | "other"): Actor => {
  const unit = role === "participant" ? (side === "own" ? MALANG : BLITAR) : side === "own" ? DIV : OTHER_DIV;
  return { id: `${role}-${side}`, role, workUnitId: unit, scopeUnitIds: side === "own" || role === "participant" ? [DIV, MALANG, BLITAR] : [OTHER_DIV, LAPAS] };
};
const meeting = (status: MeetingStatus, minuteTakers: string[] = []): MeetingResource => ({
  status,
  organizerUnitId: DIV,
  invitedUnitIds: [MALANG],
  minuteTakerUserIds: minuteTakers,
});

type Row = [Action, Role, own: boolean, other: boolean];
const ROLES: Role[] = ["admin", "secretariat", "head", "participant"];

// Expected answers for a published (scheduled) meeting.
const SCHEDULED: Row[] = [
  ["meeting.view", "admin", true, true],
  ["meeting.view", "secretariat", true, false],
  ["meeting.view", "head", true, false],
  ["meeting.view", "participant", true, false],
  ["meeting.manage", "admin", true, true],
  ["meeting.manage", "secretariat", true, false],
  ["meeting.manage", "head", false, false],
  ["meeting.manage", "participant", false, false],
  ["meeting.respond", "admin", false, false],
  ["meeting.respond", "secretariat", false, false],
  ["meeting.respond", "head", false, false],
  ["meeting.respond", "participant", true, false],
  ["meeting.checkIn", "admin", false, false],
  ["meeting.checkIn", "secretariat", false, false],
  ["meeting.checkIn", "head", false, false],
  ["meeting.checkIn", "participant", true, false],
  ["minutes.write", "admin", true, true],
  ["minutes.write", "secretariat", true, false],
  ["minutes.write", "head", false, false],
  ["minutes.write", "participant", false, false],
  ["minutes.reopen", "admin", true, true],
  ["minutes.reopen", "secretariat", true, false],
  ["minutes.reopen", "head", false, false],
  ["minutes.reopen", "participant", false, false],
];

// A draft is seen only by staff of the organising division (and admins); nobody answers it.
const DRAFT: Row[] = [
  ["meeting.view", "admin", true, true],
  ["meeting.view", "secretariat", true, false],
  ["meeting.view", "head", true, false],
  ["meeting.view", "participant", false, false],
  ["meeting.respond", "participant", false, false],
  ["meeting.checkIn", "participant", false, false],
  ["minutes.write", "participant", false, false],
];

describe("meeting policy matrix", () => {
  it("covers every role for every meeting action", () => {
    for (const action of ["meeting.view", "meeting.manage", "meeting.respond", "meeting.checkIn", "minutes.write", "minutes.reopen"]) {
      expect(SCHEDULED.filter((r) => r[0] === action).map((r) => r[1]).sort()).toEqual([...ROLES].sort());
    }
  });

  it.each(SCHEDULED)("scheduled meeting: %s by %s → own %s, other %s", (action, role, own, other) => {
    expect(can(actor(role, "own"), action as "meeting.view", meeting("scheduled"))).toBe(own);
    expect(can(actor(role, "other"), action as "meeting.view", meeting("scheduled"))).toBe(other);
  });

  it.each(DRAFT)("draft meeting: %s by %s → own %s, other %s", (action, role, own, other) => {
    expect(can(actor(role, "own"), action as "meeting.view", meeting("draft"))).toBe(own);
    expect(can(actor(role, "other"), action as "meeting.view", meeting("draft"))).toBe(other);
  });

  it.each([
    ["admin", true, true],
    ["secretariat", true, false],
    ["head", false, false],
    ["participant", false, false],
  ] as const)("meeting.create for the own division by %s → own %s, other %s", (role, own, other) => {
    expect(can(actor(role, "own"), "meeting.create", { organizerUnitId: DIV })).toBe(own);
    expect(can(actor(role, "other"), "meeting.create", { organizerUnitId: DIV })).toBe(other);
  });

  it("lets a recorded minute-taker write the minutes of a published meeting they can see, not of a draft", () => {
    const taker = actor("participant", "own");
    expect(can(taker, "minutes.write", meeting("completed", [taker.id]))).toBe(true);
    expect(can(taker, "minutes.write", meeting("draft", [taker.id]))).toBe(false);
    expect(can(taker, "minutes.reopen", meeting("completed", [taker.id]))).toBe(false);
    expect(can(actor("participant", "other"), "minutes.write", meeting("completed", ["participant-other"]))).toBe(false);
  });

  it("closes answering and check-in once the meeting is over or cancelled", () => {
    for (const status of ["completed", "cancelled"] as const) {
      expect(can(actor("participant", "own"), "meeting.respond", meeting(status))).toBe(false);
      expect(can(actor("participant", "own"), "meeting.checkIn", meeting(status))).toBe(false);
      expect(can(actor("participant", "own"), "meeting.view", meeting(status))).toBe(true);
    }
  });
});
