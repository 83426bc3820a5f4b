import Link from "next/link";
import { CheckInButton } from "@/components/meetings/check-in-button";
import { StatusBadge } from "@/components/meetings/status-badge";
import { Badge } from "@/components/ui/badge";
import type { AgendaMeeting } from "@/lib/agenda/my-agenda";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { answerKey, myStatus } from "@/lib/meetings/my-status";
import { formatRangeWithReference, formatTime, referenceZone } from "@/lib/time";

type CheckInAction = Parameters<typeof CheckInButton>[0]["action"];

const RESPONSE_TONE = { pending: "warning", attending: "success", represented: "info", declined: "danger" } as const;

/** One meeting on My agenda (a Server Component: no client code except the check-in button). */
export function AgendaMeetingCard({
  m,
  t,
  locale,
  userTimeZone,
  checkInAction,
}: {
  m: AgendaMeeting;
  t: Translate;
  locale: Locale;
  userTimeZone: string;
  /** Only for a meeting the user can check in to now (a bound action is encrypted into the page). */
  checkInAction?: CheckInAction;
}) {
  const headingId = `meeting-${m.id}`;
  const hhmm = (d: Date) => formatTime(d, m.timeZone, locale).replace(/ \S+$/, "");
  const mine = myStatus({ status: m.status, endsAt: m.endsAt, response: m.myResponse, checkedInAt: m.myCheckedInAt });
  const classes = ["card", "agenda-card", m.today ? "is-today" : "", m.status === "cancelled" ? "is-cancelled" : ""].filter(Boolean).join(" ");
  return (
    <li>
      <article className={classes} aria-labelledby={headingId}>
        <h3 id={headingId}>
          <Link href={`/meetings/${m.id}`}>{m.title}</Link>
        </h3>
        {m.status !== "scheduled" ? <StatusBadge status={m.status} label={t(`meetings.statuses.${m.status}`)} /> : null}
        {m.status === "cancelled" ? (
          <p className="alert alert-error" style={{ marginTop: "0.5rem" }}>
            {t("agenda.cancelled", { reason: m.cancelReason ?? "" })}
          </p>
        ) : null}
        <dl className="agenda-facts">
          <dt>{t("agenda.when")}</dt>
          <dd>
            {/* A meeting in another zone also in the reader's: "09.00–12.00 WITA (08.00–11.00 WIB)". */}
            <time dateTime={m.startsAt.toISOString()}>{formatRangeWithReference(m.startsAt, m.endsAt, m.timeZone, referenceZone(m.timeZone, userTimeZone), locale)}</time>
          </dd>
          {m.location ? (
            <>
              <dt>{t("agenda.where")}</dt>
              <dd>{m.location}</dd>
            </>
          ) : null}
          {m.onlineUrl ? (
            <>
              <dt>{t("agenda.online")}</dt>
              <dd>
                <a href={m.onlineUrl} rel="noopener noreferrer" target="_blank">
                  {m.onlineUrl}
                </a>
              </dd>
            </>
          ) : null}
          <dt>{t("agenda.organizer")}</dt>
          <dd>{m.organizerUnitName}</dd>
          {mine.kind !== "attended" ? (
            <>
              <dt>{t("agenda.myAnswer")}</dt>
              <dd>{mine.kind === "answer" ? <Badge tone={mine.over && mine.response === "pending" ? "danger" : RESPONSE_TONE[mine.response]}>{t(answerKey(mine))}</Badge> : t("agenda.notInvited")}</dd>
            </>
          ) : null}
        </dl>

        {mine.kind === "attended" ? (
          <p className="alert alert-success agenda-checkin">{t("agenda.checkedIn", { at: formatTime(mine.at, m.timeZone, locale) })}</p>
        ) : m.canCheckIn && checkInAction ? (
          <div className="agenda-checkin">
            <CheckInButton action={checkInAction} timeZone={m.timeZone} />
          </div>
        ) : m.today && m.status !== "cancelled" && m.checkInOpensAt > new Date() && m.myResponse ? (
          <p className="muted agenda-checkin">{t("agenda.checkInOpens", { at: formatTime(m.checkInOpensAt, m.timeZone, locale) })}</p>
        ) : null}

        <details>
          <summary>{t("agenda.agendaCount", { count: m.agenda.length })}</summary>
          {m.agenda.length === 0 ? <p className="muted">{t("agenda.noAgenda")}</p> : null}
          {m.agenda.length > 0 ? (
            <ol className="agenda-items">
              {m.agenda.map((item, i) => (
                <li key={i}>
                  <time dateTime={item.startsAt.toISOString()}>
                    {hhmm(item.startsAt)}–{formatTime(item.endsAt, m.timeZone, locale)}
                  </time>
                  <span>
                    {item.title}
                    {item.presenterName ? <span className="muted"> · {t("agenda.presenter", { name: item.presenterName })}</span> : null}
                  </span>
                </li>
              ))}
            </ol>
          ) : null}
          {m.speakers.length > 0 ? (
            <>
              <h4 style={{ margin: "0.5rem 0 0.25rem" }}>{t("agenda.speakers")}</h4>
              <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
                {m.speakers.map((s, i) => (
                  <li key={i}>
                    <strong>{t(`meetings.speakers.roles.${s.role}`)}:</strong> {[s.name, s.position, s.organization].filter(Boolean).join(", ")}
                    {s.onBehalfOf ? ` (${t("agenda.onBehalfOf", { name: s.onBehalfOf })})` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </details>

        <div className="agenda-links">
          <a href={`/documents/${m.id}/ics`} download>
            {t("agenda.downloadIcs")}
          </a>
          <a href={`/documents/${m.id}/invitation`} download>
            {t("agenda.downloadInvitation")}
          </a>
          {m.canDownloadRecords ? <Link href={`/documents/${m.id}`}>{t("agenda.documents.title")}</Link> : null}
        </div>
      </article>
    </li>
  );
}
