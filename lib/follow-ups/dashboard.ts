import "server-only";
import { asc, sql, type SQL } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { categories } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { unitsOverseenBy, uuidArray } from "@/lib/scopes";
import { overdueSql } from "./overdue";

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
      select ${groupOf} as grp, work_unit_id, category_id,
             coalesce(sum(n), 0)::int as total,
             coalesce(sum(n) filter (where status = 'open'), 0)::int as open,
             coalesce(sum(n) filter (where status = 'in_progress'), 0)::int as in_progress,
             coalesce(sum(n) filter (where status = 'reported'), 0)::int as reported,
             coalesce(sum(n) filter (where status = 'verified'), 0)::int as verified,
             coalesce(sum(n) filter (where status = 'cancelled'), 0)::int as cancelled,
             coalesce(sum(on_time), 0)::int as on_time
        from follow_up_counts
       where ${unitScope(user, sql`work_unit_id`, opts.unitIds)}
       group by ${groupingSets}`,
    overdue: sql`
      select ${groupOf} as grp, work_unit_id, category_id, count(*)::int as n
        from (select a.work_unit_id, a.category_id
                from work_units w join action_items a on a.work_unit_id = w.id
               where ${unitScope(user, sql`w.id`, opts.unitIds)}
                 and ${overdueSql(sql.raw("a"), sql.raw("w.time_zone"))}) o
       group by ${groupingSets}`,
    // The median of whole days from creation to verification, read from the histogram
    // followUpVerifyDays: the value at the middle position(s) of the cumulative counts.
    median: sql`
      with h as (
        select ${groupOf} as grp, work_unit_id, category_id, days, sum(n)::bigint as c
          from follow_up_verify_days
         where ${unitScope(user, sql`work_unit_id`, opts.unitIds)}
         group by grouping sets ((work_unit_id, days), (category_id, days), (days))
        having sum(n) > 0
      ), cum as (
        select grp, work_unit_id, category_id, days,
               sum(c) over (partition by grp, work_unit_id, category_id order by days) as upto,
               sum(c) over (partition by grp, work_unit_id, category_id) as total
          from h
      )
      select grp, work_unit_id, category_id,
             ((min(days) filter (where upto > floor((total - 1) / 2.0)) + min(days) filter (where upto > ceil((total - 1) / 2.0))) / 2.0)::float8 as median
        from cum
       group by grp, work_unit_id, category_id`,
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
  };
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
  const q = dashboardQueries(user, opts);
  const [counts, overdue, medians, trend, units, cats] = await Promise.all([
    rows<Grouped & AggRow>(q.counts),
    rows<Grouped & { n: number }>(q.overdue),
    rows<Grouped & { median: number | null }>(q.median),
    rows<{ month: string; created: number; verified: number }>(q.trend),
    rows<{ id: string; name: string; kind: string; active: boolean }>(q.units),
    db.select({ id: categories.id, nameId: categories.nameId, nameEn: categories.nameEn }).from(categories).orderBy(asc(categories.sortOrder), asc(categories.nameId)),
  ]);
  const key = (r: Grouped) => `${r.grp}:${r.workUnitId ?? r.categoryId ?? ""}`;
  const countBy = new Map(counts.map((r) => [key(r), r]));
  const extraBy = new Map<string, Extra>();
  const extra = (k: string) => extraBy.get(k) ?? (extraBy.set(k, { overdue: 0, median: null }), extraBy.get(k)!);
  for (const r of overdue) extra(key(r)).overdue = Number(r.n);
  for (const r of medians) extra(key(r)).median = r.median === null ? null : Number(r.median);
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
 * Folds the delta rows of follow_up_counts, follow_up_verify_days and follow_up_months into one row per group,
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
    )
    select ((select count(*) from gone) + (select count(*) from gone_days) + (select count(*) from gone_months))::int as n`,
    handle,
  );
  return Number(r?.n ?? 0);
}
