import { describe, expect, inject, it } from "vitest";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { actionItems, categories, overdueCutoffs, type ActionItemStatus } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { todayIn } from "@/lib/time";
import { makeDivision, makeUnit, makeUser } from "@/tests/fixtures";
import { advanceOverdueCutoffs, compactFollowUpCounts, getDashboard, medianOfHistogram } from "./dashboard";

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
const cancelledOf = (items: { status: string }[]) => items.filter((i) => i.status === "cancelled").length;
/** Every row of the dashboard adds up: total = the five statuses; completion = verified ÷ (total − cancelled). */
function expectConsistent(a: { total: number; open: number; inProgress: number; reported: number; verified: number; cancelled: number; completionRate: number | null }, label: string) {
  expect(a.open + a.inProgress + a.reported + a.verified + a.cancelled, label).toBe(a.total);
  expect(a.completionRate, label).toBe(a.total - a.cancelled > 0 ? round1((100 * a.verified) / (a.total - a.cancelled)) : null);
}

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
        medianDaysToVerify: round1(median(verified.map((i) => Math.max(0, Math.floor((i.verifiedAt!.getTime() - i.createdAt.getTime()) / DAY))))),
        completionRate: items.length - cancelledOf(items) ? round1((100 * verified.length) / (items.length - cancelledOf(items))) : null,
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
    for (const row of [...dash.units, ...dash.categories, dash.overall]) expectConsistent(row, `seed ${seed}`);
    // The trend: 12 months, counting creations and verifications in each unit's own zone.
    expect(dash.trend).toHaveLength(12);
    for (const point of dash.trend) {
      const inMonth = (r: (typeof rows)[number], d: Date | null) => !!d && isoInZone(d, units.find((u) => u.id === r.workUnitId)!.timeZone).slice(0, 7) === point.month;
      expect(point.created, `${point.month} seed ${seed}`).toBe(rows.filter((r) => inMonth(r, r.createdAt)).length);
      expect(point.verified, `${point.month} seed ${seed}`).toBe(rows.filter((r) => r.status === "verified" && inMonth(r, r.verifiedAt)).length);
    }
  });

  it("stays current as follow-ups are created, change status, move and are deleted (the summary is kept by the same transactions)", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const head = await makeUser("head", division.id);
    const cats = await db.select().from(categories).orderBy(asc(categories.sortOrder));
    const random = rng(7);
    const inserted = await db
      .insert(actionItems)
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          title: `Ringkasan ${i}`,
          categoryId: cats[i % 3]!.id,
          workUnitId: i % 2 ? unitA.id : unitB.id,
          dueDate: "2099-01-01",
        })),
      )
      .returning({ id: actionItems.id });
    const ids = inserted.map((r) => r.id);
    const check = async (label: string) => {
      const dash = await getDashboard(head);
      const items = await db.select().from(actionItems).where(inArray(actionItems.workUnitId, [unitA.id, unitB.id]));
      for (const unit of [unitA, unitB]) {
        const mine = items.filter((i) => i.workUnitId === unit.id);
        const got = dash.units.find((u) => u.unitId === unit.id)!;
        expect(got, label).toMatchObject({
          total: mine.length,
          open: mine.filter((i) => i.status === "open").length,
          inProgress: mine.filter((i) => i.status === "in_progress").length,
          verified: mine.filter((i) => i.status === "verified").length,
          cancelled: mine.filter((i) => i.status === "cancelled").length,
        });
        expectConsistent(got, label);
      }
      expectConsistent(dash.overall, label);
      // The 12-month trend (from follow_up_months) follows the same changes.
      const zoneOf = (unitId: string) => (unitId === unitA.id ? unitA : unitB).timeZone;
      for (const point of dash.trend) {
        const inMonth = (i: (typeof items)[number], d: Date | null) => !!d && isoInZone(d, zoneOf(i.workUnitId)).slice(0, 7) === point.month;
        expect(point.created, `${label} ${point.month}`).toBe(items.filter((i) => inMonth(i, i.createdAt)).length);
        expect(point.verified, `${label} ${point.month}`).toBe(items.filter((i) => i.status === "verified" && inMonth(i, i.verifiedAt)).length);
      }
    };
    await check("after insert");
    for (let step = 0; step < 30; step++) {
      const id = ids[Math.floor(random() * ids.length)]!;
      const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
      await db
        .update(actionItems)
        .set({
          status,
          cancelReason: status === "cancelled" ? "x" : null,
          reportedAt: status === "verified" || status === "reported" ? new Date() : null,
          verifiedAt: status === "verified" ? new Date() : null,
          workUnitId: random() < 0.2 ? (random() < 0.5 ? unitA.id : unitB.id) : undefined,
          categoryId: random() < 0.2 ? cats[Math.floor(random() * 3)]!.id : undefined,
        })
        .where(inArray(actionItems.id, random() < 0.3 ? ids.slice(0, 5) : [id]));
    }
    await check("after updates");
    await db.delete(actionItems).where(inArray(actionItems.id, ids.slice(0, 7)));
    await check("after deletes");
    await compactFollowUpCounts();
    await check("after compaction");
  });

  it("counts overdue items exactly whatever the units' cutoffs, as items change and the job moves the cutoffs", async () => {
    const random = rng(Date.now() % 100000);
    const { division, unitA } = await makeDivision();
    const unitWit = await makeUnit({ parentId: division.id, timeZone: "Asia/Jayapura" });
    const units = [unitA, unitWit];
    const head = await makeUser("head", division.id);
    const cats = await db.select().from(categories).orderBy(asc(categories.sortOrder));
    const dayOffset = (unitZone: string, days: number) => isoInZone(new Date(Date.now() + days * DAY), unitZone);
    const unfinished = ["open", "in_progress", "reported"];
    const inserted = await db
      .insert(actionItems)
      .values(
        Array.from({ length: 60 }, (_, i) => {
          const unit = units[i % 2]!;
          const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
          return {
            title: `Terlambat ${i}`,
            categoryId: cats[i % 3]!.id,
            workUnitId: unit.id,
            dueDate: dayOffset(unit.timeZone, Math.floor(random() * 21) - 10),
            status,
            cancelReason: status === "cancelled" ? "x" : null,
          };
        }),
      )
      .returning({ id: actionItems.id });
    const ids = inserted.map((r) => r.id);
    const check = async (label: string) => {
      const dash = await getDashboard(head);
      const items = await db.select().from(actionItems).where(inArray(actionItems.workUnitId, units.map((u) => u.id)));
      const overdue = (list: typeof items) =>
        list.filter((i) => unfinished.includes(i.status) && i.dueDate < todayIn(units.find((u) => u.id === i.workUnitId)!.timeZone)).length;
      for (const unit of units) expect(dash.units.find((u) => u.unitId === unit.id)!.overdue, `${label}: ${unit.timeZone}`).toBe(overdue(items.filter((i) => i.workUnitId === unit.id)));
      for (const cat of dash.categories) expect(cat.overdue, `${label}: category`).toBe(overdue(items.filter((i) => i.categoryId === cat.categoryId)));
      expect(dash.overall.overdue, label).toBe(overdue(items));
      expect(dash.overall.overdue, label).toBeGreaterThan(0);
    };
    /** Puts a unit's cutoff at `date` with its summary recounted, as if the job had last run then (or the unit's zone had been ahead). */
    const setCutoff = async (unitId: string, date: string) => {
      await db.execute(sql`delete from follow_up_overdue where work_unit_id = ${unitId}`);
      await db.execute(sql`update overdue_cutoffs set cutoff = ${date}::date where work_unit_id = ${unitId}`);
      await db.execute(sql`
        insert into follow_up_overdue (work_unit_id, category_id, n)
        select work_unit_id, category_id, count(*) from action_items
         where work_unit_id = ${unitId} and status in ('open', 'in_progress', 'reported') and due_date < ${date}::date group by 1, 2`);
    };
    const cutoffOf = async (unitId: string) =>
      (await rows<{ c: string }>(sql`select cutoff::text as c from overdue_cutoffs where work_unit_id = ${unitId}`))[0]?.c;

    // A new unit starts with nothing counted: the dashboard reads the index range up to today.
    expect(await cutoffOf(unitWit.id)).toBe("-infinity");
    await check("new units");
    expect(await advanceOverdueCutoffs()).toBeGreaterThanOrEqual(2);
    expect(await cutoffOf(unitWit.id)).toBe(todayIn(unitWit.timeZone));
    await check("after the job");
    const change = async (label: string) => {
      for (let step = 0; step < 15; step++) {
        const id = ids[Math.floor(random() * ids.length)]!;
        const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
        const unit = units[Math.floor(random() * 2)]!;
        await db
          .update(actionItems)
          .set({
            status,
            cancelReason: status === "cancelled" ? "x" : null,
            dueDate: random() < 0.5 ? dayOffset(unit.timeZone, Math.floor(random() * 21) - 10) : undefined,
            workUnitId: random() < 0.3 ? unit.id : undefined,
            categoryId: random() < 0.3 ? cats[Math.floor(random() * 3)]!.id : undefined,
          })
          .where(inArray(actionItems.id, random() < 0.3 ? ids.slice(step, step + 4) : [id]));
      }
      await db.update(actionItems).set({ progress: 50 }).where(inArray(actionItems.id, ids.slice(0, 10)));
      await check(label);
    };
    await change("after changes");
    // The job last ran five days ago for one unit; the other's cutoff is a day ahead of its today
    // (the unit moved to a zone behind after the job ran).
    await setCutoff(unitA.id, dayOffset(unitA.timeZone, -5));
    await setCutoff(unitWit.id, dayOffset(unitWit.timeZone, 1));
    await check("stale and ahead cutoffs");
    await change("changes with stale and ahead cutoffs");
    await db.delete(actionItems).where(inArray(actionItems.id, ids.slice(50)));
    await check("after deletes");
    await advanceOverdueCutoffs();
    expect(await cutoffOf(unitA.id)).toBe(todayIn(unitA.timeZone));
    expect(await cutoffOf(unitWit.id)).toBe(todayIn(unitWit.timeZone));
    await check("after the job again");
    await compactFollowUpCounts();
    await check("after compaction");
    const [{ n }] = (await rows<{ n: number }>(sql`select count(*)::int as n from follow_up_overdue where work_unit_id = ${unitA.id} group by category_id order by 1 desc limit 1`)) as [{ n: number }];
    expect(n, "one row per unit and category after compaction").toBe(1);
  });

  it.skipIf(!inject("unitDatabaseUrl"))("moves cutoffs without waiting on a writer: a unit being written to is left for the next run", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const [cat] = await db.select().from(categories).limit(1);
    await advanceOverdueCutoffs();
    await db.execute(sql`update overdue_cutoffs set cutoff = cutoff - 2 where work_unit_id in (${unitA.id}, ${unitB.id})`);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const writing = new Promise<void>((r) => (inserted = r));
    // A writer's open transaction on unitA (the trigger holds unitA's cutoff row FOR KEY SHARE).
    const writer = db.transaction(async (tx) => {
      await tx.insert(actionItems).values({ title: "Sedang ditulis", categoryId: cat!.id, workUnitId: unitA.id, dueDate: "2020-01-01" });
      inserted();
      await held;
    });
    await writing;
    const t0 = Date.now();
    await advanceOverdueCutoffs();
    expect(Date.now() - t0, "the job did not wait for the writer").toBeLessThan(2000);
    const cut = async (id: string) => (await db.select().from(overdueCutoffs).where(eq(overdueCutoffs.workUnitId, id)))[0]!.cutoff;
    expect(await cut(unitB.id)).toBe(todayIn(unitB.timeZone));
    expect(await cut(unitA.id)).not.toBe(todayIn(unitA.timeZone));
    release();
    await writer;
    await advanceOverdueCutoffs();
    expect(await cut(unitA.id)).toBe(todayIn(unitA.timeZone));
    const dash = await getDashboard(await makeUser("head", division.id));
    expect(dash.units.find((u) => u.unitId === unitA.id)!.overdue).toBe(1);
  });

  it("takes the median of a histogram as the middle value, or the mean of the two middle ones", () => {
    expect(medianOfHistogram(new Map())).toBeNull();
    expect(medianOfHistogram(new Map([[4, 1]]))).toBe(4);
    expect(medianOfHistogram(new Map([[1, 1], [9, 1]]))).toBe(5);
    expect(medianOfHistogram(new Map([[3, 2], [1, 1], [10, 1]]))).toBe(3);
    expect(medianOfHistogram(new Map([[2, 3], [7, 3], [5, 0], [8, -1]]))).toBe(4.5);
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
