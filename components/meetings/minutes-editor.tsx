"use client";

import { useEffect, useState } from "react";
import { SelectField, TextAreaField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { decisionSchema, minutesSchema, reopenSchema } from "@/lib/meetings/schemas";
import { ActionButton } from "./action-button";
import { StaleDiff } from "./stale-diff";

type Decision = { id: string; number: number; text: string; version: number; agendaItemId?: string | null };
type ItemOption = { id: string; title: string };

/** The summary (notulen) form; a stale save shows the summary saved meanwhile. */
export function MinutesForm({ summary, action }: { summary: string; action: (values: unknown) => Promise<ActionState> }) {
  const t = useT();
  const [submitted, setSubmitted] = useState("");
  const { form, pending, state, onSubmit, errorOf } = useActionForm(minutesSchema, { summary }, (values) => {
    setSubmitted(values.summary);
    return action(values);
  });
  const current = state && !state.ok && state.status === 409 ? (state.current as { minutes?: { summary?: string } } | null) : null;
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <TextAreaField label={t("meetings.minutes.summary")} rows={10} error={errorOf("summary")} {...form.register("summary")} />
        {state && !state.ok && state.status === 409 ? (
          <StaleDiff rows={[{ field: "summary", label: t("meetings.minutes.summary"), yours: submitted, theirs: current?.minutes?.summary ?? "" }]} />
        ) : (
          <FormStatus state={state} />
        )}
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("meetings.minutes.save")}
        </button>
      </fieldset>
    </form>
  );
}

export function DecisionForm({
  initial = "",
  initialItem = null,
  items = [],
  label,
  action,
  onDone,
}: {
  initial?: string;
  initialItem?: string | null;
  /** The meeting's agenda items: the decision may be attached to one (issue 23). */
  items?: ItemOption[];
  label: string;
  action: (values: unknown) => Promise<ActionState>;
  onDone?: () => void;
}) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(decisionSchema, { text: initial, agendaItemId: initialItem ?? "" }, action, () => onDone?.());
  useEffect(() => {
    if (state?.ok) form.reset({ text: "", agendaItemId: form.getValues("agendaItemId") });
  }, [state, form]);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        {items.length ? (
          <SelectField
            label={t("meetings.itemMinutes.item")}
            error={errorOf("agendaItemId")}
            placeholder={t("meetings.itemMinutes.noItem")}
            options={items.map((i) => ({ value: i.id, label: i.title }))}
            {...form.register("agendaItemId")}
          />
        ) : null}
        <TextAreaField label={label} rows={3} error={errorOf("text")} {...form.register("text")} />
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("actions.save")}
        </button>
      </fieldset>
    </form>
  );
}

/** Numbered decisions; editable ones get edit and remove controls. */
export function DecisionList({
  decisions,
  items = [],
  editable,
  update,
  remove,
}: {
  decisions: Decision[];
  items?: ItemOption[];
  editable: boolean;
  update: (id: string, version: number, values: unknown) => Promise<ActionState>;
  remove: (id: string, version: number) => Promise<ActionState>;
}) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  if (decisions.length === 0) return <p className="muted">{t("meetings.minutes.noDecisions")}</p>;
  return (
    <ol className="decision-list">
      {decisions.map((d) => (
        <li key={d.id} value={d.number}>
          <span className="pre-line">{d.text}</span>
          {d.agendaItemId && items.some((i) => i.id === d.agendaItemId) ? <span className="muted"> · {t("meetings.itemMinutes.item")}: {items.find((i) => i.id === d.agendaItemId)!.title}</span> : null}
          {editable ? (
            <div className="actions no-print">
              <button type="button" className="btn btn-secondary btn-small" aria-expanded={editing === d.id} onClick={() => setEditing(editing === d.id ? null : d.id)}>
                {t("meetings.minutes.editDecision", { n: d.number })}
              </button>
              <ActionButton action={() => remove(d.id, d.version)}>{t("meetings.minutes.removeDecision", { n: d.number })}</ActionButton>
            </div>
          ) : null}
          {editable && editing === d.id ? (
            <DecisionForm initial={d.text} initialItem={d.agendaItemId ?? null} items={items} label={t("meetings.minutes.editDecision", { n: d.number })} action={(v) => update(d.id, d.version, v)} onDone={() => setEditing(null)} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function ReopenForm({ action }: { action: (values: unknown) => Promise<ActionState> }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(reopenSchema, { reason: "" }, action);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <TextAreaField label={t("meetings.minutes.reopenReason")} rows={2} error={errorOf("reason")} {...form.register("reason")} />
        <FormStatus state={state} />
        <button type="submit" className="btn btn-secondary">
          {t("meetings.minutes.reopen")}
        </button>
      </fieldset>
    </form>
  );
}
