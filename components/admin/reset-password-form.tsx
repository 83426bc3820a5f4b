"use client";

import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { resetPasswordSchema } from "@/lib/admin/schemas";

export function ResetPasswordForm({ action }: { action: (values: { password: string }) => Promise<ActionState> }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(resetPasswordSchema, { password: "" }, action, (_state, reset) => reset());
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h2 style={{ marginTop: 0 }}>{t("admin.users.resetPassword")}</h2>
      <fieldset disabled={pending}>
        <TextField label={t("admin.users.newPassword")} type="password" autoComplete="new-password" error={errorOf("password")} {...form.register("password")} />
        <FormStatus state={state} />
        <button type="submit" className="btn btn-secondary">
          {t("admin.users.resetPassword")}
        </button>
      </fieldset>
    </form>
  );
}
