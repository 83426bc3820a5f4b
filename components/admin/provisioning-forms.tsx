"use client";

import { useActionState, useTransition, type FormEvent } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";

const fieldError = (state: ActionState | null, name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

/** The personnel export (and optionally the units file) → a dry-run. */
export function ProvisioningUploadForm({ action }: { action: (prev: ActionState | null, formData: FormData) => Promise<ActionState> }) {
  const t = useT();
  const [state, dispatch] = useActionState(action, null);
  const [pending, start] = useTransition();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    start(() => dispatch(data));
  };
  const error = fieldError(state, "people");
  return (
    <form onSubmit={onSubmit} noValidate encType="multipart/form-data">
      <fieldset disabled={pending}>
        <TextField name="people" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required label={t("provisioning.peopleFile")} error={error} />
        <TextField name="units" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" label={t("provisioning.unitsFile")} />
        <label className="checkbox">
          <input type="checkbox" name="fullExport" value="on" />
          <span>{t("provisioning.fullExport")}</span>
        </label>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("provisioning.previewing") : t("provisioning.preview")}
        </button>
      </fieldset>
    </form>
  );
}

/** "Terapkan impor": one button, confirmed first. */
export function ProvisioningApplyButton({ action }: { action: () => Promise<ActionState> }) {
  const t = useT();
  const [state, dispatch, pending] = useActionState(async () => action(), null);
  return (
    <form
      action={dispatch}
      onSubmit={(e) => {
        if (!window.confirm(t("provisioning.applyConfirm"))) e.preventDefault();
      }}
    >
      <FormStatus state={state} />
      <button type="submit" className="btn" disabled={pending}>
        {pending ? t("provisioning.applying") : t("provisioning.apply")}
      </button>
    </form>
  );
}
