"use client";

import { useRouter } from "next/navigation";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/auth/schemas";

/** Change my password: the current one, then the new one twice. Other sessions and API tokens end. */
export function PasswordForm({ action }: { action: (values: ChangePasswordInput) => Promise<ActionState> }) {
  const t = useT();
  const router = useRouter();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(
    changePasswordSchema,
    { currentPassword: "", newPassword: "", confirmPassword: "" },
    action,
    // A new session cookie came with the answer: render the page again with it.
    (_s, reset) => {
      reset();
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h2 style={{ marginTop: 0 }}>{t("profile.password.title")}</h2>
      <p className="muted">{t("profile.password.intro")}</p>
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
