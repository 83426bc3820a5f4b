"use client";

import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { holidaySchema } from "@/lib/offices/schemas";

/** A holiday or office day off: date, name, and the office it holds for (or every office). */
export function HolidayForm({ offices, action }: { offices: { id: string; name: string }[]; action: (values: unknown) => Promise<ActionState> }) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(holidaySchema, { date: "", name: "", officeUnitId: "" }, action, (_s, reset) => reset());
  const h = (k: string) => t(`offices.holidays.${k}`);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <div className="grid-2">
          <TextField label={h("date")} type="date" error={errorOf("date")} {...form.register("date")} />
          <TextField label={h("name")} maxLength={200} error={errorOf("name")} {...form.register("name")} />
          <SelectField
            label={h("office")}
            error={errorOf("officeUnitId")}
            options={[{ value: "", label: h("allOffices") }, ...offices.map((o) => ({ value: o.id, label: o.name }))]}
            {...form.register("officeUnitId")}
          />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : h("add")}
        </button>
      </fieldset>
    </form>
  );
}
