"use client";

import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { createTokenSchema, type CreateTokenInput } from "@/lib/api/token-schema";

export function TokenForm({ action }: { action: (values: CreateTokenInput) => Promise<ActionState<{ token: string; name: string }>> }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(createTokenSchema, { name: "", expiresAt: "" }, action, (_s, reset) => reset());
  const created = state?.ok ? (state.data as { token: string; name: string } | undefined) : undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h2 style={{ marginTop: 0 }}>{t("profile.tokens.new")}</h2>
      <fieldset disabled={pending}>
        <div className="grid-2">
          <TextField label={t("profile.tokens.name")} error={errorOf("name")} {...form.register("name")} />
          <TextField label={t("profile.tokens.expiresAt")} type="date" hint={t("profile.tokens.expiresHint")} error={errorOf("expiresAt")} {...form.register("expiresAt")} />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {t("profile.tokens.create")}
        </button>
      </fieldset>
      <div aria-live="polite">
        {created ? (
          <div className="alert alert-success">
            <p style={{ marginTop: 0 }}>{t("profile.tokens.showOnce", { name: created.name })}</p>
            <code data-testid="new-token" style={{ wordBreak: "break-all" }}>
              {created.token}
            </code>
          </div>
        ) : null}
      </div>
    </form>
  );
}
