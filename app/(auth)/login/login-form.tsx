"use client";

import { TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { loginSchema } from "@/lib/auth/schemas";
import { signInAction } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(loginSchema, { identifier: "", password: "" }, (values) =>
    signInAction(values, callbackUrl),
  );
  // "auth.throttled|5" carries the minutes to wait.
  const [key, minutes] = state && !state.ok ? state.message.split("|") : [];
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <TextField label={t("auth.identifier")} autoComplete="username" error={errorOf("identifier")} {...form.register("identifier")} />
        <TextField label={t("auth.password")} type="password" autoComplete="current-password" error={errorOf("password")} {...form.register("password")} />
        <div aria-live="polite">
          {key ? (
            <div className="alert alert-error" role="alert">
              {t(key, { minutes: minutes ?? "" })}
            </div>
          ) : null}
        </div>
        <button type="submit" className="btn">
          {pending ? t("auth.submitting") : t("auth.submit")}
        </button>
      </fieldset>
    </form>
  );
}
