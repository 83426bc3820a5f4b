"use client";

import { useFieldArray } from "react-hook-form";
import { TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { rsvpSchema } from "@/lib/meetings/schemas";

type Initial = { response: string; delegates: { name: string; position?: string }[]; representedBy: string | null; reason: string | null };

/** A participant answers for their unit: attending (delegates), represented by someone, or declined (reason). */
export function RsvpForm({ initial, action }: { initial: Initial; action: (values: unknown) => Promise<ActionState> }) {
  const t = useT();
  const defaults = {
    response: (initial.response === "pending" ? "attending" : initial.response) as "attending",
    delegates: initial.delegates.length ? initial.delegates.map((d) => ({ name: d.name, position: d.position ?? "" })) : [{ name: "", position: "" }],
    representedBy: initial.representedBy ?? "",
    reason: initial.reason ?? "",
  };
  const { form, pending, state, onSubmit, errorOf } = useActionForm(rsvpSchema, defaults as never, action);
  const delegates = useFieldArray({ control: form.control, name: "delegates" as never });
  const response = form.watch("response" as never) as unknown as string;
  const r = (k: string) => t(`meetings.rsvp.${k}`);
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <fieldset disabled={pending}>
        <fieldset className="field">
          <legend className="label">{r("answer")}</legend>
          {(["attending", "represented", "declined"] as const).map((v) => (
            <label key={v} className="checkbox">
              <input type="radio" value={v} {...form.register("response" as never)} />
              <span>{t(`meetings.invitations.responses.${v}`)}</span>
            </label>
          ))}
        </fieldset>
        {response === "attending" ? (
          <>
            {delegates.fields.map((field, i) => (
              <div key={field.id} className="grid-2">
                <TextField label={r("delegateName").replace("{n}", String(i + 1))} error={errorOf(`delegates.${i}.name`)} {...form.register(`delegates.${i}.name` as never)} />
                <TextField label={r("delegatePosition").replace("{n}", String(i + 1))} error={errorOf(`delegates.${i}.position`)} {...form.register(`delegates.${i}.position` as never)} />
                {delegates.fields.length > 1 ? (
                  <div className="field">
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => delegates.remove(i)}>
                      {t("meetings.rsvp.removeDelegate", { n: i + 1 })}
                    </button>
                  </div>
                ) : null}
              </div>
            ))}
            <p className="field-error" aria-live="polite">
              {errorOf("delegates") ? t(errorOf("delegates")!) : null}
            </p>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => delegates.append({ name: "", position: "" } as never)}>
              {r("addDelegate")}
            </button>
          </>
        ) : null}
        {response === "represented" ? <TextField label={r("representedBy")} error={errorOf("representedBy")} {...form.register("representedBy" as never)} /> : null}
        {response === "declined" ? <TextAreaField label={r("reason")} error={errorOf("reason")} {...form.register("reason" as never)} /> : null}
        <FormStatus state={state} />
        <div className="actions">
          <button type="submit" className="btn">
            {pending ? t("actions.saving") : r("submit")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
