import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { holidays } from "@/db/schema";
import { addHoliday, deleteHoliday, holidaysFor, listHolidaysForAdmin } from "@/lib/offices/holidays";
import { makeDivision, makeUnit, makeUser } from "@/tests/fixtures";
import { dateWarnings } from "./date-warnings";

const now = new Date("2026-12-08T02:00:00Z"); // Tuesday 09:00 WIB

describe("a meeting's date that asks for a confirmation", () => {
  it("in the past, on a weekend, on a holiday of its office or a national one; a working day in the future asks nothing", () => {
    const list = [
      { date: "2027-12-25", name: "Hari Raya Natal", officeUnitId: null },
      { date: "2027-01-11", name: "HUT Kanwil", officeUnitId: "office-a" },
    ];
    expect(dateWarnings("2026-12-08T08:00", "Asia/Jakarta", "office-a", list, now)).toEqual([{ kind: "past" }]);
    expect(dateWarnings("2026-12-08T10:00", "Asia/Jakarta", "office-a", list, now)).toEqual([]);
    // 09:30 WITA is 08:30 WIB: already past.
    expect(dateWarnings("2026-12-08T09:30", "Asia/Makassar", "office-a", list, now)).toEqual([{ kind: "past" }]);
    expect(dateWarnings("2027-12-25T09:00", "Asia/Jakarta", "office-a", list, now)).toEqual([
      { kind: "weekend", day: "saturday" },
      { kind: "holiday", name: "Hari Raya Natal" },
    ]);
    expect(dateWarnings("2027-01-10T09:00", "Asia/Jakarta", "office-a", list, now)).toEqual([{ kind: "weekend", day: "sunday" }]);
    expect(dateWarnings("2027-01-11T09:00", "Asia/Jakarta", "office-a", list, now)).toEqual([{ kind: "holiday", name: "HUT Kanwil" }]);
    // Another office's own holiday is not this office's.
    expect(dateWarnings("2027-01-11T09:00", "Asia/Jakarta", "office-b", list, now)).toEqual([]);
  });
});

describe("holidays as office settings", () => {
  it("the national holidays of 2026 and 2027 are there from the migration; an admin adds and removes an office's own", async () => {
    const { division } = await makeDivision();
    const admin = await makeUser("admin", division.id);
    const secretariat = await makeUser("secretariat", division.id);
    const national = await holidaysFor([], "2026-01-01", "2027-12-31");
    expect(national.length).toBeGreaterThanOrEqual(30);
    expect(national).toContainEqual({ date: "2026-08-17", name: "Hari Proklamasi Kemerdekaan RI", officeUnitId: null });
    expect(national).toContainEqual({ date: "2027-12-25", name: "Hari Raya Natal", officeUnitId: null });

    const own = await addHoliday(admin, { date: "2027-02-15", name: "Cuti bersama kantor", officeUnitId: division.id });
    expect((await holidaysFor([division.id], "2027-02-15", "2027-02-15")).map((h) => h.name)).toEqual(["Cuti bersama kantor"]);
    const other = await makeUnit({ kind: "division" });
    expect(await holidaysFor([other.id], "2027-02-15", "2027-02-15")).toEqual([]);
    // The same office and date twice: a message on the date, not a 500.
    await expect(addHoliday(admin, { date: "2027-02-15", name: "Lagi", officeUnitId: division.id })).rejects.toMatchObject({ fieldErrors: { date: ["offices.holidays.taken"] } });
    await expect(addHoliday(admin, { date: "", name: "", officeUnitId: "" })).rejects.toMatchObject({ fieldErrors: { date: expect.any(Array), name: expect.any(Array) } });
    // Not an office (a unit below one).
    const { unitA } = await makeDivision();
    await expect(addHoliday(admin, { date: "2027-02-16", name: "X", officeUnitId: unitA.id })).rejects.toMatchObject({ fieldErrors: { officeUnitId: ["offices.errors.notOffice"] } });
    // Only admins.
    await expect(addHoliday(secretariat, { date: "2027-02-17", name: "X", officeUnitId: "" })).rejects.toThrow();
    await expect(listHolidaysForAdmin(secretariat, "2026-01-01")).rejects.toThrow();
    expect((await listHolidaysForAdmin(admin, "2027-02-15")).some((h) => h.id === own.id && h.officeName === division.name)).toBe(true);
    await deleteHoliday(admin, own.id);
    expect(await db.$count(holidays, undefined)).toBeGreaterThan(0);
    expect(await holidaysFor([division.id], "2027-02-15", "2027-02-15")).toEqual([]);
  });
});
