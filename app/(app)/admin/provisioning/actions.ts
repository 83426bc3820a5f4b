"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { applyRun, createRun, type ProvisioningFile } from "@/lib/provisioning/runs";
import { arg, serverAction } from "@/lib/server-action";

async function fileOf(value: FormDataEntryValue | null): Promise<ProvisioningFile | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name, data: Buffer.from(await value.arrayBuffer()) };
}

/** Reads the uploaded files into a dry-run, then shows it. Nothing of the people changes here. */
export const previewProvisioningAction = serverAction([arg.previous, arg.formData], async function previewProvisioningAction(_prev, formData): Promise<ActionState> {
  const user = await requireUser();
  const people = await fileOf(formData.get("people"));
  const units = await fileOf(formData.get("units"));
  const fullExport = formData.get("fullExport") === "on";
  const result = await runAction(async () => {
    if (!people) return null;
    return createRun(user, { people, units, fullExport, source: "upload" });
  });
  if (result.ok && !result.data) return { ok: false, status: 422, message: "errors.fixFields", fieldErrors: { people: ["provisioning.errors.noFile"] } };
  if (!result.ok) return result;
  redirect(`/admin/provisioning/${result.data!.id}`);
});

/** Applies the dry-run being shown (its id is bound, never taken from the form). */
export const applyProvisioningAction = serverAction([arg.id], async function applyProvisioningAction(runId): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => applyRun(user, runId, await requestContext()), "provisioning.applied");
  if (result.ok) revalidatePath(`/admin/provisioning/${runId}`);
  return result.ok ? { ok: true, message: result.message } : result;
});
