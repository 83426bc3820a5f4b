import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { unitsOverseenBy, uuidArray } from "@/lib/scopes";
import { todaySql, unfinishedSql } from "./overdue";

export type Aggregate = {
  total: number;
  open: number;
  inProgress: number;
  reported: number;
  verified: number;
  cancelled: number;
  overdue: number;
  /** Share (0..100) of verified items reported done on or before their due date; null when none verified. */
  onTimeRate: number | null;
  /** Median of the whole days from creation to verification; null when none verified. */
  medianDaysToVerify: number | null;
  /** Share (0..100, one decimal) of the items not cancelled that are verified; null when there are none. */
  completionRate: number | null;
};
export type UnitAggregate = Aggregate & { unitId: string; unitName: string };
export type CategoryAggregate = Aggregate & { categoryId: string; nameId: string; nameEn: string };
export type TrendPoint = { month: string; created: number; verified: number };

type AggRow = {
  total: number | string;
  open: number | string;
  inProgress: number | string;
  reported: number | string;
  verified: number | string;
  cancelled: number | string;
  onTime: number | string;
};
type Extra = { overdue: number; median: number | null };

const rate = (part: number, whole: number) => (whole > 0 ? Math.round(((100 * part) / whole) * 10) / 10 : null);

const toAggregate = (r: AggRow | undefined, extra: Extra | undefined): Aggregate => {
  const verified = Number(r?.verified ?? 0);
  const total = Number(r?.total ?? 0);
  const cancelled = Number(r?.cancelled ?? 0);
  return {
    total,
    open: Number(r?.open ?? 0),
    inProgress: Number(r?.inProgress ?? 0),
    reported: Number(r?.reported ?? 0),
    verified,
    cancelled,
    overdue: extra?.overdue ?? 0,
    onTimeRate: rate(Number(r?.onTime ?? 0), verified),
    medianDaysToVerify: extra?.median ?? null,
    completionRate: rate(verified, total - cancelled),
  };
};

/** The units whose follow-ups the dashboard covers (those the user oversees, optionally narrowed), as SQL over a unit id column. */
function unitScope(user: CurrentUser, column: SQL, unitIds?: string[]): SQL {
  const narrow = unitIds?.length ? sql` and ${column} = any(${uuidArray(unitIds)})` : sql``;
  return sql`${unitsOverseenBy(user, column)}${narrow}`;
}

/** Which grouping a row of a GROUPING SETS query belongs to. */
const UNIT = 1;
const CATEGORY = 2;
const OVERALL = 3;
const groupingSets = sql.raw(`grouping sets ((work_unit_id), (category_id), ())`);
const groupOf = sql.raw(`case when grouping(work_unit_id) = 0 then ${UNIT} when grouping(category_id) = 0 then ${CATEGORY} else ${OVERALL} end`);

/**
 * The four queries of the dashboard (exported so their plans can be inspected):
 * - counts: per status from follow_up_counts (kept current by triggers), per unit, per category
 *   and overall in one pass (GROUPING SETS) — a few hundred rows whatever the table's size;
 * - overdue: open items past their due date in their unit's zone (partial index per unit, index only);
 * - the median of whole days from creation to verification, from the histogram follow_up_verify_days;
 * - the 12-month trend of items created and verified (each in its unit's zone), from follow_up_months.
 */
