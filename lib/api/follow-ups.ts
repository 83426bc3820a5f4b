import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { db, rows } from "@/db/client";
import { actionItems, workUnits } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { createActionItem } from "@/lib/follow-ups/create-action-item";
import { getDashboard } from "@/lib/follow-ups/dashboard";
import { editActionItemPlan } from "@/lib/follow-ups/edit-action-item";
import { getActionItem } from "@/lib/follow-ups/get-action-item";
import { listQueries } from "@/lib/follow-ups/list-action-items";
import { cappedCountSql, cappedTotal } from "@/lib/pagination";
import { syncKeyset } from "./sync";
import { transitionActionItem, updateProgress } from "@/lib/follow-ups/workflow";
import { isDueSoon, isOverdue } from "@/lib/follow-ups/overdue";
import { todayIn } from "@/lib/time";
import { dueSoonSql, loadVisibleItem, overdueSql, resourceOf } from "@/lib/follow-ups/access";
import { can } from "@/lib/permissions";
import { assertVersion, withCurrent } from "./meetings";
import type * as r from "./resources";
import type * as s from "./schemas";

type Ctx = { ip?: string | null };
type Out<T extends z.ZodType> = z.output<T>;

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

type ItemRow = { i: typeof actionItems.$inferSelect; workUnitName: string; overdue: boolean; dueSoon: boolean };

function toPublicActionItem({ i, workUnitName, overdue, dueSoon }: ItemRow): Out<typeof r.ActionItem> {
  return {
    id: i.id,
    meetingId: i.meetingId,
    decisionId: i.decisionId,
    title: i.title,
    description: i.description,
    categoryId: i.categoryId,
    workUnitId: i.workUnitId,
    workUnitName,
    picUserId: i.picUserId,
    dueDate: i.dueDate,
    priority: i.priority,
    status: i.status,
    progress: i.progress,
    overdue: Boolean(overdue),
    dueSoon: Boolean(dueSoon),
    version: i.version,
    updatedAt: iso(i.updatedAt),
  };
}

/** The public follow-up's columns (action_items joined with its unit). */
const itemColumns = () => ({ i: actionItems, workUnitName: workUnits.name, overdue: overdueSql.mapWith(Boolean), dueSoon: dueSoonSql.mapWith(Boolean) });

