"use client";

import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { ROLES } from "@/lib/enums";
import type { ActionState } from "@/lib/action-result";
import { createUserSchema, updateUserSchema, type UpdateUserInput } from "@/lib/admin/schemas";

type Props = {
  units: { id: string; label: string }[];
} & (
  | { mode: "create"; action: (values: UpdateUserInput & { password: string }) => Promise<ActionState> }
  | { mode: "edit"; initial: UpdateUserInput; action: (values: UpdateUserInput) => Promise<ActionState> }
);

export function UserForm(props: Props) {
  const t = useT();
  const schema = props.mode === "create" ? createUserSchema : updateUserSchema;
  const initial =
    props.mode === "edit" ? { ...props.initial, nip: props.initial.nip ?? "" } : { name: "", email: "", nip: "", position: "", workUnitId: "", role: "participant" as const, unitContact: false, password: "" };
  const { form, pending, state, onSubmit, errorOf } = useActionForm(schema, initial, props.action as (values: unknown) => Promise<ActionState>);
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <fieldset disabled={pending}>
        <div className="grid-2">
          <TextField label={t("admin.users.name")} autoComplete="off" error={errorOf("name")} {...form.register("name")} />
          <TextField label={t("admin.users.email")} type="email" autoComplete="off" error={errorOf("email")} {...form.register("email")} />
          <TextField label={t("admin.users.nip")} inputMode="numeric" hint={t("admin.users.nipHint")} error={errorOf("nip")} {...form.register("nip")} />
          <TextField label={t("admin.users.position")} error={errorOf("position")} {...form.register("position")} />
          <SelectField
            label={t("admin.users.unit")}
            error={errorOf("workUnitId")}
            placeholder="—"
            options={props.units.map((u) => ({ value: u.id, label: u.label }))}
            {...form.register("workUnitId")}
          />
          <SelectField
            label={t("admin.users.role")}
            error={errorOf("role")}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            {...form.register("role")}
          />
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" {...form.register("unitContact")} />
              <span>{t("admin.users.unitContact")}</span>
            </label>
            <span className="hint">{t("admin.users.unitContactHint")}</span>
            <p className="field-error" aria-live="polite">
              {errorOf("unitContact") ? t(errorOf("unitContact")!) : null}
            </p>
          </div>
          {props.mode === "create" ? (
            <TextField
              label={t("admin.users.password")}
              type="password"
              autoComplete="new-password"
              error={errorOf("password")}
              {...form.register("password" as never)}
            />
          ) : null}
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("actions.save")}
        </button>
      </fieldset>
    </form>
  );
}
