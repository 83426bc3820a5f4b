import "server-only";
import { and, asc, eq, gte, ilike, lte, sql, type SQL } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { actionItems, categories, meetings, users, workUnits } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { bindingOf, cappedCountSql, cappedTotal, keyset, type KeyColumn } from "@/lib/pagination";
import { actionItemsVisibleTo, unitsVisibleTo } from "@/lib/scopes";
import { dueSoonSql, overdueSql } from "./overdue";
import type { ListFilters } from "./schemas";

export const ACTION_ITEM_PAGE_SIZE = 25;
/** Exports stop here (a list that large is better filtered first). */
export const EXPORT_LIMIT = 20_000;

/** Visibility and every filter, in SQL. */
function whereOf(user: CurrentUser, f: Partial<ListFilters>): SQL {
  const where: SQL[] = [actionItemsVisibleTo(user)];
  if (f.mine) where.push(eq(actionItems.workUnitId, user.workUnitId));
  if (f.unitId) where.push(eq(actionItems.workUnitId, f.unitId));
  if (f.status) where.push(eq(actionItems.status, f.status));
  if (f.categoryId) where.push(eq(actionItems.categoryId, f.categoryId));
  if (f.meetingId) where.push(eq(actionItems.meetingId, f.meetingId));
  if (f.picUserId) where.push(eq(actionItems.picUserId, f.picUserId));
  if (f.dueFrom) where.push(gte(actionItems.dueDate, f.dueFrom));
  if (f.dueTo) where.push(lte(actionItems.dueDate, f.dueTo));
  if (f.overdue) where.push(overdueSql());
  if (f.dueSoon) where.push(dueSoonSql());
  if (f.q) where.push(ilike(actionItems.title, `%${f.q.replace(/[%_\\]/g, "\\$&")}%`));
  return and(...where)!;
}

const listColumns = {
  id: actionItems.id,
  title: actionItems.title,
  status: actionItems.status,
  progress: actionItems.progress,
  priority: actionItems.priority,
  dueDate: actionItems.dueDate,
  version: actionItems.version,
  workUnitId: actionItems.workUnitId,
  unitName: workUnits.name,
  categoryNameId: categories.nameId,
  categoryNameEn: categories.nameEn,
  picName: users.name,
  meetingTitle: meetings.title,
  createdAt: actionItems.createdAt,
  verifiedAt: actionItems.verifiedAt,
  overdue: sql<boolean>`${overdueSql()}`,
  dueSoon: sql<boolean>`${dueSoonSql()}`,
};

function baseQuery() {
  return db
    .select(listColumns)
    .from(actionItems)
    .innerJoin(workUnits, eq(workUnits.id, actionItems.workUnitId))
    .innerJoin(categories, eq(categories.id, actionItems.categoryId))
    .leftJoin(users, eq(users.id, actionItems.picUserId))
    .leftJoin(meetings, eq(meetings.id, actionItems.meetingId));
}

/** Sort key of the list (earliest due first): a keyset, so page 500 costs what page 1 costs. */
const KEY: KeyColumn[] = [
  { sql: sql`${actionItems.dueDate}`, type: "date" },
  { sql: sql`${actionItems.id}`, type: "uuid" },
];

/** What a cursor of this list is bound to: the filters (visibility is the user's) and the page size. */
const bindingFor = (user: CurrentUser, f: Partial<ListFilters>, limit: number) =>
  bindingOf({ list: "action-items", user: user.id, limit, ...f, cursor: undefined });

/**
 * The follow-ups this user may see, filtered and paginated in SQL (earliest due first) with keyset
 * cursors (`filters.cursor`, from a previous page's nextCursor/prevCursor; a cursor of another
 * list or filter is a 400). `total` counts at most COUNT_CAP rows (`totalCapped` beyond).
 */
export async function listActionItems(user: CurrentUser, filters: Partial<ListFilters>, paging: { limit?: number } = {}) {
  const q = listQueries(user, filters, paging.limit);
  const [items, [count]] = await Promise.all([q.page, rows<{ n: number }>(q.count)]);
  return { ...q.keys.finish(items), ...cappedTotal(count?.n), pageSize: q.limit };
}

/** The page and capped-count queries of the list (exported for EXPLAIN in scripts/explain-scale.ts). */
export function listQueries(user: CurrentUser, filters: Partial<ListFilters>, pageSize?: number) {
  const where = whereOf(user, filters);
  const limit = Math.max(1, Math.min(pageSize ?? ACTION_ITEM_PAGE_SIZE, 100));
  const keys = keyset<ActionItemRow>({
    columns: KEY,
    order: "asc",
    limit,
    cursor: filters.cursor,
    binding: bindingFor(user, filters, limit),
    keyOf: (r) => [r.dueDate, r.id],
  });
  return {
    limit,
    keys,
    /** Visibility and filters over action_items joined with work_units (for the API's own page query). */
    where,
    page: baseQuery().where(and(where, keys.where)).orderBy(keys.orderBy).limit(keys.fetch),
    count: cappedCountSql(sql`from ${actionItems} join ${workUnits} on ${workUnits.id} = ${actionItems.workUnitId} where ${where}`),
  };
}
export type ActionItemRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];

/** The whole filtered list (capped) for an export. */
export async function listForExport(user: CurrentUser, filters: Partial<ListFilters>) {
  return baseQuery()
    .where(whereOf(user, filters))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .limit(EXPORT_LIMIT);
}

/** Options of the filter and create forms: units the user can see items of (their scope), categories. People are searched (lib/pickers.ts). */
export async function listFilterOptions(user: CurrentUser) {
  const scope = unitsVisibleTo(user, sql`${workUnits.id}`);
  const [units, cats] = await Promise.all([
    db.select({ id: workUnits.id, name: workUnits.name }).from(workUnits).where(and(eq(workUnits.active, true), scope)).orderBy(asc(workUnits.name)),
    db.select({ id: categories.id, nameId: categories.nameId, nameEn: categories.nameEn, active: categories.active }).from(categories).orderBy(asc(categories.sortOrder), asc(categories.nameId)),
  ]);
  return { units, categories: cats };
}
