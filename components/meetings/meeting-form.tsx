"use client";

import { useRef, useState, type FormEvent } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { Picker } from "@/components/forms/picker";
import { useActionForm } from "@/components/forms/use-action-form";
import { useT } from "@/components/i18n-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { MEETING_KINDS, TIME_ZONES } from "@/lib/enums";
import { dateWarnings, type DateWarning, type HolidayDate } from "@/lib/meetings/date-warnings";
import type { ActionState } from "@/lib/action-result";
import { meetingSchema, type MeetingInput } from "@/lib/meetings/schemas";
import { instantToZonedLocal, zoneLabel } from "@/lib/time";
import { ConflictWarnings, type ConflictItem } from "./conflict-warnings";
import { RoomSuggestions } from "./room-suggestions";
import { StaleDiff, diffRows } from "./stale-diff";

type State = ActionState & { conflicts?: ConflictItem[] };

export type MeetingFormValues = {
  title: string;
  topic: string;
  description: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string;
  roomId: string;
  onlineUrl: string;
  organizerUnitId: string;
  chairUserId: string;
};

export type RoomChoice = { id: string; officeUnitId: string; name: string; building: string; capacity: number | null };

type Props = {
  mode: "create" | "edit";
  initial: MeetingFormValues;
  units: { id: string; label: string; timeZone: string; officeId: string }[];
  /** The label of the chair already chosen (editing). */
  chairLabel?: string;
  /** Active rooms of the offices of the organizer units; the list shows the chosen organizer's. */
  rooms: RoomChoice[];
  /** Holidays of the organizer units' offices (and national ones): a start on one asks first. */
  holidays?: HolidayDate[];
  action: (values: unknown) => Promise<State>;
};

