"use client";

import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { useHydrated } from "./use-hydrated";
import type { ActionState } from "@/lib/action-result";
import { categorySchema, type CategoryInput } from "@/lib/follow-ups/schemas";

export function CategoryForm({ initial, action, submitLabel }: { initial: CategoryInput; action: (values: CategoryInput) => Promise<ActionState>; submitLabel: string }) {
  const t = useT();
  const ready = useHydrated();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(categorySchema, initial, action as (v: unknown) => Promise<ActionState>);
  return (
    <form data-hydrated={ready || undefined} onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <div className="grid-2">
          <TextField label={t("followUps.fields.code")} error={errorOf("code")} {...form.register("code")} />
          <TextField label={t("followUps.fields.sortOrder")} type="number" min={0} max={1000} error={errorOf("sortOrder")} {...form.register("sortOrder")} />
          <TextField label={t("followUps.fields.nameId")} error={errorOf("nameId")} {...form.register("nameId")} />
          <TextField label={t("followUps.fields.nameEn")} error={errorOf("nameEn")} {...form.register("nameEn")} />
        </div>
        <label className="checkbox">
          <input type="checkbox" {...form.register("active")} />
          {t("followUps.fields.active")}
        </label>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : submitLabel}
        </button>
      </fieldset>
    </form>
  );
}
