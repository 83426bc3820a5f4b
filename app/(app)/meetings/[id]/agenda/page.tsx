import type { Metadata } from "next";
import { connection } from "next/server";
import { PrintHeader } from "@/components/meetings/print-header";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { getMeetingOr404 } from "@/app/(app)/meetings/[id]/_sections/meeting-page";
import { formatDate, formatTime } from "@/lib/time";

export const metadata: Metadata = { title: "Susunan acara" };

/** The printable agenda (susunan acara): schedule, items with times and presenters, speakers. */
export default async function PrintAgendaPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await requireUser();
  const { id } = await params;
  const d = await getMeetingOr404(user, id);
  const [t, locale] = [await getT(), await getLocale()];
  const m = d.meeting;
  const tz = m.timeZone;
  const hhmm = (x: Date) => formatTime(x, tz, locale).replace(/ \S+$/, "");
  return (
    <div className="print-sheet">
      <PrintHeader meeting={m} heading={t("meetings.print.agendaTitle")} t={t} locale={locale} referenceTimeZone={user.timeZone} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t("meetings.print.no")}</th>
            <th scope="col">{t("meetings.agenda.time")}</th>
            <th scope="col">{t("meetings.agenda.itemTitle")}</th>
            <th scope="col">{t("meetings.agenda.presenter")}</th>
          </tr>
        </thead>
        <tbody>
          {d.agenda.items.map((i, n) => (
            <tr key={i.id}>
              <td>{n + 1}</td>
              <td>
                {hhmm(i.startsAt)}–{hhmm(i.endsAt)}
              </td>
              <td>
                {i.title}
                {i.description ? <div className="pre-line">{i.description}</div> : null}
              </td>
              <td>{i.presenterName ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.agenda.overLength ? <p>{t("meetings.agenda.overLength", { total: d.agenda.totalMinutes, length: d.agenda.meetingMinutes })}</p> : null}
      {d.speakers.length ? (
        <>
          <h2>{t("meetings.speakers.title")}</h2>
          <ol>
            {d.speakers.map((s) => (
              <li key={s.id}>
                {t(`meetings.speakers.roles.${s.role}`)}: {s.displayName}
                {s.displayPosition ? `, ${s.displayPosition}` : ""}
                {s.organization ? `, ${s.organization}` : ""}
                {s.onBehalfOf ? ` (${t("meetings.speakers.onBehalfOfText", { who: s.onBehalfOf })})` : ""}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <p className="muted">{formatDate(m.startsAt, tz, locale)}</p>
    </div>
  );
}
