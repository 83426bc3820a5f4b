import { describe, expect, it } from "vitest";
import { formatDateTime, formatRange, instantToZonedLocal, todayIn, zonedLocalToInstant } from "./time";

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
