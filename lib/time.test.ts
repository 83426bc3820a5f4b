import { describe, expect, it } from "vitest";
import { formatDateTime, formatRange, formatRangeWithReference, formatTimeWithReference, instantToZonedLocal, referenceZone, todayIn, zonedLocalToInstant } from "./time";

describe("time in Indonesian zones", () => {
  const article = new Date("2018-11-09T02:00:00Z");

  it("formats the article's rakor the way an Indonesian letter does", () => {
    expect(formatDateTime(article, "Asia/Jakarta")).toBe("Jumat, 9 November 2018, 09.00 WIB");
    expect(formatDateTime(article, "Asia/Makassar")).toBe("Jumat, 9 November 2018, 10.00 WITA");
    expect(formatDateTime(article, "Asia/Jayapura")).toBe("Jumat, 9 November 2018, 11.00 WIT");
    expect(formatDateTime(article, "Asia/Jakarta", "en")).toBe("Friday, 9 November 2018, 09:00 WIB");
  });

  it("formats a range on one day with one date", () => {
    expect(formatRange(article, new Date("2018-11-09T05:00:00Z"), "Asia/Jakarta")).toBe(
      "Jumat, 9 November 2018, 09.00–12.00 WIB",
    );
  });

  it("turns a wall-clock time in a zone into the instant and back", () => {
    expect(zonedLocalToInstant("2018-11-09T09:00", "Asia/Jakarta").toISOString()).toBe("2018-11-09T02:00:00.000Z");
    expect(zonedLocalToInstant("2018-11-09T09:00", "Asia/Jayapura").toISOString()).toBe("2018-11-09T00:00:00.000Z");
    expect(instantToZonedLocal(article, "Asia/Makassar")).toBe("2018-11-09T10:00");
    expect(Number.isNaN(zonedLocalToInstant("nonsense", "Asia/Jakarta").getTime())).toBe(true);
  });

  it("knows the date in the zone, not in UTC", () => {
    expect(todayIn("Asia/Jakarta", new Date("2026-11-28T18:00:00Z"))).toBe("2026-11-29");
    expect(todayIn("Asia/Jakarta", new Date("2026-11-28T16:00:00Z"))).toBe("2026-11-28");
  });
});

describe("time: what mutation testing showed untested", () => {
  it("formats calendar dates without a zone, ranges across days with both dates, and times per language", async () => {
    const { formatCalendarDate, formatTime, formatDate, zoneLabel } = await import("./time");
    expect(formatCalendarDate("2031-03-10")).toBe("10 Maret 2031");
    expect(formatCalendarDate("2031-03-10", "en")).toBe("10 March 2031");
    expect(formatTime(new Date("2018-11-09T02:05:00Z"), "Asia/Jakarta")).toBe("09.05 WIB");
    expect(formatTime(new Date("2018-11-09T02:05:00Z"), "Asia/Jakarta", "en")).toBe("09:05 WIB");
    expect(formatDate(new Date("2018-11-09T02:05:00Z"), "Asia/Jayapura", "en")).toBe("Friday, 9 November 2018");
    expect(formatRange(new Date("2018-11-09T02:00:00Z"), new Date("2018-11-10T05:00:00Z"), "Asia/Jakarta")).toBe(
      "Jumat, 9 November 2018, 09.00 WIB – Sabtu, 10 November 2018, 12.00 WIB",
    );
    expect(formatRange(new Date("2018-11-09T02:00:00Z"), new Date("2018-11-09T05:30:00Z"), "Asia/Makassar", "en")).toBe("Friday, 9 November 2018, 10:00–13:30 WITA");
    expect(zoneLabel("Europe/Paris")).toBe("Europe/Paris");
  });

  it("reads only a whole wall-clock value at the start of the text, in a known zone", () => {
    expect(Number.isNaN(zonedLocalToInstant("2018-11-09T09:0", "Asia/Jakarta").getTime())).toBe(true);
    expect(Number.isNaN(zonedLocalToInstant("x2018-11-09T09:00", "Asia/Jakarta").getTime())).toBe(true);
    expect(Number.isNaN(zonedLocalToInstant("2018-11-09T09:00", "Europe/Paris").getTime())).toBe(true);
    expect(zonedLocalToInstant("2018-11-09T09:45:59", "Asia/Makassar").toISOString()).toBe("2018-11-09T01:45:00.000Z");
    expect(instantToZonedLocal(new Date("2018-11-09T02:00:00Z"), "Europe/Paris")).toBe("2018-11-09T02:00");
  });
});

