import Link from "next/link";
import { agendaCheckInAction } from "@/app/(app)/agenda/actions";
import { ActionButton } from "@/components/meetings/action-button";
import { CheckInButton } from "@/components/meetings/check-in-button";
import { CancelForm, RescheduleForm, SeriesForm, SeriesTemplateForm } from "@/components/meetings/lifecycle-forms";
import { RsvpForm } from "@/components/meetings/rsvp-form";
import { StatusBadge } from "@/components/meetings/status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { FloorRequest } from "@/components/live/floor-request";
import { LiveBanner } from "@/components/live/live-banner";
import "@/components/live/live.css";
import { getFloorPanel } from "@/lib/live/queue";
import { liveState } from "@/lib/live/state";
import { ModeratorQueue } from "@/components/live/moderator-queue";
import { endTurnAction, giveFloorAction, queueSettingsAction, requestFloorAction, skipFloorAction, withdrawFloorAction } from "../live/actions";
import { capacityWarning } from "@/lib/meetings/capacity";
import { answerKey, myStatus } from "@/lib/meetings/my-status";
import { publishReach } from "@/lib/meetings/publish-reach";
import { startOpensAt, transitionRefusal } from "@/lib/meetings/lifecycle";
import { formatDateTime, formatRange, formatRangeWithReference, instantToZonedLocal, referenceZone } from "@/lib/time";
import * as A from "../../actions";
import { isEditable, type SectionProps } from "./types";

const RESPONSE_TONE = { pending: "warning", attending: "success", represented: "info", declined: "danger" } as const;

