"use client";

import { useRef, useState } from "react";
import { TextAreaField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionState } from "@/lib/action-result";
import { withdrawLetterSchema } from "@/lib/documents/schemas";

/**
 * Withdrawing (menarik) an issued letter: the reason is checked first, then a dialog says what
 * withdrawing does (the number stays taken, the file stays as issued, marked) — only then is it done.
 */
export function WithdrawLetterForm({ number, action }: { number: string; action: (values: unknown) => Promise<ActionState> }) {
  const t = useT();
  const confirmed = useRef(false);
  const [asking, setAsking] = useState(false);
  const { form, pending, state, onSubmit, errorOf } = useActionForm(withdrawLetterSchema, { reason: "" }, async (values) => {
    if (!confirmed.current) {
      setAsking(true);
      return { ok: true };
    }
    confirmed.current = false;
    return action(values);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <ConfirmDialog
        open={asking}
        text={{
          title: t("meetings.letter.withdrawTitle", { number }),
          body: <p>{t("meetings.letter.withdrawBody", { number })}</p>,
          confirmLabel: t("meetings.letter.withdrawConfirm"),
          cancelLabel: t("actions.cancel"),
          danger: true,
        }}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          confirmed.current = true;
          void onSubmit();
        }}
      />
      <fieldset disabled={pending}>
        <TextAreaField label={t("meetings.letter.withdrawReason")} hint={t("meetings.letter.withdrawHint")} rows={2} error={errorOf("reason")} {...form.register("reason")} />
        <FormStatus state={state} />
        <button type="submit" className="btn btn-danger">
          {t("meetings.letter.withdraw")}
        </button>
      </fieldset>
    </form>
  );
}
