import type { Metadata } from "next";
import { headers } from "next/headers";
import { Fragment } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ActionButton } from "@/components/meetings/action-button";
import { AgendaEditor } from "@/components/meetings/agenda-editor";
import { AttendancePanel } from "@/components/meetings/attendance-panel";
import { CheckInQr } from "@/components/meetings/check-in-qr";
import { InviteForm } from "@/components/meetings/invite-form";
import { CancelForm, RescheduleForm, SeriesForm, SeriesTemplateForm } from "@/components/meetings/lifecycle-forms";
import { DecisionForm, DecisionList, MinutesForm, ReopenForm } from "@/components/meetings/minutes-editor";
import { RsvpForm } from "@/components/meetings/rsvp-form";
import { SpeakerForm, SpeakerList } from "@/components/meetings/speaker-editor";
import { StatusBadge } from "@/components/meetings/status-badge";
import { Alert } from "@/components/ui/alert";
import { ATTENDANCE_STATUSES } from "@/db/schema/_enums";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listReviewedInMeeting } from "@/lib/follow-ups/review";
import { getMeetingOr404 } from "@/lib/meetings/meeting-page";
import { BadCursorError } from "@/lib/pagination";
import { formatDateTime, formatRange, formatTime, instantToZonedLocal } from "@/lib/time";
import * as A from "../actions";

export const metadata: Metadata = { title: "Rapat" };

const EDITABLE = ["draft", "scheduled", "ongoing"];

