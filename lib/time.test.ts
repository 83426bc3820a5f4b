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
