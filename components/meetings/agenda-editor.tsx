"use client";

import { useState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { agendaItemSchema, type AgendaItemInput } from "@/lib/meetings/schemas";
import { ActionButton } from "./action-button";
import { StaleDiff, diffRows } from "./stale-diff";

export type AgendaRow = {
  id: string;
  version: number;
  title: string;
  description: string;
  durationMinutes: number;
  presenterSpeakerId: string | null;
  presenterName: string | null;
  /** "09.00–09.10" computed from the meeting start. */
  time: string;
};

type Bound = {
  move: (id: string, direction: "up" | "down") => Promise<ActionState>;
  remove: (id: string, version: number) => Promise<ActionState>;
  update: (id: string, version: number, values: unknown) => Promise<ActionState>;
  add: (values: unknown) => Promise<ActionState>;
};

/** The agenda with computed times; when editable, keyboard-accessible move/edit/remove and an add form. */
export function AgendaEditor({
  items,
  speakers,
  editable,
  actions,
}: {
  items: AgendaRow[];
  speakers: { id: string; label: string }[];
  editable: boolean;
  actions: Bound;
}) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  // Remounting the add form after a success empties it for the next item.
  const [added, setAdded] = useState(0);
  return (
    <>
      {items.length === 0 ? <p className="muted">{t("meetings.agenda.empty")}</p> : null}
      <ol className="agenda-list">
        {items.map((item, i) => (
          <li key={item.id} className="agenda-item">
            <div className="agenda-time">{item.time}</div>
            <div className="agenda-body">
              <strong>{item.title}</strong> <span className="muted">({t("meetings.agenda.minutes", { n: item.durationMinutes })})</span>
              {item.presenterName ? <div>{item.presenterName}</div> : null}
              {item.description ? <div className="muted pre-line">{item.description}</div> : null}
              {editable && editing === item.id ? (
                <AgendaItemForm
                  speakers={speakers}
                  initial={{ title: item.title, description: item.description, durationMinutes: item.durationMinutes, presenterSpeakerId: item.presenterSpeakerId ?? "" }}
                  action={(values) => actions.update(item.id, item.version, values)}
                  onDone={() => setEditing(null)}
                  submitLabel={t("actions.save")}
                />
              ) : null}
            </div>
            {editable ? (
              <div className="agenda-controls no-print">
                <ActionButton label={t("meetings.agenda.moveUp", { title: item.title })} action={() => actions.move(item.id, "up")}>
                  <span aria-hidden="true">↑</span>
                </ActionButton>
                <ActionButton label={t("meetings.agenda.moveDown", { title: item.title })} action={() => actions.move(item.id, "down")}>
                  <span aria-hidden="true">↓</span>
                </ActionButton>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-expanded={editing === item.id}
                  aria-label={t("meetings.agenda.edit", { title: item.title })}
                  onClick={() => setEditing(editing === item.id ? null : item.id)}
                >
                  {t("actions.edit")}
                </button>
                <ActionButton label={t("meetings.agenda.remove", { title: item.title })} action={() => actions.remove(item.id, item.version)}>
                  {t("actions.delete")}
                </ActionButton>
                <span className="sr-only">{i + 1}</span>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {editable ? (
        <details className="card no-print">
          <summary>{t("meetings.agenda.add")}</summary>
          <AgendaItemForm
            key={added}
            speakers={speakers}
            initial={{ title: "", description: "", durationMinutes: "", presenterSpeakerId: "" }}
            action={actions.add}
            onDone={() => setAdded((n) => n + 1)}
            submitLabel={t("meetings.agenda.add")}
          />
        </details>
      ) : null}
    </>
  );
}

function AgendaItemForm({
  speakers,
  initial,
  action,
  onDone,
  submitLabel,
}: {
  speakers: { id: string; label: string }[];
  initial: AgendaItemInput;
  action: (values: unknown) => Promise<ActionState>;
  onDone?: () => void;
  submitLabel: string;
}) {
  const t = useT();
  const [submitted, setSubmitted] = useState<Record<string, unknown>>({});
  const { form, pending, state, onSubmit, errorOf } = useActionForm(agendaItemSchema, initial, (values) => {
    setSubmitted(values as Record<string, unknown>);
    return action(values);
  }, () => onDone?.());
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <div className="grid-2">
          <TextField label={t("meetings.agenda.itemTitle")} error={errorOf("title")} {...form.register("title")} />
          <TextField label={t("meetings.agenda.duration")} type="number" inputMode="numeric" min={1} max={1440} error={errorOf("durationMinutes")} {...form.register("durationMinutes")} />
          <SelectField
            label={t("meetings.agenda.presenter")}
            error={errorOf("presenterSpeakerId")}
            placeholder={t("meetings.agenda.noPresenter")}
            options={speakers.map((s) => ({ value: s.id, label: s.label }))}
            {...form.register("presenterSpeakerId")}
          />
        </div>
        <TextAreaField label={t("meetings.agenda.description")} error={errorOf("description")} {...form.register("description")} />
        {state && !state.ok && state.status === 409 ? (
          <StaleDiff
            rows={diffRows(
              [
                { field: "title", label: t("meetings.agenda.itemTitle") },
                { field: "durationMinutes", label: t("meetings.agenda.duration") },
                { field: "presenterSpeakerId", label: t("meetings.agenda.presenter"), format: (v) => speakers.find((s) => s.id === v)?.label ?? "" },
                { field: "description", label: t("meetings.agenda.description") },
              ],
              submitted,
              state.current,
            )}
          />
        ) : (
          <FormStatus state={state} />
        )}
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : submitLabel}
        </button>
      </fieldset>
    </form>
  );
}
