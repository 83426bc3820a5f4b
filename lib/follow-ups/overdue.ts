import { sql, type SQL } from "drizzle-orm";
import type { ActionItemStatus } from "@/db/schema";

/**
 * The one overdue (and due-soon) rule, judged in the owner unit's zone: an unfinished follow-up
 * (open, in progress or reported) whose due date is before today there. A SQL fragment and a
 * TypeScript twin; lib/follow-ups/overdue.test.ts checks that they agree.
 */

/** Not finished yet. Keep the SQL a literal list: the partial indexes on action_items match it. */
export const UNFINISHED_STATUSES = ["open", "in_progress", "reported"] as const satisfies readonly ActionItemStatus[];
/** The list's "due soon": due today or within this many days. */
export const DUE_SOON_DAYS = 7;

/** Not finished (open, in progress or reported), over an action_items row `item`. */
export const unfinishedSql = (item: SQL) => sql`${item}.status in ('open', 'in_progress', 'reported')`;

/** Today's date in a zone (a text or column expression), as SQL. */
export const todaySql = (timeZone: SQL) => sql`(now() at time zone ${timeZone})::date`;

/** `dueDate` before `today` (both date expressions): for queries that already select unfinished items and computed today. */
export const pastDueSql = (dueDate: SQL, today: SQL) => sql`${dueDate} < ${today}`;

/** Overdue, over an action_items row `item` (default the table) whose unit's zone is `timeZone` (default work_units.time_zone). */
export function overdueSql(item: SQL = sql.raw('"action_items"'), timeZone: SQL = sql.raw('"work_units"."time_zone"')): SQL {
  return sql`(${unfinishedSql(item)} and ${pastDueSql(sql`${item}.due_date`, todaySql(timeZone))})`;
}

/** Due today or in the next DUE_SOON_DAYS days, not finished. */
export function dueSoonSql(item: SQL = sql.raw('"action_items"'), timeZone: SQL = sql.raw('"work_units"."time_zone"')): SQL {
  const today = todaySql(timeZone);
  return sql`(${unfinishedSql(item)} and ${item}.due_date >= ${today} and ${item}.due_date <= ${today} + ${DUE_SOON_DAYS}::int)`;
}

type Due = { status: ActionItemStatus; dueDate: string };
const unfinished = (status: ActionItemStatus) => (UNFINISHED_STATUSES as readonly string[]).includes(status);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The TypeScript twin of overdueSql; `today` is YYYY-MM-DD in the owner unit's zone (todayIn(unit zone)). */
export const isOverdue = (item: Due, today: string) => unfinished(item.status) && item.dueDate < today;

/** The TypeScript twin of dueSoonSql. */
export const isDueSoon = (item: Due, today: string) => unfinished(item.status) && item.dueDate >= today && item.dueDate <= addDays(today, DUE_SOON_DAYS);
