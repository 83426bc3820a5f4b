"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/action-result";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { signIn } from "@/lib/auth";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { requestContext, requireUser } from "@/lib/auth/session";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { saveEmailedKinds } from "@/lib/notifications/preferences";
import { arg, serverAction } from "@/lib/server-action";

export const createTokenAction = serverAction([arg.values], async function createTokenAction(values) {
  const user = await requireUser();
  const result = await runAction(async () => {
    const created = await createApiToken(user, values, await requestContext());
    return { token: created.token, name: created.name };
  });
  if (result.ok) revalidatePath("/profile");
  return result;
});

export const revokeTokenAction = serverAction([arg.id], async function revokeTokenAction(id) {
  const user = await requireUser();
  const result = await runAction(async () => revokeApiToken(user, id, await requestContext()));
  if (result.ok) revalidatePath("/profile");
  return result;
});

/**
 * Changes the user's own password. Every session and API token of the account ends; this browser
 * gets a new session cookie (signed in again with the new password), and the form then refreshes
 * the page with it. (Nothing is re-rendered in this request: it still carries the old cookie.)
 */
export const changePasswordAction = serverAction([arg.values], async function changePasswordAction(values) {
  const user = await requireUser();
  const result = await runAction(async () => changeOwnPassword(user, values, await requestContext()), "profile.password.changed");
  if (!result.ok) return result;
  // The use case accepted the values, so they parse.
  const { newPassword } = changePasswordSchema.parse(values);
  await signIn("credentials", { identifier: user.email, password: newPassword, redirect: false });
  return { ok: true as const, message: result.message };
});

/** The user's own per-kind e-mail choice (checked kinds are e-mailed). */
export const saveEmailPreferencesAction = serverAction([arg.formData], async function saveEmailPreferencesAction(formData) {
  const user = await requireUser();
  await saveEmailedKinds(
    user,
    formData.getAll("kind").filter((v): v is string => typeof v === "string"),
  );
  revalidatePath("/profile");
  // Back to the form, which says the choice was saved.
  redirect("/profile?saved=email#email-prefs-h");
}, undefined);