/** Create and edit a meeting: react-hook-form on the server's zod schema; conflicts need an acknowledgement. */
export function MeetingForm({ mode, initial, units, chairLabel, rooms, holidays = [], action }: Props) {
  const t = useT();
  const [submitted, setSubmitted] = useState<Record<string, unknown>>({});
  const { form, pending, state, onSubmit, errorOf } = useActionForm(meetingSchema, { ...initial, acknowledgeConflicts: false } as MeetingInput, async (values) => {
    setSubmitted(values as Record<string, unknown>);
    return action(values);
  });
  const s = state as State | null;
  const conflicts = s && !s.ok ? s.conflicts : undefined;
  const organizer = form.register("organizerUnitId", {
    onChange: (e: { target: { value: string } }) => {
      if (mode !== "create") return;
      const unit = units.find((u) => u.id === e.target.value);
      if (unit) form.setValue("timeZone", unit.timeZone as MeetingInput["timeZone"]);
    },
  });
  const label = (f: string) => t(`meetings.fields.${f}`);
  const organizerId = form.watch("organizerUnitId");
  const roomId = form.watch("roomId") as string | null | undefined;
  const officeId = units.find((u) => u.id === organizerId)?.officeId;
  const roomOptions = rooms.filter((r) => r.officeUnitId === officeId || r.id === initial.roomId);
  // A start in the past, on a weekend or on a holiday asks for a confirmation first (once per date).
  const [asking, setAsking] = useState<DateWarning[] | null>(null);
  const confirmedFor = useRef<string | null>(null);
  const guardedSubmit = (e: FormEvent<HTMLFormElement>) => {
    const [start, tz] = [String(form.getValues("startsAt") ?? ""), String(form.getValues("timeZone") ?? "")];
    const when = `${start}|${tz}`;
    const changed = mode === "create" || start !== initial.startsAt;
    const warnings = changed ? dateWarnings(start, tz, officeId, holidays) : [];
    if (warnings.length === 0 || confirmedFor.current === when) return onSubmit(e);
    return form.handleSubmit(() => setAsking(warnings))(e);
  };
  const chooseRoom = (id: string) => {
    form.setValue("roomId", id, { shouldDirty: true });
    form.setValue("location", "", { shouldDirty: true });
  };
  const stale =
    s && !s.ok && s.status === 409
      ? diffRows(
          ["title", "topic", "description", "kind", "startsAt", "endsAt", "timeZone", "roomId", "location", "onlineUrl", "organizerUnitId", "chairUserId"].map((f) => ({
            field: f,
            label: label(f),
            format: (v: unknown) => {
              if (v === null || v === undefined) return "";
              if ((f === "startsAt" || f === "endsAt") && typeof v === "string" && v.length > 16) {
                const tz = ((s.current as Record<string, unknown>)?.timeZone as string) ?? "Asia/Jakarta";
                return instantToZonedLocal(new Date(v), tz).replace("T", " ");
              }
              if (f === "startsAt" || f === "endsAt") return String(v).replace("T", " ");
              if (f === "organizerUnitId") return units.find((u) => u.id === v)?.label.replace(/^(— )+/, "") ?? String(v);
              if (f === "chairUserId") return v === initial.chairUserId && chairLabel ? chairLabel : String(v);
              if (f === "roomId") return rooms.find((r) => r.id === v)?.name ?? String(v);
              if (f === "kind") return t(`meetings.kinds.${String(v)}`);
              return String(v);
            },
          })),
          submitted,
          s.current,
        )
      : null;
  return (
    <form onSubmit={guardedSubmit} noValidate className="card">
      <ConfirmDialog
        open={asking !== null}
        text={{
          title: t("meetings.dateCheck.title"),
          body: (
            <>
              <ul>
                {(asking ?? []).map((w, i) => (
                  <li key={i}>{w.kind === "holiday" ? t("meetings.dateCheck.holiday", { name: w.name }) : w.kind === "weekend" ? t(`meetings.dateCheck.${w.day}`) : t("meetings.dateCheck.past")}</li>
                ))}
              </ul>
              <p>{t(mode === "create" ? "meetings.dateCheck.askCreate" : "meetings.dateCheck.askSave")}</p>
            </>
          ),
          confirmLabel: t(mode === "create" ? "meetings.dateCheck.confirmCreate" : "meetings.dateCheck.confirmSave"),
          cancelLabel: t("meetings.dateCheck.change"),
        }}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          confirmedFor.current = `${String(form.getValues("startsAt") ?? "")}|${String(form.getValues("timeZone") ?? "")}`;
          setAsking(null);
          void onSubmit();
        }}
      />
      <fieldset disabled={pending}>
        <TextField label={label("title")} maxLength={200} error={errorOf("title")} {...form.register("title")} />
        <TextField label={label("topic")} error={errorOf("topic")} {...form.register("topic")} />
        <TextAreaField label={label("description")} error={errorOf("description")} {...form.register("description")} />
        <div className="grid-2">
          <SelectField label={label("kind")} error={errorOf("kind")} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} {...form.register("kind")} />
          <SelectField
            label={label("organizerUnitId")}
            error={errorOf("organizerUnitId")}
            placeholder="—"
            options={units.map((u) => ({ value: u.id, label: u.label }))}
            {...organizer}
          />
          <TextField label={label("startsAt")} type="datetime-local" error={errorOf("startsAt")} {...form.register("startsAt")} />
          <TextField label={label("endsAt")} type="datetime-local" error={errorOf("endsAt")} {...form.register("endsAt")} />
          <SelectField
            label={label("timeZone")}
            error={errorOf("timeZone")}
            options={TIME_ZONES.map((z) => ({ value: z, label: `${zoneLabel(z)} (${z})` }))}
            {...form.register("timeZone")}
          />
          <Picker
            label={label("chairUserId")}
            source="people"
            placeholder={label("noChair")}
            value={String(form.watch("chairUserId") ?? "")}
            initialLabel={chairLabel}
            onChange={(id) => form.setValue("chairUserId", id, { shouldDirty: true })}
            error={errorOf("chairUserId")}
          />
          <SelectField
            label={label("roomId")}
            error={errorOf("roomId")}
            placeholder={label("otherPlace")}
            options={roomOptions.map((r) => ({
              value: r.id,
              label: [r.name, r.building, r.capacity ? t("meetings.page.capacity", { n: r.capacity }) : ""].filter(Boolean).join(" · "),
            }))}
            {...form.register("roomId")}
          />
          {roomId ? null : (
            <div>
              <TextField label={label("locationOther")} maxLength={200} error={errorOf("location")} {...form.register("location")} />
              <RoomSuggestions organizerUnitId={String(organizerId ?? "")} text={String(form.watch("location") ?? "")} onChoose={chooseRoom} />
            </div>
          )}
          <TextField label={label("onlineUrl")} type="url" inputMode="url" error={errorOf("onlineUrl")} {...form.register("onlineUrl")} />
        </div>
        <ConflictWarnings
          conflicts={conflicts}
          acknowledge={form.register("acknowledgeConflicts")}
          error={errorOf("acknowledgeConflicts")}
          onChooseRoom={(name) => {
            const room = roomOptions.find((r) => r.name === name);
            if (room) chooseRoom(room.id);
          }}
        />
        {stale ? <StaleDiff rows={stale} /> : <FormStatus state={conflicts ? null : state} />}
        <div className="actions">
          <button type="submit" className="btn">
            {pending ? t("actions.saving") : mode === "create" ? t("actions.create") : t("actions.save")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
