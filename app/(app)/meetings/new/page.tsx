import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { requireUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { organizerUnits } from "@/lib/meetings/options";
import { officesOf } from "@/lib/offices/office";
import { holidaysFor } from "@/lib/offices/holidays";
import { activeRoomsOf } from "@/lib/offices/rooms";
import { can } from "@/lib/permissions";
import { todayIn } from "@/lib/time";
import { createMeetingAction } from "../actions";

export const metadata: Metadata = { title: "Jadwalkan rapat" };

/** A calendar date `days` from today (UTC is close enough for a window of holidays). */
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export default async function NewMeetingPage() {
  await connection();
  const user = await requireUser();
  if (!can(user, "meeting.create", { organizerUnitId: user.scopeUnitId })) notFound();
  const [t, units] = await Promise.all([getT(), organizerUnits(user)]);
  const organizer = units.find((u) => u.id === user.scopeUnitId) ?? units[0];
  const offices = await officesOf(units.map((u) => u.id));
  const rooms = await activeRoomsOf([...new Set([...offices.values()].map((o) => o.id))]);
  const holidays = await holidaysFor([...new Set([...offices.values()].map((o) => o.id))], isoDay(-7), isoDay(2 * 366));
  const day = todayIn(user.timeZone);
  return (
    <>
      <h1>{t("meetings.new")}</h1>
      <MeetingForm
        mode="create"
        initial={{
          title: "",
          topic: "",
          description: "",
          kind: "rakor",
          startsAt: `${day}T09:00`,
          endsAt: `${day}T12:00`,
          timeZone: organizer?.timeZone ?? user.timeZone,
          location: "",
          roomId: "",
          onlineUrl: "",
          organizerUnitId: organizer?.id ?? "",
          chairUserId: "",
        }}
        units={units.map((u) => ({ ...u, officeId: offices.get(u.id)?.id ?? u.id }))}
        rooms={rooms}
        holidays={holidays}
        action={createMeetingAction}
      />
    </>
  );
}
