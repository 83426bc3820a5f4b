import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { actionItems } from "@/db/schema";
import { insertItem } from "@/tests/follow-ups";
import { makeUnit } from "@/tests/fixtures";

/**
 * Issue 20: the trigger-maintained figures (db/functions/0[1-3]_follow_up_counts_*.sql) — the
 * on-time count behind the on-time rate, and the days-to-verify histogram behind the median — equal
 * a recount from action_items after statuses change by UPDATE, forwards and back, including an item
 * reported exactly on its due date (the last second of that day in its unit's zone) and one a
 * second later, in each zone: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
 */
const ZONES = [
  ["Asia/Jakarta", 7],
  ["Asia/Makassar", 8],
  ["Asia/Jayapura", 9],
] as const;

/** The instant of a local wall-clock time in a zone with a fixed offset. */
const local = (date: string, time: string, offsetHours: number) => new Date(new Date(`${date}T${time}Z`).getTime() - offsetHours * 3_600_000);

async function figures(unitIds: string[]) {
  const list = sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `);
  const kept = await rows<{ workUnitId: string; status: string; n: number; onTime: number }>(sql`
    select work_unit_id, status, sum(n)::int as n, sum(on_time)::int as on_time from follow_up_counts
     where work_unit_id in (${list}) group by 1, 2 having sum(n) <> 0 or sum(on_time) <> 0 order by 1, 2`);
  const counted = await rows<{ workUnitId: string; status: string; n: number; onTime: number }>(sql`
    select a.work_unit_id, a.status, count(*)::int as n,
           count(*) filter (where a.status = 'verified' and (a.reported_at at time zone w.time_zone)::date <= a.due_date)::int as on_time
      from action_items a join work_units w on w.id = a.work_unit_id
     where a.work_unit_id in (${list}) group by 1, 2 order by 1, 2`);
  const keptDays = await rows<{ workUnitId: string; days: number; n: number }>(sql`
    select work_unit_id, days, sum(n)::int as n from follow_up_verify_days
     where work_unit_id in (${list}) group by 1, 2 having sum(n) <> 0 order by 1, 2`);
  const countedDays = await rows<{ workUnitId: string; days: number; n: number }>(sql`
    select work_unit_id, greatest(0, floor(extract(epoch from verified_at - created_at) / 86400))::int as days, count(*)::int as n
      from action_items where work_unit_id in (${list}) and status = 'verified' and verified_at is not null group by 1, 2 order by 1, 2`);
  return { kept, counted, keptDays, countedDays };
}

describe("summary figures equal a recount after UPDATEs", { timeout: 120_000 }, () => {
  it("on time (reported on the due date, in WIB, WITA and WIT) and days to verify, forwards and back", async () => {
    const units = await Promise.all(ZONES.map(([tz]) => makeUnit({ timeZone: tz })));
    const ids: string[] = [];
    for (const [i, [, offset]] of ZONES.entries()) {
      const unit = units[i]!;
      const created = local("2030-05-01", "09:00:00", offset);
      // Reported on the due date's last second (on time), one second later (late), and early.
      for (const reported of [local("2030-05-10", "23:59:59", offset), local("2030-05-11", "00:00:00", offset), local("2030-05-03", "08:00:00", offset)]) {
        const item = await insertItem({ workUnitId: unit.id, status: "in_progress", dueDate: "2030-05-10", createdAt: created });
        await db.update(actionItems).set({ status: "reported", reportedAt: reported, progress: 100 }).where(eq(actionItems.id, item.id));
        ids.push(item.id);
      }
    }
    const unitIds = units.map((u) => u.id);
    let f = await figures(unitIds);
    expect(f.kept).toEqual(f.counted);

    // Verified 12 days after creation: on time for the first of each zone only.
    await db
      .update(actionItems)
      .set({ status: "verified", verifiedAt: sql`${actionItems.createdAt} + interval '12 days 3 hours'` })
      .where(inArray(actionItems.id, ids));
    f = await figures(unitIds);
    expect(f.kept).toEqual(f.counted);
    expect(f.keptDays).toEqual(f.countedDays);
    const onTime = f.kept.filter((r) => r.status === "verified").map((r) => r.onTime);
    expect(onTime).toEqual([2, 2, 2]);
    expect(f.keptDays.map((d) => d.days)).toEqual([12, 12, 12]);

    // The report date corrected to a day late, a verification undone, another re-dated.
    await db.update(actionItems).set({ reportedAt: sql`${actionItems.reportedAt} + interval '1 day'` }).where(eq(actionItems.id, ids[0]!));
    await db.update(actionItems).set({ status: "in_progress", verifiedAt: null, reportedAt: null, progress: 50 }).where(eq(actionItems.id, ids[3]!));
    await db.update(actionItems).set({ verifiedAt: sql`${actionItems.createdAt} + interval '2 days'` }).where(eq(actionItems.id, ids[6]!));
    f = await figures(unitIds);
    expect(f.kept).toEqual(f.counted);
    expect(f.keptDays).toEqual(f.countedDays);
    const onTimeOf = (unitId: string) => f.kept.find((r) => r.workUnitId === unitId && r.status === "verified")?.onTime;
    expect(unitIds.map(onTimeOf)).toEqual([1, 1, 2]);

    // Deleted items leave the figures too.
    await db.delete(actionItems).where(inArray(actionItems.id, ids.slice(0, 2)));
    f = await figures(unitIds);
    expect(f.kept).toEqual(f.counted);
    expect(f.keptDays).toEqual(f.countedDays);
  });
});
