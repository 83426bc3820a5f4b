"use client";

import { useEffect, useState } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { SPEAKER_ROLES } from "@/db/schema/_enums";
import type { ActionState } from "@/lib/action-result";
import { speakerSchema, type SpeakerInput } from "@/lib/meetings/schemas";
import { ConflictWarnings, type ConflictItem } from "./conflict-warnings";

const EMPTY: SpeakerInput = { userId: "", name: "", position: "", organization: "", role: "resource_person", onBehalfOf: "", topic: "", sortOrder: "", acknowledgeConflicts: false };

/** Adds an internal (staff) or external speaker; an internal one double-booked elsewhere needs an acknowledgement. */
export function SpeakerForm({ people, action }: { people: { id: string; label: string }[]; action: (values: unknown) => Promise<ActionState & { conflicts?: ConflictItem[] }> }) {
  const t = useT();
  const [kind, setKind] = useState<"internal" | "external">("external");
  const { form, pending, state, onSubmit, errorOf } = useActionForm(
    speakerSchema,
    EMPTY,
    (values) => action(kind === "internal" ? { ...values, name: null, position: null, organization: null } : { ...values, userId: null }),
  );
  useEffect(() => {
    if (state?.ok) form.reset(EMPTY);
  }, [state, form]);
  const conflicts = state && !state.ok ? (state as { conflicts?: ConflictItem[] }).conflicts : undefined;
  const l = (k: string) => t(`meetings.speakers.${k}`);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <fieldset className="field">
          <legend className="label">{l("type")}</legend>
          <label className="checkbox">
            <input type="radio" name="speaker-kind" value="internal" checked={kind === "internal"} onChange={() => setKind("internal")} />
            <span>{l("internal")}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="speaker-kind" value="external" checked={kind === "external"} onChange={() => setKind("external")} />
            <span>{l("external")}</span>
          </label>
        </fieldset>
        <div className="grid-2">
          {kind === "internal" ? (
            <SelectField label={l("user")} placeholder={l("pickUser")} error={errorOf("userId") ?? errorOf("name")} options={people.map((p) => ({ value: p.id, label: p.label }))} {...form.register("userId")} />
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
        <ConflictWarnings conflicts={conflicts} />
        {conflicts?.length ? (
          <label className="checkbox field">
            <input type="checkbox" {...form.register("acknowledgeConflicts")} />
            <span>{t("meetings.fields.acknowledgeConflicts")}</span>
          </label>
        ) : null}
        {conflicts?.length && errorOf("acknowledgeConflicts") ? (
          <p className="field-error" aria-live="polite">
            {t(errorOf("acknowledgeConflicts")!)}
          </p>
        ) : null}
        <FormStatus state={conflicts ? null : state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : l("add")}
        </button>
      </fieldset>
    </form>
  );
}
