import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { actionItemUpdates, actionItems, type ActionItemStatus } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ConflictError, ForbiddenError, ValidationError, orConflict, type FieldErrors } from "@/lib/errors";
import { notify, recipients, type NotificationKind } from "@/lib/notifications/notify";
import { can, type Action } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { loadVisibleItem, resourceOf } from "./access";
import { checkEvidenceFile, evidenceBelongsTo, storeEvidence, type UploadedFile } from "./evidence";
import { findVisibleMeeting } from "@/lib/meetings/access";
import { progressSchema, transitionSchema } from "./schemas";

export type TransitionName = "start" | "report" | "verify" | "return" | "cancel";

type Rule = {
  name: TransitionName;
  from: ActionItemStatus;
  to: ActionItemStatus;
  permission: Extract<Action, "actionItem.work" | "actionItem.verify">;
  /** A note (for report) or a reason (for return/cancel) is required. */
  needsNote?: boolean;
  needsEvidence?: boolean;
  notifyKind?: NotificationKind;
};

/**
 * The workflow: open → in progress → reported → verified; a reported item may be returned (back
 * to in progress, with a reason); any item not yet final may be cancelled (with a reason).
 * The owner unit works an item up to "reported"; the secretariat and the owning division's head
 * verify, return and cancel. Nothing else is a transition.
 */
export const TRANSITIONS: readonly Rule[] = [
  { name: "start", from: "open", to: "in_progress", permission: "actionItem.work" },
  { name: "report", from: "in_progress", to: "reported", permission: "actionItem.work", needsNote: true, needsEvidence: true, notifyKind: "reported" },
  { name: "verify", from: "reported", to: "verified", permission: "actionItem.verify", notifyKind: "verified" },
  { name: "return", from: "reported", to: "in_progress", permission: "actionItem.verify", needsNote: true, notifyKind: "returned" },
  { name: "cancel", from: "open", to: "cancelled", permission: "actionItem.verify", needsNote: true, notifyKind: "cancelled" },
  { name: "cancel", from: "in_progress", to: "cancelled", permission: "actionItem.verify", needsNote: true, notifyKind: "cancelled" },
  { name: "cancel", from: "reported", to: "cancelled", permission: "actionItem.verify", needsNote: true, notifyKind: "cancelled" },
];

export function findTransition(from: ActionItemStatus, to: ActionItemStatus): Rule | undefined {
  return TRANSITIONS.find((r) => r.from === from && r.to === to);
}

/** The transitions this user may take on this item now (for the buttons on the detail page). */
export function allowedTransitions(user: CurrentUser, item: { workUnitId: string; picUserId: string | null; status: ActionItemStatus }): Rule[] {
  return TRANSITIONS.filter((r) => r.from === item.status && can(user, r.permission, resourceOf(item)));
}

type Ctx = Omit<AuditContext, "actorId">;

/**
 * Moves an item to `to` in one transaction: the status change (checked against the version the
 * user saw), an update row for the timeline, the audit row and the notifications.
 * A step that is not in the table, or not the user's to take → ForbiddenError; missing note or
 * evidence → ValidationError; someone else saved first → ConflictError.
 */
