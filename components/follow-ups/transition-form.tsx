"use client";

import { startTransition, useState, type FormEvent } from "react";
import { TextAreaField, TextField, SelectField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useT } from "@/components/i18n-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useHydrated } from "./use-hydrated";
import { useUploadAction } from "./use-upload-action";
import type { ActionState } from "@/lib/action-result";
import { EVIDENCE_ACCEPT } from "@/lib/follow-ups/schemas";

type FormAction = (prev: ActionState | null, formData: FormData) => Promise<ActionState>;
export type TransitionName = "start" | "report" | "verify" | "return" | "cancel";

const fieldError = (state: ActionState | null, name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

/**
 * One status change. Report needs a note and evidence (a link, a new file or an uploaded one);
 * return and cancel need a reason; start and verify are one-button forms. The server decides.
 */
export function TransitionForm({
  name,
  to,
  action,
  files = [],
  meetingId,
}: {
  name: TransitionName;
  to: string;
  action: FormAction;
  files?: { id: string; fileName: string }[];
  meetingId?: string;
}) {
  const t = useT();
  const ready = useHydrated();
  const [state, formAction, pending] = useUploadAction(action);
  // Dispatched from onSubmit (not the `action` prop): React then does not reset the form, so a
  // refused report keeps the note, link and chosen file the person typed.
  // Verifying is final (verified is the last status): a dialog asks first.
  const [asking, setAsking] = useState<FormData | null>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    if (name === "verify") setAsking(data);
    else startTransition(() => formAction(data));
  };
  const needsNote = name === "report" || name === "return" || name === "cancel";
  const danger = name === "cancel" || name === "return";
  const form = (
    <form data-hydrated={ready || undefined} onSubmit={onSubmit} noValidate>
      {name === "verify" ? (
        <ConfirmDialog
          open={asking !== null}
          text={{
            title: t("followUps.confirmVerify.title"),
            body: <p>{t("followUps.confirmVerify.body")}</p>,
            confirmLabel: t("followUps.confirmVerify.confirm"),
            cancelLabel: t("actions.cancel"),
          }}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const data = asking;
            setAsking(null);
            if (data) startTransition(() => formAction(data));
          }}
        />
      ) : null}
      <fieldset disabled={pending}>
        <input type="hidden" name="to" value={to} />
        {meetingId ? <input type="hidden" name="meetingId" value={meetingId} /> : null}
        {needsNote ? (
          <TextAreaField
            name="note"
            label={name === "report" ? t("followUps.fields.note") : t("followUps.fields.reason")}
            required
            maxLength={5000}
            error={fieldError(state, "note")}
            hint={t(`followUps.transitionHelp.${name}`)}
          />
        ) : null}
        {name === "report" ? (
          <>
            <TextField name="evidenceUrl" type="url" inputMode="url" label={t("followUps.fields.evidenceUrl")} placeholder="https://" error={fieldError(state, "evidenceUrl")} />
            <TextField name="file" type="file" accept={EVIDENCE_ACCEPT} label={t("followUps.fields.evidenceFile")} error={fieldError(state, "file")} hint={t("followUps.upload.help")} />
            {files.length ? (
              <SelectField
                name="evidenceFileId"
                label={t("followUps.fields.existingEvidence")}
                placeholder="—"
                options={files.map((f) => ({ value: f.id, label: f.fileName }))}
                error={fieldError(state, "evidenceFileId")}
              />
            ) : null}
            <p className="field-error" aria-live="polite">
              {fieldError(state, "evidence") ? t(fieldError(state, "evidence")!) : null}
            </p>
          </>
        ) : null}
        <FormStatus state={state} />
        <button type="submit" className={danger ? "btn btn-danger" : "btn"}>
          {pending ? t("actions.saving") : t(`followUps.transitions.${name}`)}
        </button>
      </fieldset>
    </form>
  );
  if (!needsNote) return <div className="fu-one-button">{form}</div>;
  return (
    <details open={state !== null && !state.ok}>
      <summary>{t(`followUps.transitions.${name}`)}</summary>
      {form}
    </details>
  );
}
