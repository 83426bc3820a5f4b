import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/types";
import { createActionItem } from "@/lib/follow-ups/create-action-item";
import { getDashboard } from "@/lib/follow-ups/dashboard";
import { getActionItem } from "@/lib/follow-ups/get-action-item";
import { listActionItems } from "@/lib/follow-ups/list-action-items";
import { transitionActionItem, updateProgress } from "@/lib/follow-ups/workflow";
import { loadVisibleItem } from "@/lib/follow-ups/access";
import type * as s from "./schemas";

type Ctx = { ip?: string | null };

type ItemLike = {
  id: string;
  meetingId?: string | null;
  decisionId?: string | null;
  title: string;
  description?: string;
  categoryId?: string;
  workUnitId: string;
  picUserId?: string | null;
  dueDate: string;
  priority: string;
  status: string;
  progress: number;
  version: number;
};

export const actionItemJson = (i: ItemLike & Record<string, unknown>) => ({
  id: i.id,
  meetingId: i.meetingId ?? null,
  decisionId: i.decisionId ?? null,
  title: i.title,
  description: i.description ?? "",
  categoryId: i.categoryId ?? null,
  workUnitId: i.workUnitId,
  picUserId: i.picUserId ?? null,
  dueDate: i.dueDate,
  priority: i.priority,
  status: i.status,
  progress: i.progress,
  version: i.version,
});

export async function apiListActionItems(user: CurrentUser, q: z.output<typeof s.actionItemsQuery>) {
  const result = await listActionItems(
    user,
    { unitId: q.unitId, status: q.status, categoryId: q.categoryId, meetingId: q.meetingId, picUserId: q.picUserId, overdue: q.overdue ?? false, dueFrom: q.dueFrom, dueTo: q.dueTo, cursor: q.cursor },
    { limit: q.limit },
  );
  return {
    items: result.items.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      progress: i.progress,
      priority: i.priority,
      dueDate: i.dueDate,
      workUnitId: i.workUnitId,
      workUnitName: i.unitName,
      overdue: Boolean(i.overdue),
      dueSoon: Boolean(i.dueSoon),
      version: i.version,
    })),
    total: result.total,
    totalCapped: result.totalCapped,
    nextCursor: result.nextCursor,
    prevCursor: result.prevCursor,
  };
}

export async function apiCreateActionItem(user: CurrentUser, body: z.output<typeof s.actionItemCreateBody>, ctx: Ctx) {
  const created = await createActionItem(user, body, ctx);
  return actionItemJson(created as unknown as ItemLike);
}

export async function apiGetActionItem(user: CurrentUser, id: string) {
  const detail = await getActionItem(user, id);
  return {
    ...actionItemJson(detail.item as unknown as ItemLike),
    updates: detail.timeline.map((u) => ({
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

export async function apiUpdateProgress(user: CurrentUser, id: string, body: z.output<typeof s.actionItemPatchBody>, version: number, ctx: Ctx) {
  const { version: _v, ...input } = body;
  void _v;
  const saved = await updateProgress(user, id, version, input, ctx);
  return actionItemJson(saved as unknown as ItemLike);
}

/** An update; a transition when `to` is given ("returned" sends a reported item back to in_progress). */
export async function apiAddUpdate(user: CurrentUser, id: string, body: z.output<typeof s.actionItemUpdateBody>, ctx: Ctx) {
  const item = await loadVisibleItem(user, id);
  const version = body.version ?? item.version;
  if (!body.to) {
    const saved = await updateProgress(user, id, version, { progress: body.progress ?? item.progress, note: body.note, evidenceUrl: body.evidenceUrl ?? null }, ctx);
    return actionItemJson(saved as unknown as ItemLike);
  }
  const to = body.to === "returned" ? "in_progress" : body.to;
  const saved = await transitionActionItem(user, id, version, { to, note: body.note, evidenceUrl: body.evidenceUrl ?? null, progress: body.progress }, null, ctx);
  return actionItemJson(saved as unknown as ItemLike);
}

export async function apiDashboard(user: CurrentUser) {
  const d = await getDashboard(user);
  return { units: d.units, categories: d.categories, overall: d.overall, trend: d.trend };
}
