"use client";

import { useRef, useState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { Picker } from "@/components/forms/picker";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { MEETING_KINDS, SERIES_RULES } from "@/lib/enums";
import type { ActionState } from "@/lib/action-result";
import { cancelSchema, rescheduleSchema, seriesSchema, seriesTemplateSchema, type SeriesTemplateInput } from "@/lib/meetings/schemas";
import { ConflictWarnings, type ConflictItem } from "./conflict-warnings";

type Act = (values: unknown) => Promise<ActionState & { conflicts?: ConflictItem[] }>;

/** Cancelling: the reason is checked first, then a dialog says what cancelling does; only then is it done. */
export function CancelForm({ action }: { action: Act }) {
  const t = useT();
  const confirmed = useRef(false);
  const [asking, setAsking] = useState(false);
  const { form, pending, state, onSubmit, errorOf } = useActionForm(cancelSchema, { reason: "" }, async (values) => {
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
          title: t("meetings.confirm.cancel.title"),
          body: <p>{t("meetings.confirm.cancel.body")}</p>,
          confirmLabel: t("meetings.confirm.cancel.confirm"),
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
        <TextAreaField label={t("meetings.lifecycle.cancelReason")} rows={2} error={errorOf("reason")} {...form.register("reason")} />
        <FormStatus state={state} />
        <button type="submit" className="btn btn-danger">
          {t("meetings.lifecycle.cancel")}
        </button>
      </fieldset>
    </form>
  );
}

export function RescheduleForm({ startsAt, endsAt, action }: { startsAt: string; endsAt: string; action: Act }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(rescheduleSchema, { startsAt, endsAt, reason: "", acknowledgeConflicts: false }, action);
  const conflicts = state && !state.ok ? (state as { conflicts?: ConflictItem[] }).conflicts : undefined;
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <p className="muted">{t("meetings.lifecycle.rescheduleHelp")}</p>
        <div className="grid-2">
          <TextField label={t("meetings.fields.startsAt")} type="datetime-local" error={errorOf("startsAt")} {...form.register("startsAt")} />
          <TextField label={t("meetings.fields.endsAt")} type="datetime-local" error={errorOf("endsAt")} {...form.register("endsAt")} />
        </div>
        <TextAreaField label={t("meetings.lifecycle.rescheduleReason")} rows={2} error={errorOf("reason")} {...form.register("reason")} />
        <ConflictWarnings conflicts={conflicts} acknowledge={form.register("acknowledgeConflicts")} error={errorOf("acknowledgeConflicts")} />
        <FormStatus state={conflicts ? null : state} />
        <button type="submit" className="btn">
          {t("meetings.lifecycle.reschedule")}
        </button>
      </fieldset>
    </form>
  );
}

export function SeriesForm({ action }: { action: Act }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(seriesSchema, { rule: "monthly", count: "", untilDate: "" }, action);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <div className="grid-2">
          <SelectField label={t("meetings.series.rule")} error={errorOf("rule")} options={SERIES_RULES.map((r) => ({ value: r, label: t(`meetings.series.rules.${r}`) }))} {...form.register("rule")} />
          <TextField label={t("meetings.series.count")} type="number" inputMode="numeric" min={2} max={60} error={errorOf("count")} {...form.register("count")} />
          <TextField label={t("meetings.series.untilDate")} type="date" error={errorOf("untilDate")} {...form.register("untilDate")} />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {t("meetings.series.create")}
        </button>
      </fieldset>
    </form>
  );
}

export function SeriesTemplateForm({ initial, chairLabel, action }: { initial: SeriesTemplateInput; chairLabel?: string; action: Act }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(seriesTemplateSchema, initial, action);
  const f = (k: string) => t(`meetings.fields.${k}`);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <p className="muted">{t("meetings.series.templateHelp")}</p>
        <TextField label={f("title")} error={errorOf("title")} {...form.register("title")} />
        <TextField label={f("topic")} error={errorOf("topic")} {...form.register("topic")} />
        <TextAreaField label={f("description")} error={errorOf("description")} {...form.register("description")} />
        <div className="grid-2">
          <SelectField label={f("kind")} error={errorOf("kind")} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} {...form.register("kind")} />
          <Picker
            label={f("chairUserId")}
            source="people"
            placeholder={f("noChair")}
            value={String(form.watch("chairUserId") ?? "")}
            initialLabel={chairLabel}
            onChange={(id) => form.setValue("chairUserId", id, { shouldDirty: true })}
            error={errorOf("chairUserId")}
          />
          <TextField label={f("location")} error={errorOf("location")} {...form.register("location")} />
          <TextField label={f("onlineUrl")} type="url" error={errorOf("onlineUrl")} {...form.register("onlineUrl")} />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {t("actions.save")}
        </button>
      </fieldset>
    </form>
  );
}
