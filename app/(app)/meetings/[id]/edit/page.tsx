import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getMeetingOr404 } from "@/app/(app)/meetings/[id]/_sections/meeting-page";
import { organizerUnits } from "@/lib/meetings/options";
import { officesOf } from "@/lib/offices/office";
import { holidaysFor } from "@/lib/offices/holidays";
import { activeRoomsOf } from "@/lib/offices/rooms";
import { instantToZonedLocal } from "@/lib/time";
import { updateMeetingAction } from "../../actions";

export const metadata: Metadata = { title: "Ubah rapat" };

/** A calendar date `days` from today (UTC is close enough for a window of holidays). */
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export default async function EditMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await requireUser();
  const { id } = await params;
  const detail = await getMeetingOr404(user, id);
  if (!detail.permissions.manage) notFound();
  const m = detail.meeting;
  const [t, units] = await Promise.all([getT(), organizerUnits(user)]);
  // The current organizer stays choosable even when outside the editor's scope.
  const baseOptions = units.some((u) => u.id === m.organizerUnitId) ? units : [{ id: m.organizerUnitId, label: m.organizerUnitName, timeZone: m.timeZone, name: m.organizerUnitName, depth: 0 }, ...units];
  const offices = await officesOf(baseOptions.map((u) => u.id));
  const unitOptions = baseOptions.map((u) => ({ ...u, officeId: offices.get(u.id)?.id ?? u.id }));
  const rooms = await activeRoomsOf([...new Set([...offices.values()].map((o) => o.id))]);
  const holidays = await holidaysFor([...new Set([...offices.values()].map((o) => o.id))], isoDay(-7), isoDay(2 * 366));
  return (
    <>
      <p className="no-print">
        <Link href={`/meetings/${m.id}`}>← {m.title}</Link>
      </p>
      <h1>{t("meetings.edit")}</h1>
      {["completed", "cancelled"].includes(m.status) ? <Alert kind="warning">{t("meetings.errors.notEditable")}</Alert> : null}
      <MeetingForm
        mode="edit"
        initial={{
          title: m.title,
          topic: m.topic,
          description: m.description,
          kind: m.kind,
          startsAt: instantToZonedLocal(m.startsAt, m.timeZone),
          endsAt: instantToZonedLocal(m.endsAt, m.timeZone),
          timeZone: m.timeZone,
          location: m.location,
          roomId: m.roomId ?? "",
          onlineUrl: m.onlineUrl ?? "",
          organizerUnitId: m.organizerUnitId,
          chairUserId: m.chairUserId ?? "",
        }}
        units={unitOptions}
        chairLabel={m.chairName ? `${m.chairName}${m.chairPosition ? ` — ${m.chairPosition}` : ""}` : undefined}
        rooms={rooms}
        holidays={holidays}
        action={updateMeetingAction.bind(null, m.id, m.version)}
      />
    </>
  );
}
