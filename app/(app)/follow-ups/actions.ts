"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { createActionItem, createFromDecision } from "@/lib/follow-ups/create-action-item";
import { uploadEvidence } from "@/lib/follow-ups/evidence";
import { decideExtension, requestExtension } from "@/lib/follow-ups/extensions";
import { recordReview } from "@/lib/follow-ups/review";
import { createCategory, updateCategory } from "@/lib/follow-ups/categories";
import { transitionActionItem, updateProgress } from "@/lib/follow-ups/workflow";
import { markNotificationsRead } from "@/lib/notifications/list";
import { fileFrom, requestContext, runAction, text, type ActionState } from "./action-state";

/** Forms send plain fields; the use cases parse them with the shared zod schemas. */
const fields = (formData: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, text(formData, n)]));

export async function createActionItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const ctx = await requestContext();
  let id = "";
  const state = await runAction(async () => {
    const item = await createActionItem(
      user,
      fields(formData, ["title", "description", "categoryId", "workUnitId", "picUserId", "dueDate", "priority", "meetingId", "decisionId"]),
      ctx,
    );
    id = item.id;
  });
  if (!state.ok) return state;
  revalidatePath("/follow-ups");
  redirect(`/follow-ups/${id}`);
}

export async function createFromDecisionAction(decisionId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const ctx = await requestContext();
  const workUnitIds = formData.getAll("workUnitIds").filter((v): v is string => typeof v === "string");
  const picByUnit: Record<string, string> = {};
  for (const unitId of workUnitIds) {
    const pic = text(formData, `pic.${unitId}`);
    if (pic) picByUnit[unitId] = pic;
  }
  let meetingId = "";
  const state = await runAction(async () => {
    const created = await createFromDecision(
      user,
      { ...fields(formData, ["title", "description", "categoryId", "dueDate", "priority"]), decisionId, workUnitIds, picByUnit },
      ctx,
    );
    meetingId = created[0]?.meetingId ?? "";
  });
  if (!state.ok) return state;
  revalidatePath("/follow-ups");
  redirect(`/follow-ups?meetingId=${meetingId}`);
}

export async function transitionAction(id: string, version: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const ctx = await requestContext();
  const file = await fileFrom(formData);
  const state = await runAction(() =>
    transitionActionItem(user, id, version, fields(formData, ["to", "note", "evidenceUrl", "evidenceFileId", "progress", "meetingId"]), file, ctx),
  );
  if (state.ok) revalidatePath(`/follow-ups/${id}`);
  return state;
}

export async function progressAction(id: string, version: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const ctx = await requestContext();
  const state = await runAction(() => updateProgress(user, id, version, fields(formData, ["progress", "note", "evidenceUrl"]), ctx));
  if (state.ok) revalidatePath(`/follow-ups/${id}`);
  return state;
}

export async function uploadEvidenceAction(id: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const ctx = await requestContext();
  const file = await fileFrom(formData);
  const state = await runAction(async () => {
    if (!file) {
      const { ValidationError } = await import("@/lib/errors");
      throw new ValidationError({ file: ["errors.required"] });
    }
    await uploadEvidence(user, id, file, fields(formData, ["note"]), ctx);
  });
  if (state.ok) revalidatePath(`/follow-ups/${id}`);
  return state;
}

export async function requestExtensionAction(id: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const ctx = await requestContext();
  const state = await runAction(() => requestExtension(user, id, fields(formData, ["requestedDueDate", "reason"]), ctx));
  if (state.ok) revalidatePath(`/follow-ups/${id}`);
  return state;
}

export async function decideExtensionAction(itemId: string, requestId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const ctx = await requestContext();
  const state = await runAction(() => decideExtension(user, requestId, fields(formData, ["approve", "note"]), ctx));
  if (state.ok) revalidatePath(`/follow-ups/${itemId}`);
  return state;
}

export async function recordReviewAction(meetingId: string, itemId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const ctx = await requestContext();
  const state = await runAction(() => recordReview(user, meetingId, itemId, fields(formData, ["note"]), ctx));
  if (state.ok) revalidatePath(`/follow-ups/review/${meetingId}`);
  return state;
}

export async function markNotificationsReadAction(formData: FormData) {
  const user = await requireUser();
  const id = text(formData, "id");
  await markNotificationsRead(user, id ? [id] : "all");
  revalidatePath("/notifications");
}

export async function saveCategoryAction(id: string | null, version: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const ctx = await requestContext();
  const input = fields(formData, ["code", "nameId", "nameEn", "sortOrder", "active"]);
  const state = await runAction(() => (id ? updateCategory(user, id, version, input, ctx) : createCategory(user, input, ctx)));
  if (state.ok) revalidatePath("/admin/categories");
  return state;
}