describe("a meeting's time with the office's or the viewer's zone beside it", () => {
  // 09.00 WITA on the article's day = 08.00 WIB = 10.00 WIT.
  const start = new Date("2018-11-09T01:00:00Z");
  const end = new Date("2018-11-09T04:00:00Z");

  it("writes 09.00 WITA (08.00 WIB) for a WITA meeting of a WIB office, and nothing extra in one zone", () => {
    expect(formatTimeWithReference(start, "Asia/Makassar", "Asia/Jakarta")).toBe("09.00 WITA (08.00 WIB)");
    expect(formatTimeWithReference(start, "Asia/Jayapura", "Asia/Jakarta")).toBe("10.00 WIT (08.00 WIB)");
    expect(formatTimeWithReference(start, "Asia/Jakarta", "Asia/Makassar")).toBe("08.00 WIB (09.00 WITA)");
    expect(formatTimeWithReference(start, "Asia/Makassar", "Asia/Makassar")).toBe("09.00 WITA");
    expect(formatTimeWithReference(start, "Asia/Makassar", null)).toBe("09.00 WITA");
    expect(formatTimeWithReference(start, "Asia/Makassar", "Asia/Jakarta", "en")).toBe("09:00 WITA (08:00 WIB)");
  });

  it("writes a range with the date once and the other zone's times", () => {
    expect(formatRangeWithReference(start, end, "Asia/Makassar", "Asia/Jakarta")).toBe("Jumat, 9 November 2018, 09.00–12.00 WITA (08.00–11.00 WIB)");
    expect(formatRangeWithReference(start, end, "Asia/Jayapura", "Asia/Jakarta")).toBe("Jumat, 9 November 2018, 10.00–13.00 WIT (08.00–11.00 WIB)");
    expect(formatRangeWithReference(start, end, "Asia/Jakarta", "Asia/Jakarta")).toBe("Jumat, 9 November 2018, 08.00–11.00 WIB");
  });

  it("gives the other zone's date when the day there is another", () => {
    // 00.30 WIT on Saturday 1 March 2025 is still Friday 22.30 WIB.
    const late = new Date("2025-02-28T15:30:00Z");
    expect(formatTimeWithReference(late, "Asia/Jayapura", "Asia/Jakarta")).toBe("00.30 WIT (Jumat, 28 Februari 2025, 22.30 WIB)");
    expect(formatRangeWithReference(late, new Date("2025-02-28T17:00:00Z"), "Asia/Jayapura", "Asia/Jakarta")).toBe(
      "Sabtu, 1 Maret 2025, 00.30–02.00 WIT (Jumat, 28 Februari 2025, 22.30 WIB – Sabtu, 1 Maret 2025, 00.00 WIB)",
    );
    // 23.30 WIB on Friday is already Saturday 01.30 WIT: the WIT reader gets Saturday's date.
    const evening = new Date("2025-02-28T16:30:00Z");
    expect(formatTimeWithReference(evening, "Asia/Jakarta", "Asia/Jayapura")).toBe("23.30 WIB (Sabtu, 1 Maret 2025, 01.30 WIT)");
    // The last minute before midnight WITA is the same day in WIB.
    expect(formatTimeWithReference(new Date("2025-02-28T15:59:00Z"), "Asia/Makassar", "Asia/Jakarta")).toBe("23.59 WITA (22.59 WIB)");
  });

  it("picks the first zone that differs from the meeting's as the reference", () => {
    expect(referenceZone("Asia/Makassar", "Asia/Makassar", "Asia/Jakarta")).toBe("Asia/Jakarta");
    expect(referenceZone("Asia/Makassar", "Asia/Jayapura", "Asia/Jakarta")).toBe("Asia/Jayapura");
    expect(referenceZone("Asia/Jakarta", "Asia/Jakarta", null, undefined)).toBeNull();
    expect(referenceZone("Asia/Jakarta", "Europe/Paris")).toBeNull();
  });
});
