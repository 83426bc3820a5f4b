"use client";

import { useState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionState } from "@/lib/action-result";
import { letterSchema, type LetterInput } from "@/lib/offices/schemas";

/**
 * Issues the invitation letter: its number (the office's next one, or typed), the letter date
 * chosen now, the place, and the signer's name, position and NIP. The fields are checked first,
 * then a dialog says which number the letter takes; only then is it issued.
 */
export function LetterForm({ initial, nextNumber, action, submitLabel }: { initial: LetterInput; nextNumber: string | null; action: (values: unknown) => Promise<ActionState>; submitLabel: string }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(letterSchema, initial, action);
  const mode = form.watch("numberMode");
  const l = (k: string) => t(`meetings.letter.${k}`);
  const [asking, setAsking] = useState(false);
  const number = mode === "sequence" ? (nextNumber ?? "") : String(form.watch("number") ?? "");
  return (
    <form onSubmit={form.handleSubmit(() => setAsking(true))} noValidate>
      <ConfirmDialog
        open={asking}
        text={{
          title: t("meetings.confirm.letter.title"),
          body: <p>{t("meetings.confirm.letter.body", { number })}</p>,
          confirmLabel: t("meetings.confirm.letter.confirm"),
          cancelLabel: t("actions.cancel"),
        }}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void onSubmit();
        }}
      />
      <fieldset disabled={pending}>
        <fieldset className="field">
          <legend className="label">{l("numberMode")}</legend>
          {nextNumber ? (
            <label className="checkbox">
              <input type="radio" value="sequence" {...form.register("numberMode")} />
              <span>{t("meetings.letter.fromSequence", { number: nextNumber })}</span>
            </label>
          ) : null}
          <label className="checkbox">
            <input type="radio" value="manual" {...form.register("numberMode")} />
            <span>{l("manual")}</span>
          </label>
          <p className="field-error" aria-live="polite">
            {errorOf("numberMode") ? t(errorOf("numberMode")!) : null}
          </p>
        </fieldset>
        <div className="grid-2">
          {mode === "manual" ? <TextField label={l("number")} maxLength={100} error={errorOf("number")} {...form.register("number")} /> : null}
          <TextField label={l("letterDate")} type="date" error={errorOf("letterDate")} {...form.register("letterDate")} />
          <TextField label={l("placeName")} maxLength={100} error={errorOf("placeName")} {...form.register("placeName")} />
          <TextField label={l("signerName")} maxLength={200} error={errorOf("signerName")} {...form.register("signerName")} />
          <TextField label={l("signerPosition")} maxLength={200} error={errorOf("signerPosition")} {...form.register("signerPosition")} />
          <TextField label={l("signerNip")} inputMode="numeric" maxLength={18} error={errorOf("signerNip")} {...form.register("signerNip")} />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : submitLabel}
        </button>
      </fieldset>
    </form>
  );
}
