"use client";

import { useActionState, useTransition, type FormEvent } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";

type FormAction = (prev: ActionState | null, formData: FormData) => Promise<ActionState>;
export type OfficeSettingsValues = {
  ministryLine: string;
  officeName: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  placeName: string;
  defaultSignerUserId: string;
  letterNumberFormat: string;
  letterNumberNext: number;
  defaultCopies: string;
  showDivisionLine: boolean;
};

const fieldError = (state: ActionState | null, name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

/**
 * The office's letterhead, signer and numbering, with the logo upload (FormData). Submitted
 * without React's form reset, so a refused save keeps what was typed.
 */
export function OfficeSettingsForm({ initial, signers, logoUrl, action }: { initial: OfficeSettingsValues; signers: { id: string; label: string }[]; logoUrl: string | null; action: FormAction }) {
  const t = useT();
  const [state, dispatch] = useActionState(action, null);
  const [pending, start] = useTransition();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    start(() => dispatch(data));
  };
  const s = (k: string) => t(`offices.settings.${k}`);
  const text = (name: keyof OfficeSettingsValues, extra: Record<string, unknown> = {}) => (
    <TextField name={name} label={s(name)} defaultValue={String(initial[name] ?? "")} error={fieldError(state, name)} {...extra} />
  );
  return (
    <form onSubmit={onSubmit} noValidate encType="multipart/form-data">
      <fieldset disabled={pending}>
        {text("ministryLine", { maxLength: 200 })}
        {text("officeName", { maxLength: 200 })}
        {text("address", { maxLength: 300 })}
        <div className="grid-2">
          {text("phone", { maxLength: 100, inputMode: "tel" })}
          {text("email", { type: "email", maxLength: 200 })}
          {text("website", { maxLength: 200 })}
          {text("placeName", { maxLength: 100 })}
          <SelectField name="defaultSignerUserId" label={s("defaultSigner")} placeholder={s("noSigner")} defaultValue={initial.defaultSignerUserId} options={signers.map((p) => ({ value: p.id, label: p.label }))} error={fieldError(state, "defaultSignerUserId")} />
          {text("letterNumberFormat", { maxLength: 100, hint: s("letterNumberHelp") })}
          {text("letterNumberNext", { type: "number", min: initial.letterNumberNext, inputMode: "numeric", hint: s("letterNumberNextHint") })}
        </div>
        <TextAreaField name="defaultCopies" label={s("defaultCopies")} rows={3} defaultValue={initial.defaultCopies} error={fieldError(state, "defaultCopies")} />
        <label className="checkbox">
          <input type="checkbox" name="showDivisionLine" value="on" defaultChecked={initial.showDivisionLine} />
          <span>{s("showDivisionLine")}</span>
        </label>
        {logoUrl ? (
          <div className="field">
            <span className="label">{s("currentLogo")}</span>
            {/* eslint-disable-next-line @next/next/no-img-element -- a private image from our own route */}
            <img src={logoUrl} alt={s("currentLogo")} width={64} height={64} style={{ objectFit: "contain" }} />
            <label className="checkbox">
              <input type="checkbox" name="removeLogo" value="on" />
              <span>{s("removeLogo")}</span>
            </label>
          </div>
        ) : null}
        <TextField name="logo" type="file" accept="image/png,image/jpeg" label={s("logo")} error={fieldError(state, "logo")} />
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("actions.save")}
        </button>
      </fieldset>
    </form>
  );
}