export async function transitionActionItem(user: CurrentUser, id: string, version: number, input: unknown, file?: UploadedFile | null, ctx: Ctx = {}) {
  const data = parseInput(transitionSchema, input);
  const item = await loadVisibleItem(user, id);
  // Permission, then the version, then the step: who may act on the item and saw an older version
  // (a replayed "verify", a second tab) gets a conflict with the item as it is now, not "not allowed".
  const res = resourceOf(item);
  if (!can(user, "actionItem.verify", res) && !can(user, "actionItem.work", { ...res, status: "in_progress" })) {
    throw new ForbiddenError("followUps.errors.transitionForbidden");
  }
  if (item.version !== version) throw new ConflictError(item);
  const rule = findTransition(item.status, data.to);
  if (!rule) throw new ForbiddenError("followUps.errors.transitionNotAllowed");
  if (!can(user, rule.permission, resourceOf(item))) throw new ForbiddenError("followUps.errors.transitionForbidden");

  const errors: FieldErrors = {};
  if (rule.needsNote && !data.note) errors.note = [rule.name === "report" ? "followUps.errors.noteRequired" : "followUps.errors.reasonRequired"];
  const hasFile = !!file && file.bytes.length > 0;
  let checked = null;
  if (hasFile) {
    try {
      checked = checkEvidenceFile(file);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      Object.assign(errors, e.fieldErrors);
    }
  }
  if (data.evidenceFileId && !(await evidenceBelongsTo(data.evidenceFileId, item.id))) errors.evidenceFileId = ["errors.invalid"];
  // The reviewing meeting is stored with the step: it must be one the user may see.
  if (data.meetingId) {
    const meeting = await findVisibleMeeting(user, data.meetingId);
    if (!meeting) errors.meetingId = ["errors.invalid"];
  }
  if (rule.needsEvidence && !data.evidenceUrl && !hasFile && !data.evidenceFileId) errors.evidence = ["followUps.errors.evidenceRequired"];
  if (Object.keys(errors).length) throw new ValidationError(errors);

  const progress = rule.name === "report" || rule.name === "verify" ? 100 : (data.progress ?? item.progress);
  const now = new Date();
  return orConflict(
    db.transaction(async (tx) => {
      const [updated] = await tx
        .update(actionItems)
        .set({
          status: rule.to,
          progress,
          version: sql`${actionItems.version} + 1`,
          updatedAt: now,
          ...(rule.name === "report" ? { reportedAt: now, reportedBy: user.id } : {}),
          ...(rule.name === "verify" ? { verifiedAt: now, verifiedBy: user.id } : {}),
          ...(rule.name === "return" ? { reportedAt: null, reportedBy: null } : {}),
          ...(rule.name === "cancel" ? { cancelReason: data.note } : {}),
        })
        .where(and(eq(actionItems.id, item.id), eq(actionItems.version, version), eq(actionItems.status, item.status)))
        .returning();
      if (!updated) return null;
      const stored = checked ? await storeEvidence(tx, item.id, user.id, checked) : null;
      const [update] = await tx
        .insert(actionItemUpdates)
        .values({
          actionItemId: item.id,
          authorId: user.id,
          kind: "transition",
          fromStatus: item.status,
          toStatus: rule.to,
          progress,
          note: data.note,
          evidenceUrl: data.evidenceUrl,
          evidenceFileId: stored?.id ?? data.evidenceFileId,
          meetingId: data.meetingId,
        })
        .returning({ id: actionItemUpdates.id });
      await audit(tx, { actorId: user.id, ...ctx }, `actionItem.${rule.name}`, "action_item", item.id, {
        status: [item.status, rule.to],
        ...(data.note ? { note: data.note } : {}),
      });
      if (rule.notifyKind) {
        const payload = { itemId: item.id, title: item.title, unitName: item.unitName, dueDate: item.dueDate, reason: data.note };
        const to = rule.name === "report" ? recipients.overseers(item.workUnitId) : sql`${recipients.unitActors(item.workUnitId, item.picUserId)} union ${recipients.users([item.reportedBy])}`;
        await notify(tx, { to, kind: rule.notifyKind, payload, dedupeKey: `${rule.notifyKind}:${update!.id}`, excludeUserId: user.id });
      }
      return updated;
    }),
    () => loadVisibleItem(user, item.id),
  );
}

/** A progress update (percentage and a note, optionally a link) by the owner unit while it works. */
export async function updateProgress(user: CurrentUser, id: string, version: number, input: unknown, ctx: Ctx = {}) {
  const data = parseInput(progressSchema, input);
  const item = await loadVisibleItem(user, id);
  if (!can(user, "actionItem.work", resourceOf(item))) throw new ForbiddenError("followUps.errors.notWorkable");
  return orConflict(
    db.transaction(async (tx) => {
      const [updated] = await tx
        .update(actionItems)
        .set({ progress: data.progress, version: sql`${actionItems.version} + 1`, updatedAt: new Date() })
        .where(and(eq(actionItems.id, item.id), eq(actionItems.version, version)))
        .returning();
      if (!updated) return null;
      await tx.insert(actionItemUpdates).values({ actionItemId: item.id, authorId: user.id, kind: "progress", progress: data.progress, note: data.note, evidenceUrl: data.evidenceUrl });
      await audit(tx, { actorId: user.id, ...ctx }, "actionItem.progress", "action_item", item.id, { progress: [item.progress, data.progress] });
      return updated;
    }),
    () => loadVisibleItem(user, item.id),
  );
}