/** The top of the meeting page: what, when, where, the unit's answer and check-in, and the lifecycle. */
export async function MeetingSummary({ d, user, t, locale }: SectionProps) {
  const m = d.meeting;
  const p = d.permissions;
  const tz = m.timeZone;
  const editable = isEditable(d);
  const now = new Date();
  const isTemplate = d.series?.templateMeetingId === m.id;
  const capacity = p.manage ? await capacityWarning(m.id) : null;
  const place = m.room ? [m.room.name, m.room.building].filter(Boolean).join(", ") : m.location;
  const can = (to: "publish" | "start" | "complete") => editable && transitionRefusal(m, to, now) === null;
  const confirm = (k: "start" | "complete") => ({
    title: t(`meetings.confirm.${k}.title`),
    body: <p>{t(`meetings.confirm.${k}.body`)}</p>,
    confirmLabel: t(`meetings.confirm.${k}.confirm`),
    danger: k === "complete",
  });
  const reach = can("publish") ? await publishReach(m.id) : null;
  const publishConfirm = reach
    ? {
        title: t("meetings.confirm.publish.title"),
        body: (
          <>
            <p>{reach.units ? t("meetings.confirm.publish.body", { units: reach.units, people: reach.people }) : t("meetings.confirm.publish.noUnits")}</p>
            <p>{t("meetings.confirm.publish.after")}</p>
          </>
        ),
        confirmLabel: t("meetings.confirm.publish.confirm"),
      }
    : undefined;
  const checkInOpen = now >= d.checkInWindow.opensAt && now <= d.checkInWindow.closesAt;
  const my = d.myInvitation;
  // One status: having checked in overrides the unit's answer.
  const mine = my ? myStatus({ status: m.status, endsAt: m.endsAt, response: my.response, checkedInAt: d.myAttendance?.checkedInAt ?? null }, now) : null;
  const live = m.status === "ongoing" ? await liveState(m.id) : null;
  // The speakers' queue from the participant's phone (issue 23): not for the secretariat running it.
  const floor = live && !p.manage ? await getFloorPanel(user, m.id) : null;
  return (
    <section className="meeting-summary" aria-labelledby="meeting-title">
      {live ? <LiveBanner meetingId={m.id} initial={{ kind: "state", state: live }} /> : null}
      <div className="page-head">
        <div>
          <h1 id="meeting-title">{m.title}</h1>
          <p style={{ margin: 0 }}>
            <StatusBadge status={m.status} label={t(`meetings.statuses.${m.status}`)} /> <span className="muted">{t(`meetings.kinds.${m.kind}`)}</span>
            {d.series ? <span className="muted"> · {t("meetings.page.series", { rule: t(`meetings.series.rules.${d.series.rule}`), index: m.seriesIndex ?? 1 })}</span> : null}
          </p>
          <p className="meeting-when" style={{ margin: "0.35rem 0 0" }}>
            <time dateTime={m.startsAt.toISOString()}>{formatRangeWithReference(m.startsAt, m.endsAt, tz, referenceZone(tz, user.timeZone), locale)}</time>
            {place ? <span> · {place}</span> : null}
          </p>
        </div>
        {editable ? (
          <div className="actions no-print" style={{ margin: 0 }}>
            {live && p.manage ? (
              <Link className="btn" href={`/meetings/${m.id}/live`}>
                {t("live.link")}
              </Link>
            ) : null}
            <Link className="btn btn-secondary" href={`/meetings/${m.id}/edit`}>
              {t("actions.edit")}
            </Link>
          </div>
        ) : null}
      </div>

      {live && floor ? (
        <FloorRequest
          meetingId={m.id}
          initial={{ kind: "state", state: live }}
          panel={floor}
          actions={{ request: requestFloorAction.bind(null, m.id), withdraw: withdrawFloorAction.bind(null, m.id) }}
        />
      ) : null}
      {live && floor?.runsQueue ? (
        <ModeratorQueue
          meetingId={m.id}
          initial={{ kind: "state", state: live }}
          actions={{
            giveFloor: giveFloorAction.bind(null, m.id),
            skip: skipFloorAction.bind(null, m.id),
            endTurn: endTurnAction.bind(null, m.id),
            settings: queueSettingsAction.bind(null, m.id),
          }}
        />
      ) : null}

      {m.status === "cancelled" ? <Alert kind="warning">{t("meetings.page.cancelled", { reason: m.cancelReason ?? "" })}</Alert> : null}

      {my ? (
        <section className="card my-unit no-print" aria-labelledby="my-unit-h">
          <h2 id="my-unit-h">{t("meetings.page.myUnit")}</h2>
          {mine?.kind === "answer" ? (
            <p className="answer">
              <Badge tone={mine.over && mine.response === "pending" ? "danger" : RESPONSE_TONE[mine.response]}>{t(answerKey(mine))}</Badge>
              {my.representedBy ? <span className="muted">{t("meetings.invitations.representedBy")}: {my.representedBy}</span> : null}
              {my.reconfirmStartsAt ? <Badge tone="warning">{t("meetings.reconfirm.badge")}</Badge> : null}
            </p>
          ) : null}
          {mine?.kind === "answer" && my.reconfirmStartsAt && my.reconfirmEndsAt ? (
            <div className="alert alert-warning" data-testid="reconfirm">
              <p style={{ margin: 0 }}>
                {t("meetings.reconfirm.notice", { oldWhen: formatRange(my.reconfirmStartsAt, my.reconfirmEndsAt, tz, locale), when: formatRange(m.startsAt, m.endsAt, tz, locale) })}
              </p>
              {p.respond ? (
                <ActionButton
                  className="btn"
                  action={A.respondAction.bind(null, m.id, my.version, { response: my.response, delegates: my.delegates, representedBy: my.representedBy ?? undefined, reason: my.reason ?? undefined })}
                >
                  {t("meetings.reconfirm.confirm", { answer: t(`meetings.invitations.responses.${my.response}`) })}
                </ActionButton>
              ) : null}
            </div>
          ) : null}
          {mine?.kind === "attended" ? (
            <p className="alert alert-success">{t("meetings.page.checkedIn", { at: formatDateTime(mine.at, tz, locale) })}</p>
          ) : p.checkIn && checkInOpen ? (
            <CheckInButton action={agendaCheckInAction.bind(null, m.id)} timeZone={tz} />
          ) : p.checkIn && now < d.checkInWindow.opensAt ? (
            <p className="muted">{t("meetings.page.checkInOpens", { at: formatDateTime(d.checkInWindow.opensAt, tz, locale) })}</p>
          ) : null}
          {p.respond ? (
            <Disclosure defaultOpen={my.response === "pending" || !!my.reconfirmStartsAt} summary={t("meetings.rsvp.title")}>
              <RsvpForm
                initial={{ response: my.response, delegates: my.delegates, representedBy: my.representedBy, reason: my.reason }}
                action={A.respondAction.bind(null, m.id, my.version)}
              />
            </Disclosure>
          ) : null}
        </section>
      ) : null}

      <dl className="facts card">
        <dt>{t("meetings.page.when")}</dt>
        <dd>
          <time dateTime={m.startsAt.toISOString()}>{formatRangeWithReference(m.startsAt, m.endsAt, tz, referenceZone(tz, user.timeZone), locale)}</time>
        </dd>
        {place ? (
          <>
            <dt>{t("meetings.page.location")}</dt>
            <dd>
              {place}
              {m.room?.capacity ? <span className="muted"> · {t("meetings.page.capacity", { n: m.room.capacity })}</span> : null}
            </dd>
          </>
        ) : null}
        {m.onlineUrl ? (
          <>
            <dt>{t("meetings.page.online")}</dt>
            <dd className="cell-wrap">
              <a href={m.onlineUrl} rel="noreferrer noopener" target="_blank">
                {m.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
        {m.topic ? (
          <>
            <dt>{t("meetings.fields.topic")}</dt>
            <dd>{m.topic}</dd>
          </>
        ) : null}
        <dt>{t("meetings.page.organizer")}</dt>
        <dd>{m.organizerUnitName}</dd>
        {m.chairName ? (
          <>
            <dt>{t("meetings.page.chair")}</dt>
            <dd>
              {m.chairName}
              {m.chairPosition ? <span className="muted"> — {m.chairPosition}</span> : null}
            </dd>
          </>
        ) : null}
      </dl>

      <p className="meeting-links no-print">
        {m.status !== "draft" ? (
          <a href={`/documents/${m.id}/invitation`} download>
            {t("meetings.page.invitationLetter")}
          </a>
        ) : null}
        {m.status !== "draft" ? (
          <a href={`/documents/${m.id}/ics`} download>
            {t("meetings.page.addToCalendar")}
          </a>
        ) : null}
      </p>

      {capacity ? <Alert kind="warning">{t("meetings.page.capacityWarning", { room: capacity.roomName, capacity: capacity.capacity, expected: capacity.expected })}</Alert> : null}

      {editable ? (
        <div className="actions no-print">
          {can("publish") ? (
            <ActionButton className="btn" action={A.transitionAction.bind(null, m.id, m.version, "publish")} confirm={publishConfirm}>
              {t("meetings.lifecycle.publish")}
            </ActionButton>
          ) : null}
          {can("start") ? (
            <ActionButton className="btn" action={A.transitionAction.bind(null, m.id, m.version, "start")} confirm={confirm("start")}>
              {t("meetings.lifecycle.start")}
            </ActionButton>
          ) : m.status === "scheduled" ? (
            <span className="muted">{t("meetings.page.startOpens", { at: formatDateTime(startOpensAt(m), tz, locale) })}</span>
          ) : null}
          {can("complete") ? (
            <ActionButton className="btn btn-secondary" action={A.transitionAction.bind(null, m.id, m.version, "complete")} confirm={confirm("complete")}>
              {t("meetings.lifecycle.complete")}
            </ActionButton>
          ) : null}
        </div>
      ) : null}

      {editable ? (
        <details className="card no-print">
          <summary>{t("meetings.page.manageSchedule")}</summary>
          <h3>{t("meetings.lifecycle.reschedule")}</h3>
          <RescheduleForm startsAt={instantToZonedLocal(m.startsAt, tz)} endsAt={instantToZonedLocal(m.endsAt, tz)} action={A.rescheduleAction.bind(null, m.id, m.version)} />
          <h3>{t("meetings.lifecycle.cancel")}</h3>
          <CancelForm action={A.cancelAction.bind(null, m.id, m.version)} />
          {!d.series ? (
            <>
              <h3>{t("meetings.series.title")}</h3>
              <SeriesForm action={A.createSeriesAction.bind(null, m.id, m.version)} />
            </>
          ) : null}
          {d.series && isTemplate ? (
            <>
              <h3>{t("meetings.series.template")}</h3>
              <SeriesTemplateForm
                initial={{ title: m.title, topic: m.topic, description: m.description, kind: m.kind, location: m.location, onlineUrl: m.onlineUrl ?? "", chairUserId: m.chairUserId ?? "" }}
                chairLabel={m.chairName ?? undefined}
                action={A.updateSeriesTemplateAction.bind(null, m.id, d.series.id, m.version)}
              />
            </>
          ) : null}
        </details>
      ) : null}

      {m.description || d.reschedules.length || d.occurrences.length > 1 ? (
        <details className="card" open={d.occurrences.length > 1}>
          <summary>{t("meetings.page.moreAbout")}</summary>
          {m.description ? <p className="pre-line">{m.description}</p> : null}
          {d.reschedules.length ? (
            <>
              <h3>{t("meetings.page.history")}</h3>
              <ul>
                {d.reschedules.map((r) => (
                  <li key={r.id}>
                    {t("meetings.page.historyItem", { from: formatRange(r.previousStartsAt, r.previousEndsAt, tz, locale) })}
                    {r.reason ? <span className="muted"> — {r.reason}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {d.occurrences.length > 1 ? (
            <>
              <h3>{t("meetings.series.occurrences")}</h3>
              <ol>
                {d.occurrences.map((o) => (
                  <li key={o.id} value={o.seriesIndex ?? undefined}>
                    {o.id === m.id ? <strong>{formatDateTime(o.startsAt, tz, locale)}</strong> : <Link href={`/meetings/${o.id}`}>{formatDateTime(o.startsAt, tz, locale)}</Link>}{" "}
                    <span className="muted">
                      {o.title} · {t(`meetings.statuses.${o.status}`)}
                    </span>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