/** Follow-ups by id in their public shape (the caller has checked visibility), in the ids' order. */
export async function publicActionItems(ids: readonly string[]): Promise<Out<typeof r.ActionItem>[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select(itemColumns())
    .from(actionItems)
    .innerJoin(workUnits, eq(workUnits.id, actionItems.workUnitId))
    .where(inArray(actionItems.id, [...ids]));
  const byId = new Map(found.map((row): [string, Out<typeof r.ActionItem>] => [row.i.id, toPublicActionItem(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function publicActionItem(id: string) {
  const [item] = await publicActionItems([id]);
  if (!item) throw new NotFoundError();
  return item;
}

/**
 * The list as the API shows it: the page of public follow-ups and its capped count in ONE statement
 * (the count an uncorrelated subquery, evaluated once), with the UI list's visibility, filters and
 * keyset cursors.
 */
export async function apiListActionItems(user: CurrentUser, q: z.output<typeof s.actionItemsQuery>): Promise<Out<typeof r.ActionItemPage>> {
  const filters = { unitId: q.unitId, status: q.status, categoryId: q.categoryId, meetingId: q.meetingId, picUserId: q.picUserId, overdue: q.overdue ?? false, dueFrom: q.dueFrom, dueTo: q.dueTo };
  // ?updatedSince=: the sync order (updated_at, id) with its own cursor instead of the list's (due date, id).
  const sync = q.updatedSince
    ? syncKeyset(sql`${actionItems}`, q.updatedSince, { cursor: q.cursor, limit: q.limit, binding: { list: "action-items", user: user.id, ...filters } })
    : null;
  const lists = listQueries(user, { ...filters, cursor: sync ? undefined : q.cursor }, q.limit);
  const keys = sync ?? lists.keys;
  const where = sync ? and(lists.where, sync.since)! : lists.where;
  const count = sync ? cappedCountSql(sql`from ${actionItems} join ${workUnits} on ${workUnits.id} = ${actionItems.workUnitId} where ${where}`) : lists.count;
  const found = await db
    .select({ ...itemColumns(), syncAt: sync ? sync.syncAt : sql<string>`null`, capped: sql<number>`(${count})`.mapWith(Number) })
    .from(actionItems)
    .innerJoin(workUnits, eq(workUnits.id, actionItems.workUnitId))
    .where(and(where, keys.where))
    .orderBy(keys.orderBy)
    .limit(keys.fetch);
  // The keyset reads each row's sort key (due date, or syncAt in the sync order) and id.
  type PageRow = (typeof found)[number] & { id: string; dueDate: string };
  const page = (keys.finish as (rows: unknown[]) => unknown)(found.map((row) => ({ ...row, id: row.i.id, dueDate: row.i.dueDate }))) as {
    items: PageRow[];
    nextCursor: string | null;
    prevCursor: string | null;
  };
  // An empty page carries no count: count on its own then.
  const n = found[0]?.capped ?? Number((await rows<{ n: number }>(count))[0]?.n ?? 0);
  return { items: page.items.map(toPublicActionItem), ...cappedTotal(n), nextCursor: page.nextCursor, prevCursor: page.prevCursor };
}

export async function apiCreateActionItem(user: CurrentUser, body: z.output<typeof s.actionItemCreateBody>, ctx: Ctx) {
  const { workUnitName, workUnitTimeZone, ...created } = await createActionItem(user, body, ctx);
  // Shown as written (no second read): overdue and due soon by the one rule, in the unit's zone.
  const today = todayIn(workUnitTimeZone);
  return toPublicActionItem({ i: created, workUnitName, overdue: isOverdue(created, today), dueSoon: isDueSoon(created, today) });
}

export async function apiGetActionItem(user: CurrentUser, id: string) {
  await loadVisibleItem(user, id);
  return publicActionItem(id);
}

export async function apiActionItemUpdates(user: CurrentUser, id: string): Promise<Out<typeof r.ActionItemUpdateList>> {
  const detail = await getActionItem(user, id);
  return {
    items: detail.timeline.map((u) => ({
      id: u.id,
      kind: u.kind,
      fromStatus: u.fromStatus,
      toStatus: u.toStatus,
      progress: u.progress,
      note: u.note,
      evidenceUrl: u.evidenceUrl,
      evidenceFileId: u.evidenceFileId,
      createdAt: new Date(u.createdAt).toISOString(),
    })),
  };
}

/** Edits the plan (title, description, category, PIC, due date, priority). */
export async function apiEditActionItem(user: CurrentUser, id: string, body: z.output<typeof s.actionItemPatchBody>, version: number, ctx: Ctx) {
  const { version: _v, ...plan } = body;
  void _v;
  const item = await loadVisibleItem(user, id);
  await assertVersion(item.version, version, () => publicActionItem(id), can(user, "actionItem.plan", resourceOf(item)));
  await withCurrent(editActionItemPlan(user, id, version, plan, ctx), () => publicActionItem(id));
  return publicActionItem(id);
}

/** An update; a transition when `to` is given ("returned" sends a reported item back to in_progress). */
export async function apiAddUpdate(user: CurrentUser, id: string, body: z.output<typeof s.actionItemUpdateBody>, version: number, ctx: Ctx) {
  const item = await loadVisibleItem(user, id);
  const resource = resourceOf(item);
  // Progress, start and report are the unit's work; verify, return and cancel are the overseer's.
  const needed = !body.to || body.to === "in_progress" || body.to === "reported" ? "actionItem.work" : "actionItem.verify";
  await assertVersion(item.version, version, () => publicActionItem(id), can(user, needed, resource));
  if (!body.to) {
    await withCurrent(
      updateProgress(user, id, version, { progress: body.progress ?? item.progress, note: body.note, evidenceUrl: body.evidenceUrl ?? null }, ctx),
      () => publicActionItem(id),
    );
    return publicActionItem(id);
  }
  const to = body.to === "returned" ? "in_progress" : body.to;
  await withCurrent(
    transitionActionItem(user, id, version, { to, note: body.note, evidenceUrl: body.evidenceUrl ?? null, progress: body.progress }, null, ctx),
    () => publicActionItem(id),
  );
  return publicActionItem(id);
}

export async function apiDashboard(user: CurrentUser): Promise<Out<typeof r.FollowUpDashboard>> {
  const d = await getDashboard(user);
  return { units: d.units, categories: d.categories, overall: d.overall, trend: d.trend };
}
