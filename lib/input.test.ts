import { describe, expect, it } from "vitest";
import {
  INT4_MAX,
  controlCharProblem,
  localMinutesBetween,
  oneLine,
  pageNumber,
  parseDateTime,
  partsToInstant,
  safeText,
  strictDate,
  strictInstant,
  strictLocalDateTime,
  versionFromIfMatch,
  versionNumber,
} from "./input";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe("the one strict date parser", () => {
  it("refuses dates and times that do not exist instead of rolling them over", () => {
    expect(parseDateTime("2027-02-30", "date")).toBeNull();
    expect(parseDateTime("2027-02-28T25:61", "local")).toBeNull();
    expect(parseDateTime("2027-13-01", "date")).toBeNull();
    expect(parseDateTime("2024-02-29", "date")).not.toBeNull(); // a leap day
    expect(parseDateTime("2023-02-29", "date")).toBeNull();
    expect(parseDateTime("2027-02-28T23:59:60+07:00", "instant")).toBeNull();
    expect(parseDateTime("2027-02-28T10:00:00+15:00", "instant")).toBeNull();
    expect(parseDateTime("2027-02-28T10:00", "instant")).toBeNull(); // an instant needs its offset
  });

  it("reads an instant with its offset", () => {
    const p = parseDateTime("2018-11-09T09:00:00+07:00", "instant")!;
    expect(partsToInstant(p).toISOString()).toBe("2018-11-09T02:00:00.000Z");
    expect(partsToInstant(parseDateTime("2018-11-09T02:00:00.5Z", "instant")!).toISOString()).toBe("2018-11-09T02:00:00.500Z");
  });

  it("gives impossible dates and years outside 2000–2100 their own field messages", () => {
    expect(messages(strictDate("bad").safeParse("2027-02-30"))).toEqual(["bad"]);
    expect(messages(strictDate("bad").safeParse("0000-01-01"))).toEqual(["errors.yearRange"]);
    expect(messages(strictLocalDateTime("bad").safeParse("2027-02-30T25:61"))).toEqual(["bad"]);
    expect(messages(strictInstant("bad").safeParse("2160-01-01T00:00:00Z"))).toEqual(["errors.yearRange"]);
    expect(strictLocalDateTime().parse("2018-11-09T09:00:00")).toBe("2018-11-09T09:00");
  });

  it("measures wall-clock spans", () => {
    expect(localMinutesBetween("2018-11-09T09:00", "2018-11-16T09:00")).toBe(7 * 24 * 60);
    expect(localMinutesBetween("2018-11-09T09:00", "2018-11-09T08:00")).toBe(-60);
  });
});

describe("safe text", () => {
  it("refuses NUL and control characters, and line breaks in single-line fields", () => {
    const line = safeText(50);
    const para = safeText(50, { multiline: true });
    expect(messages(line.safeParse("Rakor\u0000"))).toEqual(["errors.controlChars"]);
    expect(messages(line.safeParse("Rakor\r\nBEGIN:VEVENT"))).toEqual(["errors.lineBreak"]);
    expect(messages(line.safeParse("a\u2028b"))).toEqual(["errors.lineBreak"]);
    expect(messages(para.safeParse("line 1\r\nline 2\tok"))).toEqual([]);
    expect(messages(para.safeParse("bell\u0007"))).toEqual(["errors.controlChars"]);
    expect(line.parse("  Rakor Pelayanan Publik  ")).toBe("Rakor Pelayanan Publik");
    expect(controlCharProblem("Ruang Rapat Lt. 2")).toBeNull();
  });

  it("makes one clean line for headers and calendar names", () => {
    expect(oneLine("Rakor\r\nBEGIN:VEVENT\u202e\u0000x")).toBe("Rakor BEGIN:VEVENT x");
  });
});

describe("numbers the database can hold", () => {
  it("range-checks versions in bodies and If-Match", () => {
    expect(versionNumber().safeParse(INT4_MAX).success).toBe(true);
    expect(versionNumber().safeParse(INT4_MAX + 1).success).toBe(false);
    expect(versionNumber().safeParse(0).success).toBe(false);
    expect(versionNumber().safeParse(1.5).success).toBe(false);
    expect(versionFromIfMatch('W/"3"')).toBe(3);
    expect(versionFromIfMatch('"2147483648"')).toBeNull();
    expect(versionFromIfMatch("abc")).toBeNull();
    expect(versionFromIfMatch(null)).toBeNull();
  });

  it("reads page numbers defensively", () => {
    expect(pageNumber("3")).toBe(3);
    expect(pageNumber("999999999999999999999")).toBe(1);
    expect(pageNumber("20000")).toBe(10_000);
    expect(pageNumber("-1")).toBe(1);
    expect(pageNumber(undefined)).toBe(1);
  });
});
