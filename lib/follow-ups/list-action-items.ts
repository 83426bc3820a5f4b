import { and, asc, count, eq, gte, ilike, lte, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { actionItems, categories, meetings, users, workUnits } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { dueSoonSql, overdueSql, visibleTo } from "./access";
import type { ListFilters } from "./schemas";

export const ACTION_ITEM_PAGE_SIZE = 25;
/** Exports stop here (a list that large is better filtered first). */
export const EXPORT_LIMIT = 20_000;

/** Visibility and every filter, in SQL. */
function whereOf(user: CurrentUser, f: Partial<ListFilters>): SQL {
  const where: SQL[] = [visibleTo(user)];
  if (f.mine) where.push(eq(actionItems.workUnitId, user.workUnitId));
  if (f.unitId) where.push(eq(actionItems.workUnitId, f.unitId));
  if (f.status) where.push(eq(actionItems.status, f.status));
  if (f.categoryId) where.push(eq(actionItems.categoryId, f.categoryId));
  if (f.meetingId) where.push(eq(actionItems.meetingId, f.meetingId));
  if (f.picUserId) where.push(eq(actionItems.picUserId, f.picUserId));
  if (f.dueFrom) where.push(gte(actionItems.dueDate, f.dueFrom));
  if (f.dueTo) where.push(lte(actionItems.dueDate, f.dueTo));
  if (f.overdue) where.push(overdueSql);
  if (f.dueSoon) where.push(dueSoonSql);
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
  overdue: sql<boolean>`${overdueSql}`,
  dueSoon: sql<boolean>`${dueSoonSql}`,
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

/** The follow-ups this user may see, filtered and paginated in SQL (earliest due first). */
export async function listActionItems(user: CurrentUser, filters: Partial<ListFilters>, paging?: { limit: number; offset: number }) {
  const where = whereOf(user, filters);
  const page = Math.max(1, filters.page ?? 1);
  const limit = Math.min(paging?.limit ?? ACTION_ITEM_PAGE_SIZE, 100);
  const offset = paging?.offset ?? (page - 1) * ACTION_ITEM_PAGE_SIZE;
  const [items, [total]] = await Promise.all([
    baseQuery()
      .where(where)
      .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(actionItems).innerJoin(workUnits, eq(workUnits.id, actionItems.workUnitId)).where(where),
  ]);
  return { items, total: total?.n ?? 0, page, pageSize: ACTION_ITEM_PAGE_SIZE };
}
export type ActionItemRow = Awaited<ReturnType<typeof listActionItems>>["items"][number];

/** The whole filtered list (capped) for an export. */
export async function listForExport(user: CurrentUser, filters: Partial<ListFilters>) {
  return baseQuery()
    .where(whereOf(user, filters))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .limit(EXPORT_LIMIT);
}

/** Options for the filter form: units and people the user can see items of, categories. */
export async function listFilterOptions(user: CurrentUser) {
  const scope = user.role === "admin" ? sql`true` : user.role === "participant" ? sql`${workUnits.id} = ${user.workUnitId}` : sql`(${workUnits.id} = ${user.workUnitId} or ${workUnits.id} in (${sql.join(user.scopeUnitIds.map((id) => sql`${id}::uuid`), sql`, `)}))`;
  const [units, cats, people] = await Promise.all([
    db.select({ id: workUnits.id, name: workUnits.name }).from(workUnits).where(and(eq(workUnits.active, true), scope)).orderBy(asc(workUnits.name)),
    db.select({ id: categories.id, nameId: categories.nameId, nameEn: categories.nameEn, active: categories.active }).from(categories).orderBy(asc(categories.sortOrder), asc(categories.nameId)),
    db
      .select({ id: users.id, name: users.name, workUnitId: users.workUnitId })
      .from(users)
      .innerJoin(workUnits, eq(workUnits.id, users.workUnitId))
      .where(and(eq(users.active, true), scope))
      .orderBy(asc(users.name)),
  ]);
  return { units, categories: cats, people };
}
