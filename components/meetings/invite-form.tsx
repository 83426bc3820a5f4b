"use client";

import { useEffect } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { inviteSchema, type InviteInput } from "@/lib/meetings/schemas";
import { ConflictWarnings, type ConflictItem } from "./conflict-warnings";

const EMPTY: InviteInput = { unitIds: [], includeSubUnits: false, acknowledgeConflicts: false };

/** Picks units from the tree (checkboxes, indented by depth), optionally with every sub-unit. */
export function InviteForm({
  units,
  action,
}: {
  units: { id: string; name: string; depth: number; invited: boolean }[];
  action: (values: unknown) => Promise<ActionState & { conflicts?: ConflictItem[] }>;
}) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(inviteSchema, EMPTY, action);
  useEffect(() => {
    if (state?.ok) form.reset(EMPTY);
  }, [state, form]);
  const conflicts = state && !state.ok ? (state as { conflicts?: ConflictItem[] }).conflicts : undefined;
  const error = errorOf("unitIds");
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <fieldset className="field" aria-describedby="invite-units-error">
          <legend className="label">{t("meetings.invitations.pickUnits")}</legend>
          <div className="unit-picker">
            {units.map((u) => (
              <label key={u.id} className="checkbox" style={{ paddingLeft: `${u.depth * 1.25}rem` }}>
                <input type="checkbox" value={u.id} disabled={u.invited} {...form.register("unitIds")} />
                <span>
                  {u.name}
                  {u.invited ? <span className="muted"> ✓</span> : null}
                </span>
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