export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ attendance?: string }> }) {
  await connection();
  const user = await requireUser();
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const d = await getMeetingOr404(user, id, { attendance: { cursor: sp.attendance ?? null } }).catch((e: unknown) => {
    // A stale page link of the attendance list: its first page.
    if (e instanceof BadCursorError) redirect(`/meetings/${id}#attendance-h`);
    throw e;
  });
  const [t, locale] = [await getT(), await getLocale()];
  const m = d.meeting;
  const p = d.permissions;
  const editable = p.manage && EDITABLE.includes(m.status);
  const invitedUnitIds = d.invitations.map((i) => i.workUnitId);
  const staff = user.role !== "participant";
  const reviewed = m.status === "draft" ? [] : await listReviewedInMeeting(user, m.id);
  const hasReviewItem = d.agenda.items.some((i) => i.kind === "follow_up_review");
  const tz = m.timeZone;
  const time = (start: Date, end: Date) => `${formatTime(start, tz, locale).replace(/ \S+$/, "")}–${formatTime(end, tz, locale)}`;
  const host = (await headers()).get("host") ?? "localhost";
  const proto = (await headers()).get("x-forwarded-proto") ?? "http";
  const checkInUrl = d.checkInCode ? `${proto}://${host}/check-in/${d.checkInCode}` : null;
  const speakerOptions = d.speakers.map((s) => ({ id: s.id, label: `${s.displayName} (${t(`meetings.speakers.roles.${s.role}`)})` }));
  const pending = d.invitations.filter((i) => i.response === "pending").length;
  const minutesLocked = !!d.minutes?.finalizedAt;
  const isTemplate = d.series?.templateMeetingId === m.id;
  const bind = <T extends unknown[], R>(fn: (meetingId: string, ...rest: T) => R) => fn.bind(null, m.id) as (...rest: T) => R;

  return (
    <article className="meeting-sections">
      <div className="page-head">
        <div>
          <h1>{m.title}</h1>
          <p style={{ margin: 0 }}>
            <StatusBadge status={m.status} label={t(`meetings.statuses.${m.status}`)} /> <span className="muted">{t(`meetings.kinds.${m.kind}`)}</span>
            {d.series ? (
              <span className="muted">
                {" "}
                · {t("meetings.page.series", { rule: t(`meetings.series.rules.${d.series.rule}`), index: m.seriesIndex ?? 1 })}
              </span>
            ) : null}
          </p>
        </div>
        <div className="actions no-print">
          {editable ? (
            <Link className="btn btn-secondary" href={`/meetings/${m.id}/edit`}>
              {t("actions.edit")}
            </Link>
          ) : null}
          <Link className="btn btn-secondary" href={`/meetings/${m.id}/agenda`}>
            {t("meetings.page.printAgenda")}
          </Link>
          {d.minutes ? (
            <Link className="btn btn-secondary" href={`/meetings/${m.id}/minutes`}>
              {t("meetings.page.printMinutes")}
            </Link>
          ) : null}
          {m.status !== "draft" ? (
            <a className="btn btn-secondary" href={`/documents/${m.id}/ics`} download>
              {t("meetings.page.addToCalendar")}
            </a>
          ) : null}
          {user.role !== "participant" ? (
            <Link className="btn btn-secondary" href={`/documents/${m.id}`}>
              {t("meetings.page.documents")}
            </Link>
          ) : null}
        </div>
      </div>

      {m.status === "cancelled" ? <Alert kind="warning">{t("meetings.page.cancelled", { reason: m.cancelReason ?? "" })}</Alert> : null}

      <section aria-labelledby="schedule-h">
        <h2 id="schedule-h">{t("meetings.page.schedule")}</h2>
        <dl className="facts card">
          <dt>{t("meetings.page.schedule")}</dt>
          <dd>
            <time dateTime={m.startsAt.toISOString()}>{formatRange(m.startsAt, m.endsAt, tz, locale)}</time>
          </dd>
          {m.topic ? (
            <>
              <dt>{t("meetings.fields.topic")}</dt>
              <dd>{m.topic}</dd>
            </>
          ) : null}
          {m.location ? (
            <>
              <dt>{t("meetings.page.location")}</dt>
              <dd>{m.location}</dd>
            </>
          ) : null}
          {m.onlineUrl ? (
            <>
              <dt>{t("meetings.page.online")}</dt>
              <dd>
                <a href={m.onlineUrl} rel="noreferrer noopener" target="_blank">
                  {m.onlineUrl}
                </a>
              </dd>
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
          {d.reschedules.length ? (
            <>
              <dt>{t("meetings.page.history")}</dt>
              <dd>
                <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
                  {d.reschedules.map((r) => (
                    <li key={r.id}>
                      {t("meetings.page.historyItem", { from: formatRange(r.previousStartsAt, r.previousEndsAt, tz, locale) })}
                      {r.reason ? <span className="muted"> — {r.reason}</span> : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
        {m.description ? <p className="pre-line">{m.description}</p> : null}
        {editable ? (
          <div className="actions no-print">
            {m.status === "draft" ? (
              <ActionButton className="btn" action={A.transitionAction.bind(null, m.id, m.version, "publish")}>
                {t("meetings.lifecycle.publish")}
              </ActionButton>
            ) : null}
            {m.status === "scheduled" ? (
              <ActionButton className="btn btn-secondary" action={A.transitionAction.bind(null, m.id, m.version, "start")}>
                {t("meetings.lifecycle.start")}
              </ActionButton>
            ) : null}
            {m.status !== "draft" ? (
              <ActionButton className="btn btn-secondary" action={A.transitionAction.bind(null, m.id, m.version, "complete")}>
                {t("meetings.lifecycle.complete")}
              </ActionButton>
            ) : null}
          </div>
        ) : null}
        {editable ? (
          <div className="no-print">
            <details className="card">
              <summary>{t("meetings.lifecycle.reschedule")}</summary>
              <RescheduleForm startsAt={instantToZonedLocal(m.startsAt, tz)} endsAt={instantToZonedLocal(m.endsAt, tz)} action={A.rescheduleAction.bind(null, m.id, m.version)} />
            </details>
            <details className="card">
              <summary>{t("meetings.lifecycle.cancel")}</summary>
              <CancelForm action={A.cancelAction.bind(null, m.id, m.version)} />
            </details>
            {!d.series ? (
              <details className="card">
                <summary>{t("meetings.series.title")}</summary>
                <SeriesForm action={A.createSeriesAction.bind(null, m.id, m.version)} />
              </details>
            ) : null}
            {d.series && isTemplate ? (
              <details className="card">
                <summary>{t("meetings.series.template")}</summary>
                <SeriesTemplateForm
                  initial={{ title: m.title, topic: m.topic, description: m.description, kind: m.kind, location: m.location, onlineUrl: m.onlineUrl ?? "", chairUserId: m.chairUserId ?? "" }}
                  chairLabel={m.chairName ?? undefined}
                  action={A.updateSeriesTemplateAction.bind(null, m.id, d.series.id, m.version)}
                />
              </details>
            ) : null}
          </div>
        ) : null}
        {d.occurrences.length > 1 ? (
          <>
            <h3>{t("meetings.series.occurrences")}</h3>
            <ol>
              {d.occurrences.map((o) => (
                <li key={o.id} value={o.seriesIndex ?? undefined}>
                  {o.id === m.id ? (
                    <strong>{formatDateTime(o.startsAt, tz, locale)}</strong>
                  ) : (
                    <Link href={`/meetings/${o.id}`}>{formatDateTime(o.startsAt, tz, locale)}</Link>
                  )}{" "}
                  <span className="muted">
                    {o.title} · {t(`meetings.statuses.${o.status}`)}
                  </span>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <section aria-labelledby="agenda-h">
        <h2 id="agenda-h">{t("meetings.agenda.title")}</h2>
        {d.agenda.overLength ? (
          <Alert kind="warning">{t("meetings.agenda.overLength", { total: d.agenda.totalMinutes, length: d.agenda.meetingMinutes })}</Alert>
        ) : d.agenda.items.length ? (
          <p className="muted">{t("meetings.agenda.total", { total: d.agenda.totalMinutes, length: d.agenda.meetingMinutes })}</p>
        ) : null}
        <AgendaEditor
          items={d.agenda.items.map((i) => ({
            id: i.id,
            version: i.version,
            title: i.title,
            description: i.description,
            durationMinutes: i.durationMinutes,
            presenterSpeakerId: i.presenterSpeakerId,
            presenterName: i.presenterName,
            time: time(i.startsAt, i.endsAt),
          }))}
          speakers={speakerOptions}
          editable={editable}
          actions={{
            move: bind(A.moveAgendaItemAction),
            remove: bind(A.deleteAgendaItemAction),
            update: bind(A.updateAgendaItemAction),
            add: bind(A.addAgendaItemAction),
          }}
        />
      </section>

      <section aria-labelledby="speakers-h">
        <h2 id="speakers-h">{t("meetings.speakers.title")}</h2>
        <SpeakerList
          speakers={d.speakers.map((s) => ({
            id: s.id,
            version: s.version,
            role: s.role,
            displayName: s.displayName,
            displayPosition: s.displayPosition,
            organization: s.organization,
            onBehalfOf: s.onBehalfOf,
            topic: s.topic,
            input: {
              userId: s.userId ?? "",
              name: s.name ?? "",
              position: s.position ?? "",
              organization: s.organization ?? "",
              role: s.role,
              onBehalfOf: s.onBehalfOf ?? "",
              topic: s.topic ?? "",
              sortOrder: String(s.sortOrder),
              acknowledgeConflicts: false,
            },
          }))}
          editable={editable}
          update={bind(A.updateSpeakerAction)}
          remove={bind(A.deleteSpeakerAction)}
        />
        {editable ? (
          <details className="card no-print">
            <summary>{t("meetings.speakers.add")}</summary>
            <SpeakerForm action={bind(A.addSpeakerAction)} />
          </details>
        ) : null}
      </section>

      <section aria-labelledby="invitations-h">
        <h2 id="invitations-h">{t("meetings.invitations.title")}</h2>
        {d.invitations.length === 0 ? (
          <p className="muted">{t("meetings.invitations.empty")}</p>
        ) : (
          <>
            {pending ? <p className="muted">{t("meetings.invitations.pendingCount", { count: pending })}</p> : null}
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("meetings.recap.unit")}</th>
                    <th scope="col">{t("meetings.invitations.response")}</th>
                    {editable ? <th scope="col" className="no-print"><span className="sr-only">{t("meetings.page.actions")}</span></th> : null}
                  </tr>
                </thead>
                <tbody>
                  {d.invitations.map((i) => (
                    <tr key={i.id}>
                      <td>{i.unitName}</td>
                      <td>
                        {t(`meetings.invitations.responses.${i.response}`)}
                        {i.response === "attending" && i.delegates.length ? (
                          <div className="muted">
                            {t("meetings.invitations.delegates")}: {i.delegates.map((x) => (x.position ? `${x.name} (${x.position})` : x.name)).join("; ")}
                          </div>
                        ) : null}
                        {i.representedBy ? (
                          <div className="muted">
                            {t("meetings.invitations.representedBy")}: {i.representedBy}
                          </div>
                        ) : null}
                        {i.reason ? (
                          <div className="muted">
                            {t("meetings.invitations.reason")}: {i.reason}
                          </div>
                        ) : null}
                        {i.respondedByName ? <div className="muted">{t("meetings.invitations.respondedBy", { name: i.respondedByName })}</div> : null}
                      </td>
                      {editable ? (
                        <td className="no-print">
                          <ActionButton action={A.removeInvitationAction.bind(null, m.id, i.id)}>{t("meetings.invitations.remove", { unit: i.unitName })}</ActionButton>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {editable ? (
          <details className="card no-print">
            <summary>{t("meetings.invitations.add")}</summary>
            <InviteForm invited={invitedUnitIds} action={bind(A.inviteUnitsAction)} />
          </details>
        ) : null}
      </section>

      {p.respond && d.myInvitation ? (
        <section aria-labelledby="rsvp-h" className="no-print">
          <h2 id="rsvp-h">{t("meetings.rsvp.title")}</h2>
          <p>
            {t("meetings.page.myUnit")}: <strong>{t(`meetings.invitations.responses.${d.myInvitation.response}`)}</strong>
          </p>
          <RsvpForm
            initial={{ response: d.myInvitation.response, delegates: d.myInvitation.delegates, representedBy: d.myInvitation.representedBy, reason: d.myInvitation.reason }}
            action={A.respondAction.bind(null, m.id, d.myInvitation.version)}
          />
        </section>
      ) : null}

      {p.manage && d.checkInCode && checkInUrl && (m.status === "scheduled" || m.status === "ongoing") ? (
        <section aria-labelledby="checkin-h" className="no-print">
          <h2 id="checkin-h">{t("meetings.page.checkInTitle")}</h2>
          <p>{t("meetings.page.checkInHelp", { opens: formatDateTime(d.checkInWindow.opensAt, tz, locale) })}</p>
          <CheckInQr url={checkInUrl} alt={t("meetings.page.qrAlt")} />
        </section>
      ) : null}

      <section aria-labelledby="recap-h">
        <h2 id="recap-h">{t("meetings.recap.title")}</h2>
        <ul className="stats">
          <li>
            <strong>{d.recap.invitedUnits}</strong> {t("meetings.recap.invited")}
          </li>
          <li>
            <strong>{d.recap.answeredUnits}</strong> {t("meetings.recap.answered")}
          </li>
          <li>
            <strong>{d.recap.unitsPresent}</strong> {t("meetings.recap.present")}
          </li>
          <li>
            <strong>{d.recap.people}</strong> {t("meetings.recap.people")}
          </li>
        </ul>
        {d.recap.units.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("meetings.recap.unit")}</th>
                  <th scope="col">{t("meetings.invitations.response")}</th>
                  {ATTENDANCE_STATUSES.map((s) => (
                    <th key={s} scope="col">
                      {t(`meetings.attendance.statuses.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.recap.units.map((u) => (
                  <tr key={u.unitId ?? "guests"}>
                    <th scope="row">
                      {u.unitName ?? t("meetings.recap.guests")}
                      {!u.invited && u.unitId ? <span className="muted"> ({t("meetings.recap.notInvited")})</span> : null}
                    </th>
                    <td>{u.response ? t(`meetings.invitations.responses.${u.response}`) : "—"}</td>
                    {ATTENDANCE_STATUSES.map((s) => (
                      <td key={s}>{u.byStatus[s]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {d.recap.invitedUnits > 0 ? (
          <>
            <h3>{t("meetings.recap.nobody")}</h3>
            {d.recap.unitsWithNobody.length ? (
              <ul>
                {d.recap.unitsWithNobody.map((u) => (
                  <li key={u.unitId}>{u.unitName}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("meetings.recap.noneMissing")}</p>
            )}
          </>
        ) : null}
      </section>

      {user.role !== "participant" ? (
        <section aria-labelledby="attendance-h">
          <h2 id="attendance-h">{t("meetings.attendance.title")}</h2>
          {d.attendances.length === 0 ? (
            <p className="muted">{t("meetings.attendance.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("meetings.attendance.who")}</th>
                    <th scope="col">{t("meetings.attendance.unit")}</th>
                    <th scope="col">{t("meetings.attendance.status")}</th>
                    <th scope="col">{t("meetings.attendance.time")}</th>
                    {p.manage ? <th scope="col" className="no-print"><span className="sr-only">{t("meetings.page.actions")}</span></th> : null}
                  </tr>
                </thead>
                <tbody>
                  {d.attendances.map((a, index) => {
                    const name = a.userName ?? a.guestName ?? "";
                    const newUnit = index === 0 || d.attendances[index - 1]!.workUnitId !== a.workUnitId;
                    return (
                      <Fragment key={a.id}>
                        {newUnit ? (
                          <tr className="group-row">
                            <th scope="colgroup" colSpan={p.manage ? 5 : 4}>
                              {a.unitName ?? t("meetings.recap.guests")}
                            </th>
                          </tr>
                        ) : null}
                        <tr>
                          <td>
                            {name}
                            {(a.userPosition ?? a.guestPosition) ? <div className="muted">{a.userPosition ?? a.guestPosition}</div> : null}
                            {a.guestOrganization ? <div className="muted">{a.guestOrganization}</div> : null}
                          </td>
                          <td>{a.unitName ?? "—"}</td>
                          <td>
                            {t(`meetings.attendance.statuses.${a.status}`)}
                            {a.representedBy ? <div className="muted">{t("meetings.attendance.representedBy")}: {a.representedBy}</div> : null}
                          </td>
                          <td>
                            {a.checkedInAt ? formatTime(a.checkedInAt, tz, locale) : "—"}
                            <div className="muted">{t(`meetings.attendance.method.${a.method}`)}</div>
                          </td>
                          {p.manage ? (
                            <td className="no-print">
                              <ActionButton action={A.deleteAttendanceAction.bind(null, m.id, a.id)}>{t("meetings.attendance.remove", { name })}</ActionButton>
                            </td>
                          ) : null}
                        </tr>
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {d.attendancePages.nextCursor || d.attendancePages.prevCursor ? (
            <nav className="pagination no-print" aria-label={t("meetings.attendance.title")}>
              {d.attendancePages.prevCursor ? (
                <Link href={`/meetings/${m.id}?attendance=${d.attendancePages.prevCursor}#attendance-h`} rel="prev">
                  {t("actions.previous")}
                </Link>
              ) : null}
              {d.attendancePages.nextCursor ? (
                <Link href={`/meetings/${m.id}?attendance=${d.attendancePages.nextCursor}#attendance-h`} rel="next">
                  {t("actions.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
          {p.manage && m.status !== "draft" && m.status !== "cancelled" ? (
            <AttendancePanel
              meetingId={m.id}
              summary={t("meetings.attendance.record")}
              units={d.invitations.map((i) => ({ id: i.workUnitId, label: i.unitName }))}
              action={bind(A.recordAttendanceAction)}
            />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="minutes-h">
        <h2 id="minutes-h">{t("meetings.minutes.title")}</h2>
        {minutesLocked ? <Alert kind="info">{t("meetings.minutes.finalized", { at: formatDateTime(d.minutes!.finalizedAt!, tz, locale) })}</Alert> : null}
        {p.writeMinutes && !minutesLocked && m.status !== "draft" && m.status !== "cancelled" ? (
          <div className="card no-print">
            <MinutesForm summary={d.minutes?.summary ?? ""} action={A.saveMinutesAction.bind(null, m.id, d.minutes?.version ?? 0)} />
          </div>
        ) : d.minutes?.summary ? (
          <p className="pre-line">{d.minutes.summary}</p>
        ) : (
          <p className="muted">{t("meetings.minutes.empty")}</p>
        )}
        <h3>{t("meetings.minutes.decisions")}</h3>
        <DecisionList
          decisions={d.decisions.map((x) => ({ id: x.id, number: x.number, text: x.text, version: x.version }))}
          editable={p.writeMinutes && !minutesLocked && m.status !== "draft"}
          update={bind(A.updateDecisionAction)}
          remove={bind(A.deleteDecisionAction)}
        />
        {staff && d.decisions.length ? (
          <ul className="no-print">
            {d.decisions.map((x) => (
              <li key={x.id}>
                <Link href={`/follow-ups/new?decisionId=${x.id}`}>{t("meetings.minutes.followUpFrom", { number: x.number })}</Link>
              </li>
            ))}
          </ul>
        ) : null}
        {reviewed.length || hasReviewItem ? (
          <>
            <h3>{t("followUps.review.title")}</h3>
            {hasReviewItem && m.status !== "draft" ? (
              <p className="no-print">
                <Link href={`/follow-ups/review/${m.id}`}>{t("meetings.minutes.openReview")}</Link>
              </p>
            ) : null}
            {reviewed.length ? (
              <ul>
                {reviewed.map((r) => (
                  <li key={r.id}>
                    <Link href={`/follow-ups/${r.id}`}>{r.title}</Link> — {r.unit_name} · {t(`followUps.status.${r.status_at_review}`)}
                    {r.note ? ` · ${r.note}` : ""}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("meetings.minutes.noneReviewed")}</p>
            )}
          </>
        ) : null}
        {p.writeMinutes && !minutesLocked && m.status !== "draft" && m.status !== "cancelled" ? (
          <div className="no-print">
            <details className="card">
              <summary>{t("meetings.minutes.addDecision")}</summary>
              <DecisionForm label={t("meetings.minutes.decision")} action={bind(A.addDecisionAction)} />
            </details>
            {d.minutes ? (
              <ActionButton className="btn" action={A.finalizeMinutesAction.bind(null, m.id, d.minutes.version)}>
                {t("meetings.minutes.finalize")}
              </ActionButton>
            ) : null}
          </div>
        ) : null}
        {minutesLocked && p.reopenMinutes ? (
          <details className="card no-print">
            <summary>{t("meetings.minutes.reopen")}</summary>
            <ReopenForm action={A.reopenMinutesAction.bind(null, m.id, d.minutes!.version)} />
          </details>
        ) : null}
      </section>
    </article>
  );
}
