"use client";

import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";

const fieldError = (state: ActionState | null, name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

/** Uploads an office's PKCS#12 signing certificate with its passphrase (kept encrypted on the server). */
export function CertificateForm({ action }: { action: (prev: ActionState | null, data: FormData) => Promise<ActionState> }) {
  const t = useT();
  const [state, dispatch, pending] = useActionState(action, null);
  const s = (k: string) => t(`offices.settings.${k}`);
  return (
    <form action={dispatch} encType="multipart/form-data" noValidate>
      <fieldset disabled={pending}>
        <div className="grid-2">
          <TextField name="certificate" type="file" accept=".p12,.pfx,application/x-pkcs12" label={s("certificate")} error={fieldError(state, "certificate")} />
          <TextField name="passphrase" type="password" autoComplete="off" label={s("passphrase")} error={fieldError(state, "passphrase")} />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : s("certificateUpload")}
        </button>
      </fieldset>
    </form>
  );
}
