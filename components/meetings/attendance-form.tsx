"use client";

import { useEffect, useState } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { Picker } from "@/components/forms/picker";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { ATTENDANCE_STATUSES } from "@/lib/enums";
import type { ActionState } from "@/lib/action-result";
import { attendanceSchema, type AttendanceInput } from "@/lib/meetings/schemas";

const EMPTY: AttendanceInput = { userId: "", guestName: "", guestPosition: "", guestOrganization: "", workUnitId: "", status: "present", representedBy: "" };

/** The secretariat records one person (a staff member of any unit) or a guest without an account. */
export function AttendanceForm({
  meetingId,
  units,
  action,
}: {
  /** People are searched among the meeting's invited units. */
  meetingId: string;
  units: { id: string; label: string }[];
  action: (values: unknown) => Promise<ActionState>;
}) {
  const t = useT();
  const [guest, setGuest] = useState(false);
  const { form, pending, state, onSubmit, errorOf } = useActionForm(
    attendanceSchema,
    EMPTY,
    (values) => action(guest ? { ...values, userId: null } : { ...values, guestName: null, guestPosition: null, guestOrganization: null }),
  );
  useEffect(() => {
    if (state?.ok) form.reset(EMPTY);
  }, [state, form]);
  const status = form.watch("status");
  const a = (k: string) => t(`meetings.attendance.${k}`);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={pending}>
        <fieldset className="field">
          <legend className="label">{a("who")}</legend>
          <label className="checkbox">
            <input type="radio" name="attendee-kind" checked={!guest} onChange={() => setGuest(false)} />
            <span>{a("person")}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="attendee-kind" checked={guest} onChange={() => setGuest(true)} />
            <span>{a("guest")}</span>
          </label>
        </fieldset>
        <div className="grid-2">
          {guest ? (
            <>
              <TextField label={a("guestName")} error={errorOf("guestName")} {...form.register("guestName")} />
              <TextField label={a("guestPosition")} error={errorOf("guestPosition")} {...form.register("guestPosition")} />
              <TextField label={a("guestOrganization")} error={errorOf("guestOrganization")} {...form.register("guestOrganization")} />
              <SelectField label={a("unit")} placeholder="—" error={errorOf("workUnitId")} options={units.map((u) => ({ value: u.id, label: u.label }))} {...form.register("workUnitId")} />
            </>
          ) : (
            <Picker
              label={a("personName")}
              source="people"
              params={{ meetingId }}
              placeholder={a("pickUser")}
              value={String(form.watch("userId") ?? "")}
              onChange={(id) => form.setValue("userId", id, { shouldDirty: true })}
              error={errorOf("userId") ?? errorOf("guestName")}
            />
          )}
          <SelectField label={a("status")} error={errorOf("status")} options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`meetings.attendance.statuses.${s}`) }))} {...form.register("status")} />
          {status === "represented" ? <TextField label={a("representedBy")} error={errorOf("representedBy")} {...form.register("representedBy")} /> : null}
        </div>
        <FormStatus state={state} />
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : a("record")}
        </button>
      </fieldset>
    </form>
  );
}
