"use client";

import { useActionState } from "react";
import { TextAreaField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useT } from "@/components/i18n-provider";
import { useHydrated } from "./use-hydrated";
import type { ActionState } from "@/lib/action-result";

export function ReviewForm({ action }: { action: (prev: ActionState | null, formData: FormData) => Promise<ActionState> }) {
  const t = useT();
  const ready = useHydrated();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form data-hydrated={ready || undefined} action={formAction}>
      <fieldset disabled={pending}>
        <TextAreaField name="note" label={t("followUps.fields.note")} rows={2} error={state && !state.ok ? state.fieldErrors?.note?.[0] : undefined} />
        <FormStatus state={state} />
        <button type="submit" className="btn btn-small">
          {t("followUps.review.record")}
        </button>
      </fieldset>
    </form>
  );
}
