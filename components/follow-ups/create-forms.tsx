"use client";

import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { Picker } from "@/components/forms/picker";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { useHydrated } from "./use-hydrated";
import { PRIORITIES } from "@/lib/enums";
import type { ActionState } from "@/lib/action-result";
import { createActionItemSchema, createFromDecisionSchema, type CreateActionItemInput, type CreateFromDecisionInput } from "@/lib/follow-ups/schemas";

type Option = { id: string; name: string };

export function CreateActionItemForm({
  units,
  categories,
  defaults,
  minDate,
  action,
}: {
  units: Option[];
  categories: Option[];
  defaults: { meetingId?: string; decisionId?: string; title?: string };
  minDate: string;
  action: (values: CreateActionItemInput) => Promise<ActionState>;
}) {
  const t = useT();
  const ready = useHydrated();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(
    createActionItemSchema,
    {
      title: defaults.title ?? "",
      description: "",
      categoryId: "",
      workUnitId: "",
      picUserId: "",
      dueDate: "",
      priority: "medium",
      meetingId: defaults.meetingId ?? "",
      decisionId: defaults.decisionId ?? "",
    },
    action as (v: unknown) => Promise<ActionState>,
  );
  const unitId = form.watch("workUnitId");
  return (
    <form data-hydrated={ready || undefined} onSubmit={onSubmit} noValidate className="card">
      <fieldset disabled={pending}>
        <TextField label={t("followUps.fields.title")} maxLength={300} error={errorOf("title")} {...form.register("title")} />
        <TextAreaField label={t("followUps.fields.description")} error={errorOf("description")} {...form.register("description")} />
        <div className="grid-2">
          <SelectField label={t("followUps.fields.category")} placeholder="—" options={categories.map((c) => ({ value: c.id, label: c.name }))} error={errorOf("categoryId")} {...form.register("categoryId")} />
          <SelectField label={t("followUps.fields.unit")} placeholder="—" options={units.map((u) => ({ value: u.id, label: u.name }))} error={errorOf("workUnitId")} {...form.register("workUnitId")} />
          {/* The person in charge is searched among the chosen unit's members (a new search per unit). */}
          <Picker
            key={unitId || "none"}
            label={t("followUps.fields.pic")}
            source="people"
            params={{ unitId: unitId || undefined }}
            placeholder={unitId ? t("followUps.create.noPic") : t("followUps.create.unitFirst")}
            value={String(form.watch("picUserId") ?? "")}
            onChange={(id) => form.setValue("picUserId", id, { shouldDirty: true })}
            error={errorOf("picUserId")}
          />
          <TextField label={t("followUps.fields.dueDate")} type="date" min={minDate} error={errorOf("dueDate")} {...form.register("dueDate")} />
          <SelectField label={t("followUps.fields.priority")} options={PRIORITIES.map((p) => ({ value: p, label: t(`followUps.priority.${p}`) }))} error={errorOf("priority")} {...form.register("priority")} />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("followUps.create.submit")}
        </button>
      </fieldset>
    </form>
  );
}

/** One decision → a follow-up for each chosen unit (all invited units by default), in one transaction. */
export function FromDecisionForm({
  decisionText,
  units,
  categories,
  minDate,
  action,
}: {
  decisionText: string;
  units: Option[];
  categories: Option[];
  minDate: string;
  action: (values: CreateFromDecisionInput) => Promise<ActionState>;
}) {
  const t = useT();
  const ready = useHydrated();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(
    createFromDecisionSchema.omit({ decisionId: true }),
    {
      title: decisionText.slice(0, 300),
      description: decisionText.length > 300 ? decisionText : "",
      categoryId: "",
      dueDate: "",
      priority: "medium",
      workUnitIds: [],
      picByUnit: {},
    },
    action as (v: unknown) => Promise<ActionState>,
  );
  const unitsError = errorOf("workUnitIds");
  return (
    <form data-hydrated={ready || undefined} onSubmit={onSubmit} noValidate className="card">
      <fieldset disabled={pending}>
        <TextField label={t("followUps.fields.title")} maxLength={300} error={errorOf("title")} {...form.register("title")} />
        <TextAreaField label={t("followUps.fields.description")} error={errorOf("description")} {...form.register("description")} />
        <div className="grid-2">
          <SelectField label={t("followUps.fields.category")} placeholder="—" options={categories.map((c) => ({ value: c.id, label: c.name }))} error={errorOf("categoryId")} {...form.register("categoryId")} />
          <TextField label={t("followUps.fields.dueDate")} type="date" min={minDate} error={errorOf("dueDate")} {...form.register("dueDate")} />
          <SelectField label={t("followUps.fields.priority")} options={PRIORITIES.map((p) => ({ value: p, label: t(`followUps.priority.${p}`) }))} error={errorOf("priority")} {...form.register("priority")} />
        </div>
        <fieldset aria-describedby="units-error">
          <legend className="label">{t("followUps.fields.units")}</legend>
          <p>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => form.setValue("workUnitIds", units.map((u) => u.id), { shouldValidate: true })}>
              {t("followUps.create.allInvited")}
            </button>
          </p>
          <div className="fu-checks">
            {units.map((u) => {
              return (
                <div key={u.id} className="fu-unit-row">
                  <label className="checkbox">
                    <input type="checkbox" value={u.id} {...form.register("workUnitIds")} />
                    {u.name}
                  </label>
                  <Picker
                    label={`${t("followUps.fields.pic")} — ${u.name}`}
                    source="people"
                    params={{ unitId: u.id }}
                    placeholder={t("followUps.create.noPic")}
                    value={String(form.watch(`picByUnit.${u.id}` as "picByUnit") ?? "")}
                    onChange={(id) => form.setValue(`picByUnit.${u.id}` as "picByUnit", id as never, { shouldDirty: true })}
                    error={errorOf(`picByUnit.${u.id}`)}
                  />
                </div>
              );
            })}
          </div>
          <p id="units-error" className="field-error" aria-live="polite">
            {unitsError ? t(unitsError) : null}
          </p>
        </fieldset>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("followUps.create.submitMany")}
        </button>
      </fieldset>
    </form>
  );
}
