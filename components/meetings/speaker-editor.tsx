"use client";

import { useEffect, useState } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { Picker } from "@/components/forms/picker";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { SPEAKER_ROLES } from "@/lib/enums";
import type { ActionState } from "@/lib/action-result";
import { speakerSchema, type SpeakerInput } from "@/lib/meetings/schemas";
import { ActionButton } from "./action-button";
import { ConflictWarnings, type ConflictItem } from "./conflict-warnings";

const EMPTY: SpeakerInput = { userId: "", name: "", position: "", organization: "", role: "resource_person", onBehalfOf: "", topic: "", sortOrder: "", acknowledgeConflicts: false };

/**
 * Adds or edits an internal (staff) or external speaker; an internal one double-booked elsewhere
 * needs an acknowledgement.
 */
export function SpeakerForm({
  personLabel,
  action,
  initial,
  submitLabel,
  onDone,
}: {
  /** The label of the internal speaker already chosen (editing). */
  personLabel?: string;
  action: (values: unknown) => Promise<ActionState & { conflicts?: ConflictItem[] }>;
  initial?: SpeakerInput;
  submitLabel?: string;
  onDone?: () => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<"internal" | "external">(initial?.userId ? "internal" : "external");
  const { form, pending, state, onSubmit, errorOf } = useActionForm(
    speakerSchema,
    initial ?? EMPTY,
    (values) => action(kind === "internal" ? { ...values, name: null, position: null, organization: null } : { ...values, userId: null }),
    () => onDone?.(),
  );
  useEffect(() => {
    if (state?.ok && !initial) form.reset(EMPTY);
  }, [state, form, initial]);
  const conflicts = state && !state.ok ? (state as { conflicts?: ConflictItem[] }).conflicts : undefined;
  const l = (k: string) => t(`meetings.speakers.${k}`);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <fieldset className="field">
          <legend className="label">{l("type")}</legend>
          <label className="checkbox">
            <input type="radio" name={`speaker-kind-${initial ? "edit" : "new"}`} value="internal" checked={kind === "internal"} onChange={() => setKind("internal")} />
            <span>{l("internal")}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name={`speaker-kind-${initial ? "edit" : "new"}`} value="external" checked={kind === "external"} onChange={() => setKind("external")} />
            <span>{l("external")}</span>
          </label>
        </fieldset>
        <div className="grid-2">
          {kind === "internal" ? (
            <Picker
              label={l("user")}
              source="people"
              placeholder={l("pickUser")}
              value={String(form.watch("userId") ?? "")}
              initialLabel={personLabel}
              onChange={(id) => form.setValue("userId", id, { shouldDirty: true })}
              error={errorOf("userId") ?? errorOf("name")}
            />
          ) : (
            <>
              <TextField label={l("name")} error={errorOf("name")} {...form.register("name")} />
              <TextField label={l("position")} error={errorOf("position")} {...form.register("position")} />
              <TextField label={l("organization")} error={errorOf("organization")} {...form.register("organization")} />
            </>
          )}
          <SelectField label={l("role")} error={errorOf("role")} options={SPEAKER_ROLES.map((r) => ({ value: r, label: t(`meetings.speakers.roles.${r}`) }))} {...form.register("role")} />
          <TextField label={l("onBehalfOf")} error={errorOf("onBehalfOf")} {...form.register("onBehalfOf")} />
          <TextField label={l("topic")} error={errorOf("topic")} {...form.register("topic")} />
          <TextField label={l("sortOrder")} type="number" inputMode="numeric" min={0} error={errorOf("sortOrder")} {...form.register("sortOrder")} />
        </div>
        <ConflictWarnings conflicts={conflicts} acknowledge={form.register("acknowledgeConflicts")} error={errorOf("acknowledgeConflicts")} />
        <FormStatus state={conflicts ? null : state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : (submitLabel ?? l("add"))}
        </button>
      </fieldset>
    </form>
  );
}

export type SpeakerRow = {
  id: string;
  version: number;
  role: string;
  displayName: string;
  displayPosition: string | null;
  organization: string | null;
  onBehalfOf: string | null;
  topic: string | null;
  input: SpeakerInput;
};

/** The speakers in order; editors get edit and remove controls per speaker. */
export function SpeakerList({
  speakers,
  editable,
  update,
  remove,
}: {
  speakers: SpeakerRow[];
  editable: boolean;
  update: (id: string, version: number, values: unknown) => Promise<ActionState & { conflicts?: ConflictItem[] }>;
  remove: (id: string, version: number) => Promise<ActionState>;
}) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  if (speakers.length === 0) return <p className="muted">{t("meetings.speakers.empty")}</p>;
  return (
    <ul className="speaker-list">
      {speakers.map((s) => (
        <li key={s.id}>
          <strong>{t(`meetings.speakers.roles.${s.role}`)}:</strong> {s.displayName}
          {s.displayPosition ? <span>, {s.displayPosition}</span> : null}
          {s.organization ? <span>, {s.organization}</span> : null}
          {s.onBehalfOf ? <span> ({t("meetings.speakers.onBehalfOfText", { who: s.onBehalfOf })})</span> : null}
          {s.topic ? <div className="muted">{s.topic}</div> : null}
          {editable ? (
            <div className="actions no-print">
              <button type="button" className="btn btn-secondary btn-small" aria-expanded={editing === s.id} onClick={() => setEditing(editing === s.id ? null : s.id)}>
                {t("meetings.speakers.edit", { name: s.displayName })}
              </button>
              <ActionButton action={() => remove(s.id, s.version)}>{t("meetings.speakers.remove", { name: s.displayName })}</ActionButton>
            </div>
          ) : null}
          {editable && editing === s.id ? (
            <SpeakerForm personLabel={s.input.userId ? s.displayName : undefined} initial={s.input} action={(v) => update(s.id, s.version, v)} submitLabel={t("actions.save")} onDone={() => setEditing(null)} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
