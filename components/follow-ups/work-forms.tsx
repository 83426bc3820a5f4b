"use client";

import { useActionState } from "react";
import { TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { useHydrated } from "./use-hydrated";
import { useUploadAction } from "./use-upload-action";
import type { ActionState } from "@/lib/action-result";
import { EVIDENCE_ACCEPT, extensionRequestSchema, progressSchema, type ExtensionRequestInput, type ProgressInput } from "@/lib/follow-ups/schemas";

type FormAction = (prev: ActionState | null, formData: FormData) => Promise<ActionState>;
const fieldError = (state: ActionState | null, name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

export function ProgressForm({ progress, action }: { progress: number; action: (values: ProgressInput) => Promise<ActionState> }) {
  const t = useT();
  const ready = useHydrated();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(progressSchema, { progress, note: "", evidenceUrl: "" }, action as (v: unknown) => Promise<ActionState>, (_s, reset) => reset());
  return (
    <details>
      <summary>{t("followUps.progress.title")}</summary>
      <form data-hydrated={ready || undefined} onSubmit={onSubmit} noValidate>
        <fieldset disabled={pending}>
          <TextField label={t("followUps.fields.progress")} type="number" min={0} max={100} step={5} inputMode="numeric" error={errorOf("progress")} {...form.register("progress")} />
          <TextAreaField label={t("followUps.fields.note")} error={errorOf("note")} {...form.register("note")} />
          <TextField label={t("followUps.fields.evidenceUrl")} type="url" placeholder="https://" error={errorOf("evidenceUrl")} {...form.register("evidenceUrl")} />
          <FormStatus state={state} />
          <button type="submit" className="btn">
            {pending ? t("actions.saving") : t("followUps.progress.submit")}
          </button>
        </fieldset>
      </form>
    </details>
  );
}

export function UploadForm({ action }: { action: FormAction }) {
  const t = useT();
  const ready = useHydrated();
  const [state, formAction, pending] = useUploadAction(action);
  return (
    <details open={state !== null && !state.ok}>
      <summary>{t("followUps.upload.title")}</summary>
      <form data-hydrated={ready || undefined} action={formAction} noValidate>
        <fieldset disabled={pending}>
          <TextField name="file" type="file" accept={EVIDENCE_ACCEPT} required label={t("followUps.fields.evidenceFile")} hint={t("followUps.upload.help")} error={fieldError(state, "file")} />
          <TextAreaField name="note" label={t("followUps.fields.note")} error={fieldError(state, "note")} />
          <FormStatus state={state} />
          <button type="submit" className="btn">
            {pending ? t("actions.saving") : t("followUps.upload.submit")}
          </button>
        </fieldset>
      </form>
    </details>
  );
}

export function ExtensionRequestForm({ minDate, action }: { minDate: string; action: (values: ExtensionRequestInput) => Promise<ActionState> }) {
  const t = useT();
  const ready = useHydrated();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(extensionRequestSchema, { requestedDueDate: "", reason: "" }, action as (v: unknown) => Promise<ActionState>);
  return (
    <details>
      <summary>{t("followUps.extension.request")}</summary>
      <form data-hydrated={ready || undefined} onSubmit={onSubmit} noValidate>
        <fieldset disabled={pending}>
          <TextField label={t("followUps.fields.requestedDueDate")} type="date" min={minDate} error={errorOf("requestedDueDate")} {...form.register("requestedDueDate")} />
          <TextAreaField label={t("followUps.fields.reason")} error={errorOf("reason")} {...form.register("reason")} />
          <FormStatus state={state} />
          <button type="submit" className="btn">
            {pending ? t("actions.saving") : t("followUps.extension.request")}
          </button>
        </fieldset>
      </form>
    </details>
  );
}

/** Approve or reject a pending request (a radio choice, a note, one submit button). */
export function ExtensionDecisionForm({ action, summary }: { action: FormAction; summary: string }) {
  const t = useT();
  const ready = useHydrated();
  const [state, formAction, pending] = useActionState(action, null);
  const approveError = fieldError(state, "approve");
  return (
    <form data-hydrated={ready || undefined} action={formAction} noValidate className="card">
      <fieldset disabled={pending}>
        <legend className="label">{summary}</legend>
        <fieldset className="field" aria-describedby="approve-error">
          <legend className="sr-only">{t("followUps.extension.title")}</legend>
          <label className="checkbox">
            <input type="radio" name="approve" value="true" defaultChecked />
            {t("followUps.extension.approve")}
          </label>
          <label className="checkbox">
            <input type="radio" name="approve" value="false" />
            {t("followUps.extension.reject")}
          </label>
          <p id="approve-error" className="field-error" aria-live="polite">
            {approveError ? t(approveError) : null}
          </p>
        </fieldset>
        <TextAreaField name="note" label={t("followUps.extension.decisionNote")} error={fieldError(state, "note")} />
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("actions.save")}
        </button>
      </fieldset>
    </form>
  );
}
