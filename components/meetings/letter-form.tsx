"use client";

import { useState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionState } from "@/lib/action-result";
import { letterSchema, type LetterInput } from "@/lib/offices/schemas";

const NATURES = ["biasa", "segera", "sangat_segera", "rahasia"] as const;
const ON_BEHALF = ["an", "ub", "plt", "plh"] as const;

/**
 * Issues a letter of the meeting: its kind, number (the office's next one, or typed), date, place,
 * sifat, hal, addressees (none: "Daftar terlampir"), tembusan, the signer and an optional
 * a.n./u.b./Plt./Plh. line. Issuing asks for confirmation: an issued letter never changes.
 */
export function LetterForm({
  initial,
  kinds,
  nextNumber,
  action,
}: {
  initial: LetterInput;
  kinds: readonly ("invitation" | "reschedule" | "cancellation")[];
  nextNumber: string | null;
  action: (values: unknown) => Promise<ActionState>;
}) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(letterSchema, initial, action);
  const [confirming, setConfirming] = useState(false);
  const mode = form.watch("numberMode");
  const onBehalfKind = form.watch("onBehalfKind");
  const l = (k: string) => t(`meetings.letter.${k}`);
  const err = (k: string) => (errorOf(k) ? t(errorOf(k)!) : undefined);
  const number = mode === "sequence" ? (nextNumber ?? "") : String(form.watch("number") ?? "");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void form.trigger().then((ok) => ok && setConfirming(true));
      }}
      noValidate
    >
      <fieldset disabled={pending}>
        <div className="grid-2">
          <SelectField label={l("kind")} options={kinds.map((k) => ({ value: k, label: t(`meetings.letter.kinds.${k}`) }))} error={err("kind")} {...form.register("kind")} />
          <SelectField label={l("nature")} options={NATURES.map((n) => ({ value: n, label: t(`meetings.letter.natures.${n}`) }))} error={err("nature")} {...form.register("nature")} />
        </div>
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
            {err("numberMode") ?? null}
          </p>
        </fieldset>
        <div className="grid-2">
          {mode === "manual" ? <TextField label={l("number")} maxLength={100} error={errorOf("number")} {...form.register("number")} /> : null}
          <TextField label={l("letterDate")} type="date" error={errorOf("letterDate")} {...form.register("letterDate")} />
          <TextField label={l("placeName")} maxLength={100} error={errorOf("placeName")} {...form.register("placeName")} />
          <TextField label={l("subject")} hint={l("subjectHint")} maxLength={300} error={errorOf("subject")} {...form.register("subject")} />
        </div>
        <div className="grid-2">
          <TextAreaField label={l("addressees")} hint={l("addresseesHint")} rows={3} error={errorOf("addressees")} {...form.register("addressees")} />
          <TextAreaField label={l("copies")} hint={l("copiesHint")} rows={3} error={errorOf("copies")} {...form.register("copies")} />
        </div>
        <div className="grid-2">
          <SelectField label={l("onBehalfKind")} placeholder={l("onBehalfNone")} options={ON_BEHALF.map((k) => ({ value: k, label: t(`meetings.letter.onBehalf.${k}`) }))} error={err("onBehalfKind")} {...form.register("onBehalfKind")} />
          {onBehalfKind ? <TextField label={l("onBehalfOf")} hint={l("onBehalfOfHint")} maxLength={200} error={errorOf("onBehalfOf")} {...form.register("onBehalfOf")} /> : null}
          <TextField label={l("signerName")} maxLength={200} error={errorOf("signerName")} {...form.register("signerName")} />
          <TextField label={l("signerPosition")} maxLength={200} error={errorOf("signerPosition")} {...form.register("signerPosition")} />
          <TextField label={l("signerNip")} inputMode="numeric" maxLength={18} error={errorOf("signerNip")} {...form.register("signerNip")} />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : l("issue")}
        </button>
      </fieldset>
      <ConfirmDialog
        open={confirming}
        text={{
          title: l("confirmTitle"),
          body: <p>{t("meetings.letter.confirmBody", { number: number || "—" })}</p>,
          confirmLabel: l("confirmIssue"),
          cancelLabel: t("actions.cancel"),
        }}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void onSubmit();
        }}
      />
    </form>
  );
}
