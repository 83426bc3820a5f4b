import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { actionItemUpdates, actionItems, extensionRequests } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, isUniqueViolation } from "@/lib/errors";
import { notify, recipients } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions";
import { formatCalendarDate, todayIn } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { loadVisibleItem, resourceOf } from "./access";
import { extensionDecisionSchema, extensionRequestSchema } from "./schemas";
import { isUuid } from "@/lib/ids";

type Ctx = Omit<AuditContext, "actorId">;

/** The owner unit asks for a later due date, with a reason. One pending request per item. */
export async function requestExtension(user: CurrentUser, itemId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseInput(extensionRequestSchema, input);
  const item = await loadVisibleItem(user, itemId);
  if (!can(user, "actionItem.requestExtension", resourceOf(item))) throw new ForbiddenError("followUps.errors.extensionForbidden");
  if (data.requestedDueDate <= item.dueDate || data.requestedDueDate < todayIn(item.unitTimeZone)) throw new ValidationError({ requestedDueDate: ["followUps.errors.extensionDate"] });
  try {
    return await db.transaction(async (tx) => {
      const [req] = await tx
        .insert(extensionRequests)
        .values({ actionItemId: item.id, requestedBy: user.id, currentDueDate: item.dueDate, requestedDueDate: data.requestedDueDate, reason: data.reason })
        .returning();
      await tx.insert(actionItemUpdates).values({ actionItemId: item.id, authorId: user.id, kind: "extension_request", note: `${formatCalendarDate(item.dueDate)} → ${formatCalendarDate(data.requestedDueDate)}: ${data.reason}` });
      await audit(tx, { actorId: user.id, ...ctx }, "actionItem.requestExtension", "action_item", item.id, { requestedDueDate: data.requestedDueDate, reason: data.reason });
      await notify(tx, {
        to: recipients.overseers(item.workUnitId),
        kind: "extension_requested",
        payload: { itemId: item.id, title: item.title, unitName: item.unitName, dueDate: data.requestedDueDate, reason: data.reason },
        dedupeKey: `extension_requested:${req!.id}`,
        excludeUserId: user.id,
      });
      return req!;
    });
  } catch (e) {
    if (isUniqueViolation(e, "extension_requests_one_pending_uq")) throw new ValidationError({ requestedDueDate: ["followUps.errors.extensionPending"] }, "followUps.errors.extensionPending");
    throw e;
  }
}

/**
 * The secretariat or the owning division's head approves (the due date moves) or rejects a
 * pending request; the request keeps the history. A request already decided → ConflictError.
 */
export async function decideExtension(user: CurrentUser, requestId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseInput(extensionDecisionSchema, input);
  if (!isUuid(requestId)) throw new NotFoundError();
  const [req] = await db.select().from(extensionRequests).where(eq(extensionRequests.id, requestId));
  if (!req) throw new NotFoundError();
  const item = await loadVisibleItem(user, req.actionItemId);
  if (!can(user, "actionItem.decideExtension", resourceOf(item))) throw new ForbiddenError("followUps.errors.extensionForbidden");
  if (data.approve === false && !data.note) throw new ValidationError({ note: ["followUps.errors.reasonRequired"] });
  const status = data.approve ? "approved" : "rejected";
  const result = await db.transaction(async (tx) => {
    const [decided] = await tx
      .update(extensionRequests)
      .set({ status, decidedBy: user.id, decidedAt: new Date(), decisionNote: data.note || null })
      .where(and(eq(extensionRequests.id, req.id), eq(extensionRequests.status, "pending")))
      .returning();
    if (!decided) return null;
    if (data.approve) {
      await tx
        .update(actionItems)
        .set({ dueDate: req.requestedDueDate, version: sql`${actionItems.version} + 1`, updatedAt: new Date() })
        .where(eq(actionItems.id, item.id));
    }
    const [update] = await tx
      .insert(actionItemUpdates)
      .values({ actionItemId: item.id, authorId: user.id, kind: "extension_decision", note: `${status}: ${req.currentDueDate} → ${req.requestedDueDate}${data.note ? ` — ${data.note}` : ""}` })
      .returning({ id: actionItemUpdates.id });
    await audit(tx, { actorId: user.id, ...ctx }, "actionItem.decideExtension", "action_item", item.id, {
      request: req.id,
      status,
      ...(data.approve ? { dueDate: [req.currentDueDate, req.requestedDueDate] } : {}),
    });
    await notify(tx, {
      to: sql`${recipients.users([req.requestedBy, item.picUserId])}`,
      kind: "extension_decided",
      payload: { itemId: item.id, title: item.title, unitName: item.unitName, dueDate: data.approve ? req.requestedDueDate : req.currentDueDate, approved: data.approve, reason: data.note },
      dedupeKey: `extension_decided:${update!.id}`,
      excludeUserId: user.id,
    });
    return decided;
  });
  if (!result) throw new ConflictError(null, "followUps.errors.extensionDecided");
  return result;
}
