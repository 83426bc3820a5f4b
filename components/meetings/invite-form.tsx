"use client";

import { useEffect, useState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { Picker, type PickerOption } from "@/components/forms/picker";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { inviteSchema, type InviteInput } from "@/lib/meetings/schemas";
import { ConflictWarnings, type ConflictItem } from "./conflict-warnings";

const EMPTY: InviteInput = { unitIds: [], includeSubUnits: false, acknowledgeConflicts: false };

/**
 * Picks units with a search-as-you-type picker (there may be hundreds): each choice joins the
 * list of checked units below it (uncheck to drop one), optionally with every sub-unit.
 */
export function InviteForm({
  invited,
  action,
}: {
  /** Units already invited (not offered again). */
  invited: string[];
  action: (values: unknown) => Promise<ActionState & { conflicts?: ConflictItem[] }>;
}) {
  const t = useT();
  // Labels of the units picked so far; the form's unitIds says which are chosen.
  const [labels, setLabels] = useState<Record<string, string>>({});
  const { form, pending, state, onSubmit, errorOf } = useActionForm(inviteSchema, EMPTY, action);
  useEffect(() => {
    if (state?.ok) form.reset(EMPTY);
  }, [state, form]);
  const ids = (form.watch("unitIds") ?? []) as string[];
  const chosen: PickerOption[] = ids.map((id) => ({ id, label: labels[id] ?? id }));
  const choose = (list: PickerOption[]) => {
    setLabels((prev) => ({ ...prev, ...Object.fromEntries(list.map((u) => [u.id, u.label])) }));
    form.setValue("unitIds", list.map((u) => u.id), { shouldDirty: true });
  };
  const conflicts = state && !state.ok ? (state as { conflicts?: ConflictItem[] }).conflicts : undefined;
  const error = errorOf("unitIds");
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <Picker
          key={chosen.length}
          label={t("meetings.invitations.pickUnits")}
          source="units"
          onChange={(_id, option) => {
            if (option && !invited.includes(option.id) && !chosen.some((u) => u.id === option.id)) choose([...chosen, option]);
          }}
        />
        <fieldset className="field" aria-describedby="invite-units-error">
          <legend className="sr-only">{t("meetings.invitations.pickUnits")}</legend>
          <div className="unit-picker">
            {chosen.map((u) => (
              <label key={u.id} className="checkbox">
                <input type="checkbox" checked onChange={() => choose(chosen.filter((c) => c.id !== u.id))} />
                <span>{u.label}</span>
              </label>
            ))}
          </div>
          <p id="invite-units-error" className="field-error" aria-live="polite">
            {error ? t(error) : null}
          </p>
        </fieldset>
        <label className="checkbox field">
          <input type="checkbox" {...form.register("includeSubUnits")} />
          <span>{t("meetings.invitations.includeSubUnits")}</span>
        </label>
        <ConflictWarnings conflicts={conflicts} acknowledge={form.register("acknowledgeConflicts")} error={errorOf("acknowledgeConflicts")} />
        <FormStatus state={conflicts ? null : state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("meetings.invitations.add")}
        </button>
      </fieldset>
    </form>
  );
}
