import { describe, expect, it } from "vitest";
import type { MeetingStatus, Role } from "@/db/schema";
import { can, type Action } from "@/lib/permissions";
import { actor, BLITAR, DIV, MALANG, meeting, OTHER_DIV } from "@/tests/policy";

/**
 * The meeting policy matrix: every meeting action × four roles × own/other unit. "Own" is the
 * organising division for staff and an invited unit for a participant; "other" is another
 * division (staff) or an uninvited unit (participant).
 */
/** "Own" and "other" actors of the matrix, from the shared policy fixture. */
const sided = (role: Role, side: "own" | "other") =>
  actor(role, role === "participant" ? (side === "own" ? MALANG : BLITAR) : side === "own" ? DIV : OTHER_DIV);
const meetingWith = (status: MeetingStatus, minuteTakers: string[] = []) => meeting(status, [MALANG], minuteTakers);

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
    expect(can(sided(role, "own"), action as "meeting.view", meetingWith("scheduled"))).toBe(own);
    expect(can(sided(role, "other"), action as "meeting.view", meetingWith("scheduled"))).toBe(other);
  });

  it.each(DRAFT)("draft meeting: %s by %s → own %s, other %s", (action, role, own, other) => {
    expect(can(sided(role, "own"), action as "meeting.view", meetingWith("draft"))).toBe(own);
    expect(can(sided(role, "other"), action as "meeting.view", meetingWith("draft"))).toBe(other);
  });

  it.each([
    ["admin", true, true],
    ["secretariat", true, false],
    ["head", false, false],
    ["participant", false, false],
  ] as const)("meeting.create for the own division by %s → own %s, other %s", (role, own, other) => {
    expect(can(sided(role, "own"), "meeting.create", { organizerUnitId: DIV })).toBe(own);
    expect(can(sided(role, "other"), "meeting.create", { organizerUnitId: DIV })).toBe(other);
  });

  it("lets a recorded minute-taker write the minutes of a published meeting they can see, not of a draft", () => {
    const taker = sided("participant", "own");
    expect(can(taker, "minutes.write", meetingWith("completed", [taker.id]))).toBe(true);
    expect(can(taker, "minutes.write", meetingWith("draft", [taker.id]))).toBe(false);
    expect(can(taker, "minutes.reopen", meetingWith("completed", [taker.id]))).toBe(false);
    expect(can(sided("participant", "other"), "minutes.write", meetingWith("completed", [sided("participant", "other").id]))).toBe(false);
  });

  it("closes answering and check-in once the meeting is over or cancelled", () => {
    for (const status of ["completed", "cancelled"] as const) {
      expect(can(sided("participant", "own"), "meeting.respond", meetingWith(status))).toBe(false);
      expect(can(sided("participant", "own"), "meeting.checkIn", meetingWith(status))).toBe(false);
      expect(can(sided("participant", "own"), "meeting.view", meetingWith(status))).toBe(true);
    }
  });
});
