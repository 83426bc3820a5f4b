"use client";

import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { roomSchema, type RoomInput } from "@/lib/offices/schemas";

/** A room of an office: name, building, capacity, active. */
export function RoomForm({ initial, action, submitLabel }: { initial: RoomInput; action: (values: unknown) => Promise<ActionState>; submitLabel: string }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(roomSchema, initial, action, (_s, reset) => {
    if (!initial.name) reset();
  });
  const r = (k: string) => t(`offices.rooms.${k}`);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <div className="grid-2">
          <TextField label={r("name")} maxLength={200} error={errorOf("name")} {...form.register("name")} />
          <TextField label={r("building")} maxLength={200} error={errorOf("building")} {...form.register("building")} />
          <TextField label={r("capacity")} type="number" inputMode="numeric" min={1} error={errorOf("capacity")} {...form.register("capacity")} />
        </div>
        <label className="checkbox field">
          <input type="checkbox" {...form.register("active")} />
          <span>{r("active")}</span>
        </label>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : submitLabel}
        </button>
      </fieldset>
    </form>
  );
}
