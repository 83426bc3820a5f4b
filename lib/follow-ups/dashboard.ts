import { sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
import { can } from "@/lib/permissions";

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
  /** Median days from creation to verification; null when none verified. */
  medianDaysToVerify: number | null;
};
export type UnitAggregate = Aggregate & { unitId: string; unitName: string };
export type CategoryAggregate = Aggregate & { categoryId: string; nameId: string; nameEn: string };
export type TrendPoint = { month: string; created: number; verified: number };

/** The counts, all computed by PostgreSQL over `a` (action_items) joined to `w` (its work unit). */
const aggregates = sql.raw(`
  count(a.id)::int as total,
  (count(*) filter (where a.status = 'open'))::int as open,
  (count(*) filter (where a.status = 'in_progress'))::int as in_progress,
  (count(*) filter (where a.status = 'reported'))::int as reported,
  (count(*) filter (where a.status = 'verified'))::int as verified,
  (count(*) filter (where a.status = 'cancelled'))::int as cancelled,
  (count(*) filter (where a.status not in ('verified','cancelled') and a.due_date < (now() at time zone w.time_zone)::date))::int as overdue,
  round(100.0 * count(*) filter (where a.status = 'verified' and (a.reported_at at time zone w.time_zone)::date <= a.due_date)
        / nullif(count(*) filter (where a.status = 'verified'), 0), 1)::float8 as on_time_rate,
  round((percentile_cont(0.5) within group (order by extract(epoch from (a.verified_at - a.created_at)) / 86400.0)
        filter (where a.status = 'verified'))::numeric, 1)::float8 as median_days`);

type AggRow = {
  total: number;
  open: number;
  in_progress: number;
  reported: number;
  verified: number;
  cancelled: number;
  overdue: number;
  on_time_rate: number | null;
  median_days: number | null;
};
const toAggregate = (r: AggRow): Aggregate => ({
  total: Number(r.total),
  open: Number(r.open),
  inProgress: Number(r.in_progress),
  reported: Number(r.reported),
  verified: Number(r.verified),
  cancelled: Number(r.cancelled),
  overdue: Number(r.overdue),
  onTimeRate: r.on_time_rate === null ? null : Number(r.on_time_rate),
  medianDaysToVerify: r.median_days === null ? null : Number(r.median_days),
});

/** The units whose follow-ups the dashboard covers, as SQL over a unit id column. */
function unitScope(user: CurrentUser, column: SQL): SQL {
  if (user.role === "admin") return sql`true`;
  return sql`${column} in (${sql.join(
    user.scopeUnitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/**
 * The division head's dashboard: per unit, per category, overall and a 12-month trend, every
 * number aggregated in SQL. `unitIds` narrows the scope further (e.g. to one unit's row).
 */
/** The four queries of the dashboard (exported so their plans can be inspected). */
export function dashboardQueries(user: CurrentUser, opts: { unitIds?: string[] } = {}) {
  const inList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const narrow = opts.unitIds?.length ? sql` and a.work_unit_id in (${inList(opts.unitIds)})` : sql``;
  const narrowUnits = opts.unitIds?.length ? sql` and w.id in (${inList(opts.unitIds)})` : sql``;
  const itemScope = sql`${unitScope(user, sql`a.work_unit_id`)}${narrow}`;
  const tz = user.timeZone;
  const since = sql`(date_trunc('month', now() at time zone ${tz}) - interval '11 months') at time zone ${tz}`;
  return {
    units: sql`
      select w.id as unit_id, w.name as unit_name, ${aggregates}
        from work_units w left join action_items a on a.work_unit_id = w.id
       where ${unitScope(user, sql`w.id`)}${narrowUnits}
       group by w.id, w.name, w.kind
      having count(a.id) > 0 or (w.kind = 'technical_unit' and bool_and(w.active))
       order by w.name, w.id`,
    categories: sql`
      select c.id as category_id, c.name_id, c.name_en, ${aggregates}
        from action_items a join work_units w on w.id = a.work_unit_id join categories c on c.id = a.category_id
       where ${itemScope}
       group by c.id, c.name_id, c.name_en, c.sort_order
       order by c.sort_order, c.name_id`,
    overall: sql`
      select ${aggregates}
        from action_items a join work_units w on w.id = a.work_unit_id
       where ${itemScope}`,
    trend: sql`
      with months as (
        select generate_series(date_trunc('month', now() at time zone ${tz}) - interval '11 months',
                               date_trunc('month', now() at time zone ${tz}), interval '1 month') as m
      ),
      c as (
        select date_trunc('month', a.created_at at time zone ${tz}) as m, count(*)::int as n
          from action_items a
         where ${itemScope} and a.created_at >= ${since}
         group by 1
      ),
      v as (
        select date_trunc('month', a.verified_at at time zone ${tz}) as m, count(*)::int as n
          from action_items a
         where ${itemScope} and a.status = 'verified' and a.verified_at >= ${since}
         group by 1
      )
      select to_char(months.m, 'YYYY-MM') as month, coalesce(c.n, 0)::int as created, coalesce(v.n, 0)::int as verified
        from months left join c on c.m = months.m left join v on v.m = months.m
       order by months.m`,
  };
}

/**
 * The division head's dashboard: per unit, per category, overall and a 12-month trend, every
 * number aggregated in SQL. `unitIds` narrows the scope further (e.g. to one unit's row).
 */
export async function getDashboard(user: CurrentUser, opts: { unitIds?: string[] } = {}) {
  if (!can(user, "dashboard.view")) throw new ForbiddenError();
  const q = dashboardQueries(user, opts);
  const [units, cats, [overall], trend] = await Promise.all([
    rows<AggRow & { unit_id: string; unit_name: string }>(q.units),
    rows<AggRow & { category_id: string; name_id: string; name_en: string }>(q.categories),
    rows<AggRow>(q.overall),
    rows<{ month: string; created: number; verified: number }>(q.trend),
  ]);
  return {
    units: units.map((r): UnitAggregate => ({ unitId: r.unit_id, unitName: r.unit_name, ...toAggregate(r) })),
    categories: cats.map((r): CategoryAggregate => ({ categoryId: r.category_id, nameId: r.name_id, nameEn: r.name_en, ...toAggregate(r) })),
    overall: toAggregate(overall!),
    trend: trend.map((r): TrendPoint => ({ month: r.month, created: Number(r.created), verified: Number(r.verified) })),
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
