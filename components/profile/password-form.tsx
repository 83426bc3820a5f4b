"use client";

import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/auth/schemas";

/** Change my password: the current one, then the new one twice. Other sessions and API tokens end. */
export function PasswordForm({ action, changed = false }: { action: (values: ChangePasswordInput) => Promise<ActionState>; changed?: boolean }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(
    changePasswordSchema,
    { currentPassword: "", newPassword: "", confirmPassword: "" },
    action,
    // A new session cookie came with the answer: load the profile page with it.
    () => window.location.assign("/profile?password=changed"),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h2 style={{ marginTop: 0 }}>{t("profile.password.title")}</h2>
      <p className="muted">{t("profile.password.intro")}</p>
      <div aria-live="polite">{changed ? <div className="alert alert-success">{t("profile.password.changed")}</div> : null}</div>
      <fieldset disabled={pending}>
        <TextField label={t("profile.password.current")} type="password" autoComplete="current-password" error={errorOf("currentPassword")} {...form.register("currentPassword")} />
        <div className="grid-2">
          <TextField label={t("profile.password.new")} type="password" autoComplete="new-password" error={errorOf("newPassword")} {...form.register("newPassword")} />
          <TextField label={t("profile.password.confirm")} type="password" autoComplete="new-password" error={errorOf("confirmPassword")} {...form.register("confirmPassword")} />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {t("profile.password.submit")}
        </button>
      </fieldset>
    </form>
  );
}
