import { describe, expect, it } from "vitest";
import {
  INT4_MAX,
  emptyToNull,
  emptyToUndefined,
  isoDate,
  localMinutesBetween,
  oneLine,
  parseDateTime,
  requiredId,
  safeText,
  searchText,
  strictDate,
  strictInstant,
  strictLocalDateTime,
  versionFromIfMatch,
  versionInput,
  versionNumber,
  yearInRange,
} from "./input";

/** The edges of the input rules (what mutation testing showed untested): each limit and message, both sides. */
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe("input rules at their edges", () => {
  it("takes the last minute, second, hour, day and month there is, and refuses the next", () => {
    expect(parseDateTime("2031-12-31T23:59:59", "local")).toMatchObject({ month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 0, offsetMinutes: null });
    for (const bad of ["2031-13-01T00:00", "2031-00-10T00:00", "2031-01-32T00:00", "2031-01-00T00:00", "2031-01-01T24:00", "2031-01-01T00:60", "2031-01-01T00:00:60"]) {
      expect(parseDateTime(bad, "local"), bad).toBeNull();
    }
    expect(parseDateTime("2031-01-01T07:08", "local")).toMatchObject({ hour: 7, minute: 8, second: 0 });
    expect(parseDateTime("2031-01-01", "date")).toMatchObject({ hour: 0, minute: 0, second: 0 });
    expect(parseDateTime("x2031-01-01", "date")).toBeNull();
    expect(parseDateTime("2031-01-01x", "date")).toBeNull();
    expect(parseDateTime("x2031-01-01T07:08", "local")).toBeNull();
    expect(parseDateTime("2031-01-01T07:08x", "local")).toBeNull();
  });

  it("reads offsets from -14:00 to +14:00, Z in either case, and fractions of a second to the millisecond", () => {
    expect(parseDateTime("2031-01-01T07:08:09.5z", "instant")).toMatchObject({ millisecond: 500, offsetMinutes: 0 });
    expect(parseDateTime("2031-01-01T07:08:09.123456Z", "instant")).toMatchObject({ millisecond: 123 });
    expect(parseDateTime("2031-01-01T07:08+14:00", "instant")).toMatchObject({ second: 0, millisecond: 0, offsetMinutes: 840 });
    expect(parseDateTime("2031-01-01T07:08-03:30", "instant")).toMatchObject({ offsetMinutes: -210 });
    expect(parseDateTime("2031-01-01T07:08+05:59", "instant")).toMatchObject({ offsetMinutes: 359 });
    expect(parseDateTime("2031-01-01T07:08+15:00", "instant")).toBeNull();
    expect(parseDateTime("2031-01-01T07:08+05:60", "instant")).toBeNull();
    expect(parseDateTime("x2031-01-01T07:08Z", "instant")).toBeNull();
    expect(parseDateTime("2031-01-01T07:08Zx", "instant")).toBeNull();
  });

  it("accepts the years 2000 to 2100, no other", () => {
    expect([1999, 2000, 2100, 2101].map(yearInRange)).toEqual([false, true, true, false]);
  });

  it("counts minutes between wall-clock values whatever follows the minutes, and NaN when either is not one", () => {
    expect(localMinutesBetween("2031-01-01T09:00:59", "2031-01-01T10:30:01")).toBe(90);
    expect(localMinutesBetween("2031-01-01T09:00", "2031-01-02T09:00")).toBe(1440);
    expect(localMinutesBetween("nonsense", "2031-01-01T10:30")).toBeNaN();
    expect(localMinutesBetween("2031-01-01T10:30", "nonsense")).toBeNaN();
  });

  it("reads If-Match versions with or without W/ and quotes, with a content tag, up to the largest integer", () => {
    const cases: [string | null, number | null][] = [
      [null, null],
      ["3", 3],
      ['"3"', 3],
      ['W/"3"', 3],
      [' W/"3-ab_C9" ', 3],
      [`"3-${"a".repeat(40)}"`, 3],
      [`"3-${"a".repeat(41)}"`, null],
      ['"3-"', null],
      ['"3-a!"', null],
      ['x"3"', null],
      ['"3"x', null],
      ["1234567890", 1234567890],
      ["12345678901", null],
      [String(INT4_MAX), INT4_MAX],
      [String(INT4_MAX + 1), null],
      ["", null],
    ];
    for (const [header, version] of cases) expect(versionFromIfMatch(header), String(header)).toBe(version);
  });

  it("keeps versions within 1 … 2^31-1, from JSON and from forms", () => {
    expect(versionInput.safeParse("1").success).toBe(true);
    expect(versionInput.safeParse(String(INT4_MAX)).success).toBe(true);
    for (const bad of ["0", String(INT4_MAX + 1), "1.5", "x"]) expect(versionInput.safeParse(bad).success, bad).toBe(false);
    expect(messages(versionNumber().safeParse("3"))).toEqual(["errors.invalid"]);
    expect(messages(versionNumber("v").safeParse(0))).toEqual(["v"]);
    expect(versionNumber().safeParse(INT4_MAX).success).toBe(true);
  });

  it("says which problem text has, with the default messages or the caller's", () => {
    expect(messages(safeText(5).safeParse(42))).toEqual(["errors.invalid"]);
    expect(messages(safeText(5).safeParse("abcdef"))).toEqual(["errors.textTooLong"]);
    expect(messages(safeText(5, { invalid: "x.invalid", tooLong: "x.long" }).safeParse(42))).toEqual(["x.invalid"]);
    expect(messages(safeText(5, { tooLong: "x.long" }).safeParse("abcdef"))).toEqual(["x.long"]);
    expect(messages(safeText(9).safeParse("a\u0007b"))).toEqual(["errors.controlChars"]);
    expect(safeText(5).parse("  abc  ")).toBe("abc");
    expect(oneLine("  Rakor \r\n  Pusat\t ")).toBe("Rakor Pusat");
    expect(searchText(5).parse("  a\u0000bcdefgh ")).toBe("a bcd");
    expect(searchText().parse(` ${"x".repeat(250)}`)).toHaveLength(200);
  });

  it("names the date and date-time problems with their messages", () => {
    expect(messages(strictDate().safeParse("2031-02-30"))).toEqual(["errors.invalidDate"]);
    expect(messages(strictDate().safeParse(5))).toEqual(["errors.invalidDate"]);
    expect(messages(strictDate().safeParse("1999-12-31"))).toEqual(["errors.yearRange"]);
    expect(strictDate().parse(" 2031-02-28 ")).toBe("2031-02-28");
    expect(messages(isoDate().safeParse(undefined))).toEqual(["errors.required"]);
    expect(messages(isoDate().safeParse("31/12/2031"))).toEqual(["errors.invalidDate"]);
    expect(messages(isoDate("x.date").safeParse("31/12/2031"))).toEqual(["x.date"]);
    expect(isoDate().parse("2031-12-31")).toBe("2031-12-31");
    expect(messages(strictLocalDateTime().safeParse("2031-02-30T09:00"))).toEqual(["errors.invalidDateTime"]);
    expect(messages(strictLocalDateTime().safeParse(5))).toEqual(["errors.invalidDateTime"]);
    expect(strictLocalDateTime().parse(" 2031-02-28T09:00:30 ")).toBe("2031-02-28T09:00");
    expect(messages(strictInstant().safeParse(5))).toEqual(["errors.invalidDateTime"]);
    expect(messages(strictInstant().safeParse("2031-02-28T09:00"))).toEqual(["errors.invalidDateTime"]);
    expect(strictInstant().parse(" 2031-02-28T09:00Z ")).toBe("2031-02-28T09:00Z");
  });

  it("treats a missing value, null and blank text as nothing entered", () => {
    expect([undefined, null, "", "  ", "a", 0, false].map(emptyToNull)).toEqual([null, null, null, null, "a", 0, false]);
    expect([undefined, null, "", " \t", " a ", 0].map(emptyToUndefined)).toEqual([undefined, undefined, undefined, undefined, " a ", 0]);
  });

  it("asks for a required id, then for a real one", () => {
    expect(messages(requiredId().safeParse(undefined))).toEqual(["errors.required"]);
    expect(messages(requiredId().safeParse("   "))).toEqual(["errors.required"]);
    expect(messages(requiredId().safeParse("unit-7"))).toEqual(["errors.invalid"]);
    expect(messages(requiredId("errors.unknownUnit").safeParse("unit-7"))).toEqual(["errors.unknownUnit"]);
    expect(requiredId().parse(" 5f0c4a2e-1b2c-4d3e-8f9a-0b1c2d3e4f5a ")).toBe("5f0c4a2e-1b2c-4d3e-8f9a-0b1c2d3e4f5a");
  });
});
