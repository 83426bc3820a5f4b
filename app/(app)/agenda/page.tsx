import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "@/components/agenda/agenda.css";
import { AgendaMeetingCard } from "@/components/agenda/meeting-card";
import { LiveBanner } from "@/components/live/live-banner";
import "@/components/live/live.css";
import { liveState } from "@/lib/live/state";
import { Badge } from "@/components/ui/badge";
import { AGENDA_DAYS_AHEAD, getMyAgenda } from "@/lib/agenda/my-agenda";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatCalendarDate } from "@/lib/time";
import { agendaCheckInAction } from "./actions";

export const metadata: Metadata = { title: "Agenda Saya" };

const FOLLOW_UP_TONE = { open: "warning", in_progress: "info", reported: "success", verified: "success", cancelled: undefined } as const;

export default async function MyAgendaPage() {
  await connection();
  const user = await requireUser();
  const [t, locale] = [await getT(), await getLocale()];
  const { today, upcoming, followUps } = await getMyAgenda(user);
  // "Sedang berlangsung" (issue 13): today's ongoing meetings, live (a person is in few at once).
  const live = (await Promise.all(today.filter((m) => m.status === "ongoing").slice(0, 3).map((m) => liveState(m.id)))).filter((s) => s !== null);
  const card = (m: (typeof today)[number]) => (
    <AgendaMeetingCard key={m.id} m={m} t={t} locale={locale} userTimeZone={user.timeZone} checkInAction={m.canCheckIn ? agendaCheckInAction.bind(null, m.id) : undefined} />
  );
  return (
    <>
      <h1>{t("agenda.title")}</h1>
      <p className="muted">{t("agenda.intro", { unit: user.workUnitName })}</p>
      {live.map((state) => (
        <LiveBanner key={state.meetingId} meetingId={state.meetingId} initial={{ kind: "state", state }} link />
      ))}

      <section className="agenda-section" aria-labelledby="agenda-today">
        <h2 id="agenda-today">{t("agenda.today")}</h2>
        {today.length === 0 ? <p>{t("agenda.noToday")}</p> : <ul className="agenda-list">{today.map(card)}</ul>}
      </section>

      <section className="agenda-section" aria-labelledby="agenda-upcoming">
        <h2 id="agenda-upcoming">{t("agenda.upcoming")}</h2>
        {upcoming.length === 0 ? <p>{t("agenda.noUpcoming", { days: AGENDA_DAYS_AHEAD })}</p> : <ul className="agenda-list">{upcoming.map(card)}</ul>}
      </section>

      <section className="agenda-section card" aria-labelledby="agenda-follow-ups">
        <h2 id="agenda-follow-ups" style={{ marginTop: 0 }}>
          {t("agenda.followUps")}
        </h2>
        {followUps.length === 0 ? <p>{t("agenda.noFollowUps")}</p> : null}
        <ul className="follow-up-list">
          {followUps.map((f) => (
            <li key={f.id}>
              <Link href={`/follow-ups/${f.id}`}>{f.title}</Link>
              <span>{t("agenda.due", { date: formatCalendarDate(f.dueDate, locale) })}</span>
              {f.overdue ? <Badge tone="danger">{t("agenda.overdue")}</Badge> : null}
              <Badge tone={FOLLOW_UP_TONE[f.status]}>
                {t(`followUps.status.${f.status}`)} · {f.progress}%
              </Badge>
              {f.picName ? <span className="muted">{t("agenda.pic", { name: f.picName })}</span> : null}
            </li>
          ))}
        </ul>
        <p style={{ marginBottom: 0 }}>
          <Link href="/follow-ups">{t("agenda.allFollowUps")}</Link>
        </p>
      </section>

      <p>
        <Link href="/profile#calendar">{t("agenda.subscribe")}</Link> <span className="muted">— {t("agenda.subscribeHint")}</span>
      </p>
    </>
  );
}
