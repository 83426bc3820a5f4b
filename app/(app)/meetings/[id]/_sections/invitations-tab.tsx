import { Fragment } from "react";
import { headers } from "next/headers";
import Link from "next/link";
import { ActionButton } from "@/components/meetings/action-button";
import { AttendancePanel } from "@/components/meetings/attendance-panel";
import { CheckInQr } from "@/components/meetings/check-in-qr";
import { InviteForm } from "@/components/meetings/invite-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ScrollTable } from "@/components/ui/scroll-table";
import { ATTENDANCE_STATUSES } from "@/lib/enums";
import { capacityWarning } from "@/lib/meetings/capacity";
import { formatDateTime, formatRange, formatTime } from "@/lib/time";
import * as A from "../../actions";
import { bindMeeting, isEditable, type SectionProps } from "./types";

/** Invited units and their answers, self check-in, the recap per unit and the attendance list. */
export async function InvitationsTab({ d, t, locale }: SectionProps) {
  const m = d.meeting;
  const p = d.permissions;
  const tz = m.timeZone;
  const editable = isEditable(d);
  const invitedUnitIds = d.invitations.map((i) => i.workUnitId);
  const recording = p.manage && m.status !== "draft" && m.status !== "cancelled";
  const capacity = p.manage ? await capacityWarning(m.id) : null;
  const bind = <T extends unknown[], R>(fn: (meetingId: string, ...rest: T) => R) => bindMeeting(m.id, fn);
  const h = await headers();
  const checkInUrl = d.checkInCode ? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}/check-in/${d.checkInCode}` : null;
  const pending = d.invitations.filter((i) => i.response === "pending").length;
  const toReconfirm = d.invitations.filter((i) => i.reconfirmStartsAt).length;
  // Who sent nobody means something only once attendance is being taken.
  const takingAttendance = m.status === "ongoing" || m.status === "completed" || d.recap.people > 0;
  return (
    <>
      <section aria-labelledby="invitations-h">
        <h2 id="invitations-h">{t("meetings.invitations.title")}</h2>
        {capacity ? <Alert kind="warning">{t("meetings.page.capacityWarning", { room: capacity.roomName, capacity: capacity.capacity, expected: capacity.expected })}</Alert> : null}
        {d.invitations.length === 0 ? (
          <p className="muted">{t("meetings.invitations.empty")}</p>
        ) : (
          <>
            {pending ? <p className="muted">{t("meetings.invitations.pendingCount", { count: pending })}</p> : null}
            {toReconfirm ? <p className="muted">{t("meetings.reconfirm.count", { count: toReconfirm })}</p> : null}
            <ScrollTable label={t("meetings.invitations.title")}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("meetings.recap.unit")}</th>
                    <th scope="col">{t("meetings.invitations.response")}</th>
                    {editable ? (
                      <th scope="col" className="no-print">
                        {t("meetings.page.actions")}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {d.invitations.map((i) => (
                    <tr key={i.id}>
                      <td className="cell-wrap">{i.unitName}</td>
                      <td className="cell-wrap">
                        {t(`meetings.invitations.responses.${i.response}`)}
                        {i.reconfirmStartsAt && i.reconfirmEndsAt ? (
                          <div>
                            <Badge tone="warning">{t("meetings.reconfirm.badge")}</Badge>{" "}
                            <span className="muted">{t("meetings.reconfirm.was", { oldWhen: formatRange(i.reconfirmStartsAt, i.reconfirmEndsAt, tz, locale) })}</span>
                          </div>
                        ) : null}
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
                          <ActionButton action={A.removeInvitationAction.bind(null, m.id, i.id)} label={t("meetings.invitations.remove", { unit: i.unitName })}>
                            {t("meetings.invitations.removeShort")}
                          </ActionButton>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </>
        )}
        {editable ? (
          <details className="card no-print">
            <summary>{t("meetings.invitations.add")}</summary>
            <InviteForm invited={invitedUnitIds} action={bind(A.inviteUnitsAction)} />
          </details>
        ) : null}
      </section>

      {p.manage && checkInUrl && (m.status === "scheduled" || m.status === "ongoing") ? (
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
          <ScrollTable label={t("meetings.recap.title")}>
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
          </ScrollTable>
        ) : null}
        {d.recap.invitedUnits > 0 ? (
          <>
            <h3>{t("meetings.recap.nobody")}</h3>
            {!takingAttendance ? (
              <p className="muted">{t("meetings.recap.notYet")}</p>
            ) : d.recap.unitsWithNobody.length ? (
              <ul className="nobody-list">
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

      {p.records ? (
        <section aria-labelledby="attendance-h">
          <h2 id="attendance-h">{t("meetings.attendance.title")}</h2>
          {d.attendances.length === 0 ? (
            <p className="muted">{t("meetings.attendance.empty")}</p>
          ) : (
            <ScrollTable label={t("meetings.attendance.title")}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("meetings.attendance.who")}</th>
                    <th scope="col">{t("meetings.attendance.unit")}</th>
                    <th scope="col">{t("meetings.attendance.status")}</th>
                    <th scope="col">{t("meetings.attendance.time")}</th>
                    {recording ? (
                      <th scope="col" className="no-print">
                        {t("meetings.page.actions")}
                      </th>
                    ) : null}
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
                            <th scope="colgroup" colSpan={recording ? 5 : 4}>
                              {a.unitName ?? t("meetings.recap.guests")}
                            </th>
                          </tr>
                        ) : null}
                        <tr>
                          <td className="cell-wrap">
                            {name}
                            {(a.userPosition ?? a.guestPosition) ? <div className="muted">{a.userPosition ?? a.guestPosition}</div> : null}
                            {a.guestOrganization ? <div className="muted">{a.guestOrganization}</div> : null}
                          </td>
                          <td className="cell-wrap">{a.unitName ?? "—"}</td>
                          <td>
                            {t(`meetings.attendance.statuses.${a.status}`)}
                            {a.representedBy ? (
                              <div className="muted">
                                {t("meetings.attendance.representedBy")}: {a.representedBy}
                              </div>
                            ) : null}
                          </td>
                          <td>
                            {a.checkedInAt ? formatTime(a.checkedInAt, tz, locale) : "—"}
                            <div className="muted">{t(`meetings.attendance.method.${a.method}`)}</div>
                          </td>
                          {recording ? (
                            <td className="no-print">
                              <ActionButton action={A.deleteAttendanceAction.bind(null, m.id, a.id)} label={t("meetings.attendance.remove", { name })}>
                                {t("actions.delete")}
                              </ActionButton>
                            </td>
                          ) : null}
                        </tr>
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
          )}
          {d.attendancePages.nextCursor || d.attendancePages.prevCursor ? (
            <nav className="pagination no-print" aria-label={t("meetings.attendance.title")}>
              {d.attendancePages.prevCursor ? (
                <Link href={`/meetings/${m.id}?tab=invitations&attendance=${d.attendancePages.prevCursor}#attendance-h`} rel="prev">
                  {t("actions.previous")}
                </Link>
              ) : null}
              {d.attendancePages.nextCursor ? (
                <Link href={`/meetings/${m.id}?tab=invitations&attendance=${d.attendancePages.nextCursor}#attendance-h`} rel="next">
                  {t("actions.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
          {recording ? (
            <AttendancePanel
              meetingId={m.id}
              summary={t("meetings.attendance.record")}
              units={d.invitations.map((i) => ({ id: i.workUnitId, label: i.unitName }))}
              action={bind(A.recordAttendanceAction)}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
