"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { TextField } from "@/components/forms/field";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { loginFieldErrors, type LoginFieldErrors, type LoginValues } from "@/lib/auth/login-rules";
import { signInAction } from "./actions";

/**
 * Two fields, checked in the browser by lib/auth/login-rules.ts (no schema library on everyone's
 * first page) and on the server by loginSchema; the first field in error gets the focus.
 */
export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionState | null>(null);
  const [errors, setErrors] = useState<LoginFieldErrors>({});

  const show = (found: LoginFieldErrors) => {
    setErrors(found);
    const first = (["identifier", "password"] as const).find((name) => found[name]);
    if (first) formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
    return first !== undefined;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values: LoginValues = { identifier: String(data.get("identifier") ?? ""), password: String(data.get("password") ?? "") };
    if (show(loginFieldErrors(values))) return;
    startTransition(async () => {
      const result = await signInAction(values, callbackUrl);
      setState(result);
      if (!result.ok && "fieldErrors" in result) show(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, v[0]])));
    });
  };
  // "auth.throttled|5" carries the minutes to wait.
  const [key, minutes] = state && !state.ok ? state.message.split("|") : [];
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <TextField label={t("auth.identifier")} name="identifier" autoComplete="username" error={errors.identifier} onChange={() => errors.identifier && setErrors({ ...errors, identifier: undefined })} />
        <TextField label={t("auth.password")} name="password" type="password" autoComplete="current-password" error={errors.password} onChange={() => errors.password && setErrors({ ...errors, password: undefined })} />
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