export function dashboardQueries(user: CurrentUser, opts: { unitIds?: string[] } = {}) {
  const tz = user.timeZone;
  return {
    counts: sql`
      select ${groupOf} as grp, work_unit_id as "workUnitId", category_id as "categoryId",
             coalesce(sum(n), 0)::int as total,
             coalesce(sum(n) filter (where status = 'open'), 0)::int as open,
             coalesce(sum(n) filter (where status = 'in_progress'), 0)::int as "inProgress",
             coalesce(sum(n) filter (where status = 'reported'), 0)::int as reported,
             coalesce(sum(n) filter (where status = 'verified'), 0)::int as verified,
             coalesce(sum(n) filter (where status = 'cancelled'), 0)::int as cancelled,
             coalesce(sum(on_time), 0)::int as "onTime"
        from follow_up_counts
       where ${unitScope(user, sql`work_unit_id`, opts.unitIds)}
       group by ${groupingSets}`,
    // Overdue: the delta rows of follow_up_overdue (unfinished items due before each unit's cutoff)
    // plus the items due between the cutoff and today in the unit's zone (an index range, usually
    // empty: the reminders job moves the cutoffs to today), minus those due between today and a
    // cutoff ahead of it (a unit moved to a zone behind). See overdueCutoffs in the schema.
    overdue: sql`
      select ${groupOf} as grp, work_unit_id as "workUnitId", category_id as "categoryId", sum(n)::int as n
        from (select o.work_unit_id, o.category_id, o.n
                from follow_up_overdue o
               where ${unitScope(user, sql`o.work_unit_id`, opts.unitIds)}
              union all
              select a.work_unit_id, a.category_id, case when a.due_date < g.today then 1 else -1 end
                from (select w.id, coalesce(c.cutoff, '-infinity'::date) as cutoff, ${todaySql(sql.raw("w.time_zone"))} as today
                        from work_units w left join overdue_cutoffs c on c.work_unit_id = w.id
                       where ${unitScope(user, sql`w.id`, opts.unitIds)}) g
                join action_items a on a.work_unit_id = g.id
                 and ${unfinishedSql(sql.raw("a"))}
                 and a.due_date >= least(g.cutoff, g.today) and a.due_date < greatest(g.cutoff, g.today)) o
       group by ${groupingSets}`,
    // The verification-days histogram rows of the scope (a few per unit and category); the medians
    // per unit, per category and overall are taken from it in TypeScript (medianOfHistogram), which
    // costs less than sorting and windowing the grouping sets in SQL.
    histogram: sql`
      select work_unit_id as "workUnitId", category_id as "categoryId", array_agg(days) as days, array_agg(n) as n
        from follow_up_verify_days
       where ${unitScope(user, sql`work_unit_id`, opts.unitIds)}
       group by work_unit_id, category_id`,
    // Read from follow_up_months (a dozen rows per unit; each month in the unit's own zone).
    trend: sql`
      with months as (
        select generate_series(date_trunc('month', now() at time zone ${tz}) - interval '11 months',
                               date_trunc('month', now() at time zone ${tz}), interval '1 month')::date as m
      ),
      s as (
        select month as m, sum(created)::int as created, sum(verified)::int as verified
          from follow_up_months
         where ${unitScope(user, sql`work_unit_id`, opts.unitIds)}
           and month >= (select min(m) from months)
         group by month
      )
      select to_char(months.m, 'YYYY-MM') as month, coalesce(s.created, 0)::int as created, coalesce(s.verified, 0)::int as verified
        from months left join s on s.m = months.m
       order by months.m`,
    /** The scope's units to list: those with follow-ups, and every active technical unit. */
    units: sql`
      select w.id, w.name, w.kind, w.active
        from work_units w
       where ${unitScope(user, sql`w.id`, opts.unitIds)}
       order by w.name, w.id`,
    categories: sql`select id, name_id as "nameId", name_en as "nameEn" from categories order by sort_order, name_id`,
  };
}

/**
 * The median of a histogram (value → count): the middle value, or the mean of the two middle
 * values when the count is even; null when it is empty. Counts that sum to zero or less are ignored.
 */
export function medianOfHistogram(h: ReadonlyMap<number, number>): number | null {
  const entries = [...h].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  // 0-based positions of the middle element(s).
  const lo = Math.floor((total - 1) / 2);
  const hi = Math.ceil((total - 1) / 2);
  let seen = 0;
  let low: number | null = null;
  for (const [value, n] of entries) {
    seen += n;
    if (low === null && seen > lo) low = value;
    if (seen > hi) return (low! + value) / 2;
  }
  return null;
}

/** The dashboard's queries as one statement (one round trip): each part a JSON array, in its own order. */
export function dashboardStatement(user: CurrentUser, opts: { unitIds?: string[] } = {}): SQL {
  const q = dashboardQueries(user, opts);
  const part = (query: SQL) => sql`(select coalesce(json_agg(x), '[]'::json) from (${query}) x)`;
  return sql`
    select ${part(q.counts)} as counts, ${part(q.overdue)} as overdue, ${part(q.histogram)} as histogram,
           ${part(q.trend)} as trend, ${part(q.units)} as units, ${part(q.categories)} as cats`;
}

