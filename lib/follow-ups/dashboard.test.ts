import { describe, expect, it } from "vitest";
import { asc, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { actionItems, categories, type ActionItemStatus } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { todayIn } from "@/lib/time";
import { makeDivision, makeUnit, makeUser } from "@/tests/fixtures";
import { getDashboard } from "./dashboard";

const DAY = 86400000;
const STATUSES: ActionItemStatus[] = ["open", "in_progress", "reported", "verified", "cancelled"];

/** A deterministic pseudo-random sequence (the failing seed can be replayed). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const isoInZone = (d: Date, tz: string) => todayIn(tz, d);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = (v.length - 1) / 2;
  return (v[Math.floor(mid)]! + v[Math.ceil(mid)]!) / 2;
}
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

describe("dashboard aggregates", () => {
  it("equal a plain recount on random data", async () => {
    const seed = Date.now() % 100000;
    const random = rng(seed);
    const { division, unitA, unitB } = await makeDivision();
    const unitWita = await makeUnit({ parentId: division.id, timeZone: "Asia/Makassar" });
    const units = [unitA, unitB, unitWita];
    const head = await makeUser("head", division.id);
    const cats = await db.select().from(categories).orderBy(asc(categories.sortOrder));
    const now = Date.now();
    const values = Array.from({ length: 120 }, () => {
      const unit = units[Math.floor(random() * units.length)]!;
      const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
      const createdAt = new Date(now - Math.floor(random() * 400) * DAY - Math.floor(random() * DAY));
      const due = new Date(createdAt.getTime() + Math.floor(random() * 90) * DAY);
      const reportedAt = status === "reported" || status === "verified" ? new Date(createdAt.getTime() + Math.floor(random() * 100) * DAY + 3600000) : null;
      const verifiedAt = status === "verified" ? new Date(reportedAt!.getTime() + Math.floor(random() * 10) * DAY + 7200000) : null;
      return {
        title: "Acak",
        categoryId: cats[Math.floor(random() * cats.length)]!.id,
        workUnitId: unit.id,
        dueDate: isoInZone(due, unit.timeZone),
        status,
        progress: 0,
        cancelReason: status === "cancelled" ? "x" : null,
        createdAt,
        reportedAt,
        verifiedAt,
      };
    });
    await db.insert(actionItems).values(values);

    const dash = await getDashboard(head);
    const rows = await db.select().from(actionItems).where(inArray(actionItems.workUnitId, units.map((u) => u.id)));
    const recount = (items: typeof rows) => {
      const verified = items.filter((i) => i.status === "verified");
      const tzOf = (i: (typeof rows)[number]) => units.find((u) => u.id === i.workUnitId)!.timeZone;
      const onTime = verified.filter((i) => isoInZone(i.reportedAt!, tzOf(i)) <= i.dueDate);
      return {
        total: items.length,
        open: items.filter((i) => i.status === "open").length,
        inProgress: items.filter((i) => i.status === "in_progress").length,
        reported: items.filter((i) => i.status === "reported").length,
        verified: verified.length,
        cancelled: items.filter((i) => i.status === "cancelled").length,
        overdue: items.filter((i) => i.status !== "verified" && i.status !== "cancelled" && i.dueDate < todayIn(tzOf(i))).length,
        onTimeRate: verified.length ? round1((100 * onTime.length) / verified.length) : null,
        medianDaysToVerify: round1(median(verified.map((i) => (i.verifiedAt!.getTime() - i.createdAt.getTime()) / DAY))),
      };
    };
    for (const unit of units) {
      const got = dash.units.find((u) => u.unitId === unit.id);
      expect(got, `seed ${seed}`).toMatchObject(recount(rows.filter((r) => r.workUnitId === unit.id)));
    }
    expect(dash.overall, `seed ${seed}`).toEqual(recount(rows));
    for (const cat of dash.categories) {
      expect(cat, `seed ${seed}`).toMatchObject(recount(rows.filter((r) => r.categoryId === cat.categoryId)));
    }
    expect(dash.categories.reduce((s, c) => s + c.total, 0)).toBe(rows.length);
    // The trend: 12 months, counting creations and verifications in the head's zone.
    expect(dash.trend).toHaveLength(12);
    for (const point of dash.trend) {
      const inMonth = (d: Date | null) => !!d && isoInZone(d, head.timeZone).slice(0, 7) === point.month;
      expect(point.created, `${point.month} seed ${seed}`).toBe(rows.filter((r) => inMonth(r.createdAt)).length);
      expect(point.verified, `${point.month} seed ${seed}`).toBe(rows.filter((r) => r.status === "verified" && inMonth(r.verifiedAt)).length);
    }
  });

  it("is for staff only and covers only their division", async () => {
    const { division, unitA } = await makeDivision();
    const other = await makeDivision();
    await expect(getDashboard(await makeUser("participant", unitA.id))).rejects.toBeInstanceOf(ForbiddenError);
    const dash = await getDashboard(await makeUser("head", division.id));
    expect(dash.units.some((u) => u.unitId === other.unitA.id)).toBe(false);
    expect(dash.units.some((u) => u.unitId === unitA.id)).toBe(true);
  });
});
