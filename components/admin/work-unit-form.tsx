"use client";

import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { TIME_ZONES, WORK_UNIT_KINDS } from "@/lib/enums";
import type { ActionState } from "@/lib/action-result";
import { workUnitSchema, type WorkUnitInput } from "@/lib/admin/schemas";

const ZONE_NAMES: Record<string, string> = { "Asia/Jakarta": "WIB (UTC+7)", "Asia/Makassar": "WITA (UTC+8)", "Asia/Jayapura": "WIT (UTC+9)" };

export function WorkUnitForm({
  initial,
  parents,
  action,
}: {
  initial?: WorkUnitInput;
  parents: { id: string; label: string }[];
  action: (values: WorkUnitInput) => Promise<ActionState>;
}) {
  const t = useT();
  const { form, pending, state, onSubmit, errorOf } = useActionForm(
    workUnitSchema,
    initial ?? { code: "", name: "", kind: "technical_unit", parentId: "", timeZone: "Asia/Jakarta" },
    action,
  );
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <fieldset disabled={pending}>
        <div className="grid-2">
          <TextField label={t("admin.units.code")} error={errorOf("code")} {...form.register("code")} />
          <TextField label={t("admin.units.name")} error={errorOf("name")} {...form.register("name")} />
          <SelectField
            label={t("admin.units.kind")}
            error={errorOf("kind")}
            options={WORK_UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
            {...form.register("kind")}
          />
          <SelectField
            label={t("admin.units.parent")}
            error={errorOf("parentId")}
            placeholder={t("admin.units.noParent")}
            options={parents.map((p) => ({ value: p.id, label: p.label }))}
            {...form.register("parentId")}
          />
          <SelectField
            label={t("admin.units.timeZone")}
            error={errorOf("timeZone")}
            options={TIME_ZONES.map((z) => ({ value: z, label: ZONE_NAMES[z] ?? z }))}
            {...form.register("timeZone")}
          />
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("actions.save")}
        </button>
      </fieldset>
    </form>
  );
}