type Grouped = { grp: number; workUnitId: string | null; categoryId: string | null };

/**
 * The division head's dashboard: per unit, per category, overall and a 12-month trend, every
 * number aggregated in SQL. For every row, total = open + in progress + reported + verified +
 * cancelled, and completionRate = verified ÷ (total − cancelled). `unitIds` narrows the scope
 * further (e.g. to one unit's row).
 */
export async function getDashboard(user: CurrentUser, opts: { unitIds?: string[] } = {}) {
  if (!can(user, "dashboard.view")) throw new ForbiddenError();
  const [all] = await rows<{
    counts: (Grouped & AggRow)[];
    overdue: (Grouped & { n: number })[];
    histogram: { workUnitId: string; categoryId: string; days: number[]; n: number[] }[];
    trend: { month: string; created: number; verified: number }[];
    units: { id: string; name: string; kind: string; active: boolean }[];
    cats: { id: string; nameId: string; nameEn: string }[];
  }>(dashboardStatement(user, opts));
  const { counts, overdue, histogram, trend, units, cats } = all!;
  const key = (r: Grouped) => `${r.grp}:${r.workUnitId ?? r.categoryId ?? ""}`;
  const countBy = new Map(counts.map((r) => [key(r), r]));
  const extraBy = new Map<string, Extra>();
  const extra = (k: string) => extraBy.get(k) ?? (extraBy.set(k, { overdue: 0, median: null }), extraBy.get(k)!);
  for (const r of overdue) extra(key(r)).overdue = Number(r.n);
  // Histograms per unit, per category and overall, summed from the (delta) rows.
  const histograms = new Map<string, Map<number, number>>();
  const add = (k: string, days: number, n: number) => {
    let h = histograms.get(k);
    if (!h) histograms.set(k, (h = new Map()));
    h.set(days, (h.get(days) ?? 0) + n);
  };
  for (const r of histogram) {
    const unitKey = `${UNIT}:${r.workUnitId}`;
    const categoryKey = `${CATEGORY}:${r.categoryId}`;
    r.days.forEach((d, i) => {
      const days = Number(d);
      const n = Number(r.n[i]);
      add(unitKey, days, n);
      add(categoryKey, days, n);
      add(`${OVERALL}:`, days, n);
    });
  }
  for (const [k, h] of histograms) {
    const m = medianOfHistogram(h);
    if (m !== null) extra(k).median = m;
  }
  const agg = (grp: number, id: string) => toAggregate(countBy.get(`${grp}:${id}`), extraBy.get(`${grp}:${id}`));
  return {
    units: units
      .map((u) => ({ row: { unitId: u.id, unitName: u.name, ...agg(UNIT, u.id) } satisfies UnitAggregate, listed: u.kind === "technical_unit" && u.active }))
      .filter(({ row, listed }) => row.total > 0 || listed)
      .map(({ row }) => row),
    categories: cats
      .map((c): CategoryAggregate => ({ categoryId: c.id, nameId: c.nameId, nameEn: c.nameEn, ...agg(CATEGORY, c.id) }))
      .filter((c) => c.total > 0),
    overall: agg(OVERALL, ""),
    trend: trend.map((r): TrendPoint => ({ month: r.month, created: Number(r.created), verified: Number(r.verified) })),
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/**
 * Folds the delta rows of follow_up_counts, follow_up_verify_days, follow_up_months and follow_up_overdue into one row per group,
 * dropping groups that sum to zero. Run by the reminders job; concurrent writers keep appending
 * meanwhile (rows inserted after this statement's snapshot are left for the next run).
 */
export async function compactFollowUpCounts(handle: DbOrTx = db): Promise<number> {
  const [r] = await rows<{ n: number }>(
    sql`
    with dup as (
      select work_unit_id, category_id, status from follow_up_counts group by 1, 2, 3
      having count(*) > 1 or (sum(n) = 0 and sum(on_time) = 0)
    ), gone as (
      delete from follow_up_counts f using dup
       where f.work_unit_id = dup.work_unit_id and f.category_id = dup.category_id and f.status = dup.status
      returning f.*
    ), kept as (
      insert into follow_up_counts (work_unit_id, category_id, status, n, on_time)
      select work_unit_id, category_id, status, sum(n), sum(on_time) from gone group by 1, 2, 3
      having sum(n) <> 0 or sum(on_time) <> 0
      returning 1
    ), dup_days as (
      select work_unit_id, category_id, days from follow_up_verify_days group by 1, 2, 3
      having count(*) > 1 or sum(n) = 0
    ), gone_days as (
      delete from follow_up_verify_days f using dup_days d
       where f.work_unit_id = d.work_unit_id and f.category_id = d.category_id and f.days = d.days
      returning f.*
    ), kept_days as (
      insert into follow_up_verify_days (work_unit_id, category_id, days, n)
      select work_unit_id, category_id, days, sum(n) from gone_days group by 1, 2, 3
      having sum(n) <> 0
      returning 1
    ), dup_months as (
      select work_unit_id, month from follow_up_months group by 1, 2
      having count(*) > 1 or (sum(created) = 0 and sum(verified) = 0)
    ), gone_months as (
      delete from follow_up_months f using dup_months d
       where f.work_unit_id = d.work_unit_id and f.month = d.month
      returning f.*
    ), kept_months as (
      insert into follow_up_months (work_unit_id, month, created, verified)
      select work_unit_id, month, sum(created), sum(verified) from gone_months group by 1, 2
      having sum(created) <> 0 or sum(verified) <> 0
      returning 1
    ), dup_overdue as (
      select work_unit_id, category_id from follow_up_overdue group by 1, 2
      having count(*) > 1 or sum(n) = 0
    ), gone_overdue as (
      delete from follow_up_overdue f using dup_overdue d
       where f.work_unit_id = d.work_unit_id and f.category_id = d.category_id
      returning f.*
    ), kept_overdue as (
      insert into follow_up_overdue (work_unit_id, category_id, n)
      select work_unit_id, category_id, sum(n) from gone_overdue group by 1, 2
      having sum(n) <> 0
      returning 1
    )
    select ((select count(*) from gone) + (select count(*) from gone_days) + (select count(*) from gone_months)
            + (select count(*) from gone_overdue))::int as n`,
    handle,
  );
  return Number(r?.n ?? 0);
}

/**
 * Moves every unit's overdue cutoff to today in the unit's zone, adding to follow_up_overdue the
 * unfinished items that fell due in between (or taking back those due from a new today up to an old
 * cutoff ahead of it, after a zone change). A unit whose cutoff row a writer holds right now is
 * skipped until the next run (SKIP LOCKED): the job never waits on, or deadlocks with, a user's
 * transaction. Run by the reminders job (and after the scale seed); the dashboard is exact without
 * it, only slower. Returns the number of units moved.
 */
export async function advanceOverdueCutoffs(): Promise<number> {
  return db.transaction(async (tx) => {
    const locked = await rows<{ id: string; today: string }>(
      sql`
      select c.work_unit_id as id, to_char(${todaySql(sql.raw("w.time_zone"))}, 'YYYY-MM-DD') as today
        from overdue_cutoffs c join work_units w on w.id = c.work_unit_id
       where c.cutoff <> ${todaySql(sql.raw("w.time_zone"))}
       order by c.work_unit_id
         for update of c skip locked`,
      tx,
    );
    if (locked.length === 0) return 0;
    // Each unit's today as read above (a zone edited meanwhile waits for the next run).
    const moved = sql`unnest(${uuidArray(locked.map((r) => r.id))}, ${`{${locked.map((r) => r.today).join(",")}}`}::date[]) as l(id, today)`;
    await rows(
      sql`
      insert into follow_up_overdue (work_unit_id, category_id, n)
      select a.work_unit_id, a.category_id, sum(case when l.today > c.cutoff then 1 else -1 end)::int
        from ${moved}
        join overdue_cutoffs c on c.work_unit_id = l.id
        join action_items a on a.work_unit_id = l.id and ${unfinishedSql(sql.raw("a"))}
         and a.due_date >= least(c.cutoff, l.today) and a.due_date < greatest(c.cutoff, l.today)
       group by 1, 2`,
      tx,
    );
    await rows(sql`update overdue_cutoffs c set cutoff = l.today from ${moved} where c.work_unit_id = l.id`, tx);
    return locked.length;
  });
}
