"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { createCategory, updateCategory } from "@/lib/follow-ups/categories";
import { createActionItem, createFromDecision } from "@/lib/follow-ups/create-action-item";
import { uploadEvidence } from "@/lib/follow-ups/evidence";
import { decideExtension, requestExtension } from "@/lib/follow-ups/extensions";
import { runRemindersNow } from "@/lib/follow-ups/reminders";
import { recordReviews } from "@/lib/follow-ups/review";
import { reviewEntriesFromForm } from "@/lib/follow-ups/schemas";
import { transitionActionItem, updateProgress } from "@/lib/follow-ups/workflow";
import { markNotificationsRead } from "@/lib/notifications/list";
import { arg, serverAction } from "@/lib/server-action";

// Thin actions: the user is checked here and again, with the permission, inside each use case.
// Ids and versions are bound on the server page (`action.bind(null, id, version)`).

/** A file input's value, or null when nothing was chosen. */
async function fileFrom(formData: FormData, name = "file") {
  const value = formData.get(name);
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** The outcome without the use case's return value (the page re-renders from the database). */
function plain(result: ActionState<unknown>): ActionState {
  return result.ok ? { ok: true, message: result.message } : result;
}

function fields(formData: FormData, names: string[]) {
  return Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]).filter(([, v]) => typeof v === "string" || v === undefined));
}

export const createActionItemAction = serverAction([arg.values], async function createActionItemAction(values): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => createActionItem(user, values, await requestContext()));
  if (!result.ok) return result;
  revalidatePath("/follow-ups");
  redirect(`/follow-ups/${result.data!.id}`);
});

export const createFromDecisionAction = serverAction([arg.id, arg.values], async function createFromDecisionAction(decisionId, values): Promise<ActionState> {
  const user = await requireUser();
  const input = typeof values === "object" && values ? { ...values, decisionId } : values;
  const result = await runAction(async () => createFromDecision(user, input, await requestContext()));
  if (!result.ok) return result;
  revalidatePath("/follow-ups");
  redirect(`/follow-ups?meetingId=${result.data![0]?.meetingId ?? ""}`);
});

/** Status change; a report may carry an evidence file, so this one takes FormData. */
export const transitionAction = serverAction([arg.id, arg.version, arg.previous, arg.formData], async function transitionAction(id, version, _prev, formData): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () =>
    transitionActionItem(
      user,
      id,
      version,
      fields(formData, ["to", "note", "evidenceUrl", "evidenceFileId", "progress", "meetingId"]),
      await fileFrom(formData),
      await requestContext(),
    ),
  );
  if (result.ok) revalidatePath(`/follow-ups/${id}`);
  return plain(result);
});

export const progressAction = serverAction([arg.id, arg.version, arg.values], async function progressAction(id, version, values): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => updateProgress(user, id, version, values, await requestContext()), "followUps.saved");
  if (result.ok) revalidatePath(`/follow-ups/${id}`);
  return plain(result);
});

export const uploadEvidenceAction = serverAction([arg.id, arg.previous, arg.formData], async function uploadEvidenceAction(id, _prev, formData): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => {
    const file = await fileFrom(formData);
    if (!file) throw new ValidationError({ file: ["errors.required"] });
    return uploadEvidence(user, id, file, fields(formData, ["note"]), await requestContext());
  }, "followUps.saved");
  if (result.ok) revalidatePath(`/follow-ups/${id}`);
  return plain(result);
});

export const requestExtensionAction = serverAction([arg.id, arg.values], async function requestExtensionAction(id, values): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => requestExtension(user, id, values, await requestContext()), "followUps.saved");
  if (result.ok) revalidatePath(`/follow-ups/${id}`);
  return plain(result);
});

export const decideExtensionAction = serverAction([arg.id, arg.id, arg.previous, arg.formData], async function decideExtensionAction(itemId, requestId, _prev, formData): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => decideExtension(user, requestId, fields(formData, ["approve", "note"]), await requestContext()), "followUps.saved");
  if (result.ok) revalidatePath(`/follow-ups/${itemId}`);
  return plain(result);
});

/** The review page's one form: every checked row's review (and status step), `unitId` being the page shown. */
export const recordReviewsAction = serverAction([arg.id, arg.previous, arg.formData], async function recordReviewsAction(meetingId, _prev, formData): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => recordReviews(user, meetingId, reviewEntriesFromForm(formData), await requestContext()), "followUps.review.saved");
  revalidatePath(`/follow-ups/review/${meetingId}`);
  return plain(result);
});

export const markNotificationsReadAction = serverAction([arg.formData], async function markNotificationsReadAction(formData) {
  const user = await requireUser();
  const id = formData.get("id");
  await markNotificationsRead(user, typeof id === "string" && id ? [id] : "all");
  revalidatePath("/notifications");
}, undefined);

export const saveCategoryAction = serverAction([arg.optionalId, arg.version, arg.values], async function saveCategoryAction(id, version, values): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => (id ? updateCategory(user, id, version, values, await requestContext()) : createCategory(user, values, await requestContext())), "followUps.saved");
  if (result.ok) revalidatePath("/admin/categories");
  return plain(result);
});

/** Admins may run the reminders job now (it is idempotent; normally `npm run reminders` from cron). */
export const runRemindersAction = serverAction([], async function runRemindersAction(): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => runRemindersNow(user), "followUps.outbox.ran");
  if (result.ok) revalidatePath("/admin/outbox");
  return plain(result);
});
