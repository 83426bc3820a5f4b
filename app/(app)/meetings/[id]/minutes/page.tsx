import type { Metadata } from "next";
import { connection } from "next/server";
import { AgendaRecord } from "@/components/live/agenda-record";
import { PrintHeader } from "@/components/meetings/print-header";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listReviewedInMeeting } from "@/lib/follow-ups/review";
import { loadSpeakingTurns } from "@/lib/live/turns";
import { getMeetingOr404 } from "@/app/(app)/meetings/[id]/_sections/meeting-page";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Notulen" };

/** The printable minutes (notulen): schedule, participants by unit, summary, numbered decisions. */
export default async function PrintMinutesPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await requireUser();
  const { id } = await params;
  const d = await getMeetingOr404(user, id);
  const [t, locale] = [await getT(), await getLocale()];
  const m = d.meeting;
  const tz = m.timeZone;
  const taker = d.speakers.find((s) => s.role === "minute_taker");
  const [reviewed, turns] = await Promise.all([listReviewedInMeeting(user, m.id), loadSpeakingTurns(m.id)]);
  return (
    <div className="print-sheet">
      <PrintHeader
        meeting={m}
        heading={t("meetings.print.minutesTitle")}
        notice={
          d.minutes?.finalizedAt ? null : (
            <p>
              <strong>{t("meetings.print.finalNot")}</strong>
            </p>
          )
        }
        t={t}
        locale={locale}
      >
        <dt>{t("meetings.print.attendees")}</dt>
        <dd>
          {d.recap.units
            .filter((u) => u.sent > 0)
            .map((u) => `${u.unitName ?? t("meetings.recap.guests")} (${u.sent})`)
            .join("; ") || "—"}
        </dd>
      </PrintHeader>
      <h2>{t("meetings.minutes.summary")}</h2>
      <p className="pre-line">{d.minutes?.summary || "—"}</p>
      <AgendaRecord items={d.agenda.items} turns={turns} decisions={d.decisions} tz={tz} t={t} locale={locale} />
      <h2>{t("meetings.minutes.decisions")}</h2>
      <ol>
        {d.decisions.map((x) => (
          <li key={x.id} value={x.number} className="pre-line">
            {x.text}
          </li>
        ))}
      </ol>
      {reviewed.length ? (
        <>
          <h2>{t("followUps.review.title")}</h2>
          <ol>
            {reviewed.map((r) => (
              <li key={r.id}>
                {r.title} — {r.unitName} · {t(`followUps.status.${r.statusAtReview}`)}
                {r.note ? ` · ${r.note}` : ""}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {d.minutes?.finalizedAt ? <p className="muted">{t("meetings.minutes.finalized", { at: formatDateTime(d.minutes.finalizedAt, tz, locale) })}</p> : null}
      <div className="print-signatures">
        <p>
          {t("meetings.print.signature")},
          <br />
          <br />
          <br />
          {taker?.displayName ?? "________________"}
        </p>
        <p>
          {t("meetings.print.chairSignature")},
          <br />
          <br />
          <br />
          {m.chairName ?? "________________"}
        </p>
      </div>
    </div>
  );
}
