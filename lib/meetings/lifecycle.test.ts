import { afterEach, describe, expect, it } from "vitest";
import type { MeetingStatus } from "@/db/schema";
import { canFinalizeMinutes, checkInWindow, isEditableStatus, startEarlyMinutes, startOpensAt, TRANSITION_TARGET, transitionRefusal } from "./lifecycle";

/** The meeting lifecycle's rules, without a database: which step is allowed from where, and when. */
const START = new Date("2031-03-10T02:00:00Z"); // 09.00 WIB
const at = (minutesFromStart: number) => new Date(START.getTime() + minutesFromStart * 60_000);
const m = (status: MeetingStatus) => ({ status, startsAt: START });
const ALL: MeetingStatus[] = ["draft", "scheduled", "ongoing", "completed", "cancelled"];

afterEach(() => {
  delete process.env.MEETING_START_EARLY_MINUTES;
});

describe("meeting lifecycle", () => {
  it("publishes only drafts, starts only scheduled meetings, completes scheduled or ongoing ones", () => {
    const allowed = (to: "publish" | "start" | "complete") => ALL.filter((s) => transitionRefusal(m(s), to, at(120)) === null);
    expect(allowed("publish")).toEqual(["draft"]);
    expect(allowed("start")).toEqual(["scheduled"]);
    expect(allowed("complete")).toEqual(["scheduled", "ongoing"]);
    expect(transitionRefusal(m("completed"), "start", at(120))).toBe("meetings.errors.badTransition");
    expect(TRANSITION_TARGET).toEqual({ publish: "scheduled", start: "ongoing", complete: "completed" });
  });

  it("opens 'start' exactly 60 minutes before the scheduled start, or as MEETING_START_EARLY_MINUTES says", () => {
    expect(transitionRefusal(m("scheduled"), "start", at(-61))).toBe("meetings.errors.tooEarlyToStart");
    expect(transitionRefusal(m("scheduled"), "start", at(-60))).toBeNull();
    expect(startOpensAt({ startsAt: START })).toEqual(at(-60));
    process.env.MEETING_START_EARLY_MINUTES = "15";
    expect(startEarlyMinutes()).toBe(15);
    expect(transitionRefusal(m("scheduled"), "start", at(-16))).toBe("meetings.errors.tooEarlyToStart");
    expect(transitionRefusal(m("scheduled"), "start", at(-15))).toBeNull();
    process.env.MEETING_START_EARLY_MINUTES = "0";
    expect(startEarlyMinutes()).toBe(0);
    process.env.MEETING_START_EARLY_MINUTES = String(24 * 60);
    expect(startEarlyMinutes()).toBe(24 * 60);
    // Nonsense falls back to the hour.
    for (const bad of ["", "abc", "-1", String(24 * 60 + 1), "99999"]) {
      process.env.MEETING_START_EARLY_MINUTES = bad;
      expect(startEarlyMinutes(), bad).toBe(60);
    }
  });

  it("completes a scheduled meeting only once its start has passed; an ongoing one at any time", () => {
    expect(transitionRefusal(m("scheduled"), "complete", at(-1))).toBe("meetings.errors.completeBeforeStart");
    expect(transitionRefusal(m("scheduled"), "complete", at(0))).toBeNull();
    expect(transitionRefusal(m("ongoing"), "complete", at(-30))).toBeNull();
    // "publish" of a draft does not care about the time.
    expect(transitionRefusal(m("draft"), "publish", at(-100_000))).toBeNull();
  });

  it("edits drafts, scheduled and ongoing meetings; finalizes minutes of ongoing or completed ones", () => {
    expect(ALL.filter(isEditableStatus)).toEqual(["draft", "scheduled", "ongoing"]);
    expect(ALL.filter((s) => canFinalizeMinutes({ status: s }))).toEqual(["ongoing", "completed"]);
  });

  it("opens self check-in an hour before the start and closes it at the end", () => {
    const end = at(180);
    expect(checkInWindow({ startsAt: START, endsAt: end })).toEqual({ opensAt: at(-60), closesAt: end });
  });
});
