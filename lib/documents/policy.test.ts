import { describe, expect, it } from "vitest";
import { can } from "@/lib/permissions";
import { actor, DIV, LAPAS, MALANG, meeting, OTHER_DIV } from "@/tests/policy";
import { MEETING_FILES } from "./render";

describe("who may download a meeting's records (attendance list, minutes, exports)", () => {
  it("staff who see the meeting; never participants, not even of an invited unit", () => {
    expect(can(actor("secretariat", DIV), "meeting.records", meeting("draft"))).toBe(true);
    expect(can(actor("head", DIV), "meeting.records", meeting("completed"))).toBe(true);
    expect(can(actor("admin", LAPAS), "meeting.records", meeting("draft"))).toBe(true);
    expect(can(actor("participant", MALANG), "meeting.records", meeting("completed"))).toBe(false);
    // Staff of another division: only for published meetings inviting a unit of theirs.
    expect(can(actor("head", OTHER_DIV), "meeting.records", meeting("scheduled"))).toBe(false);
    expect(can(actor("head", OTHER_DIV), "meeting.records", meeting("scheduled", [LAPAS]))).toBe(true);
    expect(can(actor("head", OTHER_DIV), "meeting.records", meeting("draft", [LAPAS]))).toBe(false);
  });

  it("gives the calendar entry and the invitation letter to everyone who sees the meeting", () => {
    const files = Object.entries(MEETING_FILES);
    expect(files.filter(([, f]) => f.action === "meeting.view").map(([k]) => k)).toEqual(["ics", "invitation"]);
    expect(files.filter(([, f]) => f.action === "meeting.records").map(([k]) => k)).toEqual(["attendance", "minutes", "attendanceCsv", "attendanceXlsx", "matrixXlsx", "invitationDocx", "attendanceDocx", "minutesDocx"]);
  });
});
