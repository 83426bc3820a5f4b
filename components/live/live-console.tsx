"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { useLocale, useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import type { BoardPerson } from "@/lib/live/board";
import type { ConsoleData } from "@/lib/live/console";
import { RECENT_CHECK_IN_MINUTES, type LiveState } from "@/lib/live/types";
import { formatDateTime, formatTime } from "@/lib/time";
import { ItemMinutesEditor } from "@/components/meetings/item-minutes-editor";
import { QueuePanel, type QueueActions } from "./queue-panel";
import { clock, useLive, useNow } from "./use-live";

type Actions = {
  nextItem: (version: number) => Promise<ActionState>;
  callSpeaker: (version: number, speakerId: string | null, clear: boolean) => Promise<ActionState>;
  checkInSwitch: (version: number, open: boolean) => Promise<ActionState>;
  saveNote: (itemId: string, version: number, note: string) => Promise<ActionState<{ version: number; note: string }>>;
  unitPeople: (unitId: string) => Promise<ActionState<{ people: BoardPerson[]; total: number }>>;
  mark: (userId: string, status: string) => Promise<ActionState>;
  issueLink: () => Promise<ActionState<{ id: string; token: string; createdAt: string }>>;
  revokeLink: (id: string) => Promise<ActionState>;
  queue: QueueActions;
};

const UNITS_PER_PAGE = 20;
const hm = (iso: string | null, tz: string) => (iso ? formatTime(new Date(iso), tz).replace(/ \S+$/, "") : "—");

/** The secretariat's console: agenda, speakers, notes, attendance board, check-in and screen links. */
export function LiveConsole({ data, actions }: { data: ConsoleData; actions: Actions }) {
  const t = useT();
  const { message, state, connected, offset } = useLive(data.meeting.id, data.initial);
  const now = useNow(offset);
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const run = (work: () => Promise<ActionState>) =>
    start(async () => {
      const r = await work();
      setStatus(r.ok ? (r.message ? { kind: "success", text: t(r.message) } : null) : { kind: "error", text: t(r.message) });
    });
  const tz = state.timeZone;
  const currentIndex = state.items.findIndex((i) => i.id === state.currentItemId);
  const anyEnded = state.items.some((i) => i.actualEndedAt);
  const done = currentIndex === -1 && anyEnded;
  const nextLabel = currentIndex === -1 ? t("live.console.startFirst") : currentIndex === state.items.length - 1 ? t("live.console.endLast") : t("live.console.startNext");
  const screenHref = `/meetings/${data.meeting.id}/screen`;
  return (
    <div className="live-console">
      <div className="page-head">
        <div>
          <h1>{t("live.console.title")}</h1>
          <p style={{ margin: 0 }}>
            <Link href={`/meetings/${data.meeting.id}`}>{data.meeting.title}</Link>
          </p>
        </div>
        <p className="actions" style={{ margin: 0 }}>
          <a className="btn btn-secondary" href={screenHref} target="_blank" rel="noopener">
            {t("live.console.openScreen")}
          </a>
        </p>
      </div>
      <p className="muted">{t("live.console.intro")}</p>
      {!connected ? (
        <p className="live-reconnecting" role="status">
          {t("live.reconnecting")}
        </p>
      ) : null}
      <div aria-live="polite" className="live-status">
        {status ? <p className={`alert alert-${status.kind}`}>{status.text}</p> : null}
      </div>

      <div className="live-grid">
        <section className="card" aria-labelledby="live-agenda-h">
          <h2 id="live-agenda-h">{t("live.console.agenda")}</h2>
          {state.items.length === 0 ? <p>{t("live.console.noAgenda")}</p> : null}
          <ol className="live-agenda">
            {state.items.map((item, i) => {
              const current = item.id === state.currentItemId;
              const note = data.notes.find((n) => n.id === item.id);
              return (
                <li key={item.id} className={current ? "is-current" : item.actualEndedAt ? "is-done" : undefined} aria-current={current ? "step" : undefined}>
                  <div className="live-item-head">
                    <strong>
                      {i + 1}. {item.title}
                    </strong>
                    {current ? <span className="badge badge-success">{t("live.console.current")}</span> : item.actualEndedAt ? <span className="badge">{t("live.console.done")}</span> : null}
                  </div>
                  <p className="live-times">
                    <span>
                      {t("live.console.planned")}: {hm(item.plannedStart, tz)}–{formatTime(new Date(item.plannedEnd), tz)}
                    </span>
                    <span data-testid={`actual-${item.position}`}>
                      {t("live.console.actual")}:{" "}
                      {item.actualStartedAt
                        ? `${hm(item.actualStartedAt, tz)}–${item.actualEndedAt ? formatTime(new Date(item.actualEndedAt), tz) : `… (${now !== null && current ? clock(now - new Date(item.actualStartedAt).getTime()) : ""})`}`
                        : "—"}
                    </span>
                  </p>
                  {data.canNote && note ? <NoteForm key={`${note.id}-${note.version}`} itemTitle={item.title} note={note} save={actions.saveNote} /> : null}
                </li>
              );
            })}
          </ol>
          {state.items.length > 0 && !done ? (
            <button type="button" className="btn" disabled={pending} onClick={() => run(() => actions.nextItem(state.version))}>
              {nextLabel}
            </button>
          ) : done ? (
            <p>{t("live.console.agendaDone")}</p>
          ) : null}
        </section>

        <section className="card" aria-labelledby="live-speakers-h">
          <h2 id="live-speakers-h">{t("live.console.speakers")}</h2>
          <SpeakerNow state={state} now={now} />
          <p className="actions">
            <button type="button" className="btn" disabled={pending} onClick={() => run(() => actions.callSpeaker(state.version, null, false))}>
              {t("live.console.callNext")}
            </button>
            {state.speaker ? (
              <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => run(() => actions.callSpeaker(state.version, null, true))}>
                {t("live.console.clearSpeaker")}
              </button>
            ) : null}
          </p>
          <ul className="live-speakers">
            {data.speakers.map((s) => (
              <li key={s.id} className={s.id === state.speaker?.id ? "is-current" : undefined}>
                <span>
                  {s.name} <span className="muted">· {t(`meetings.speakers.roles.${s.role}`)}</span>
                </span>
                <button type="button" className="btn btn-secondary btn-small" disabled={pending || s.id === state.speaker?.id} onClick={() => run(() => actions.callSpeaker(state.version, s.id, false))} aria-label={`${t("live.console.call")}: ${s.name}`}>
                  {t("live.console.call")}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <QueuePanel state={state} now={now} pending={pending} run={run} actions={actions.queue} />
      </div>

      <AttendanceBoard state={state} recent={message.staff?.recentCheckIns ?? []} actions={actions} pending={pending} run={run} />

      <ScreenLinks data={data} state={state} actions={actions} pending={pending} run={run} screenHref={screenHref} />
    </div>
  );
}

function SpeakerNow({ state, now }: { state: LiveState; now: number | null }) {
  const t = useT();
  const s = state.speaker;
  if (!s) return <p className="muted">{t("live.console.nobody")}</p>;
  return (
    <div className="live-speaker-now" data-testid="console-speaker">
      <p className="muted" style={{ margin: 0 }}>
        {t("live.console.speaking")} · {t(`meetings.speakers.roles.${s.role}`)}
      </p>
      <p className="live-speaker-name">{s.name}</p>
      {s.position || s.organization ? <p style={{ margin: 0 }}>{[s.position, s.organization].filter(Boolean).join(", ")}</p> : null}
      {s.onBehalfOf ? <p style={{ margin: 0 }}>{t("live.screen.onBehalfOf", { name: s.onBehalfOf })}</p> : null}
      {s.topic ? <p style={{ margin: 0 }} className="muted">{s.topic}</p> : null}
      {s.calledAt && now !== null ? (
        <p className="live-timer" aria-live="off">
          {t("live.console.speakingFor", { time: clock(now - new Date(s.calledAt).getTime()) })}
        </p>
      ) : null}
    </div>
  );
}

function NoteForm({ itemTitle, note, save }: { itemTitle: string; note: { id: string; note: string; version: number }; save: Actions["saveNote"] }) {
  const t = useT();
  return (
    <details className="live-note" open={!!note.note}>
      <summary>{t("live.console.note")}</summary>
      <ItemMinutesEditor item={note} label={`${t("live.console.note")}: ${itemTitle}`} hint={t("live.console.noteHint")} save={save} />
    </details>
  );
}

function AttendanceBoard({
  state,
  recent,
  actions,
  pending,
  run,
}: {
  state: LiveState;
  recent: { name: string; unitName: string | null; at: string }[];
  actions: Actions;
  pending: boolean;
  run: (work: () => Promise<ActionState>) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [people, setPeople] = useState<{ people: BoardPerson[]; total: number } | null>(null);
  const pages = Math.max(1, Math.ceil(state.units.length / UNITS_PER_PAGE));
  const shown = state.units.slice(page * UNITS_PER_PAGE, (page + 1) * UNITS_PER_PAGE);
  const tz = state.timeZone;
  const load = async (unitId: string) => {
    const r = await actions.unitPeople(unitId);
    setPeople(r.ok && r.data ? r.data : { people: [], total: 0 });
  };
  const toggle = (unitId: string | null) => {
    if (!unitId) return;
    if (open === unitId) {
      setOpen(null);
      return;
    }
    setOpen(unitId);
    setPeople(null);
    void load(unitId);
  };
  const totals = state.totals;
  return (
    <div className="live-grid live-grid-wide">
      <section className="card" aria-labelledby="live-att-h">
        <h2 id="live-att-h">{t("live.console.attendance")}</h2>
        <p data-testid="console-attendance-summary">{t("live.console.attendanceSummary", { present: totals.unitsPresent, invited: totals.invitedUnits, people: totals.present + totals.represented })}</p>
        <div className="live-board-wrap">
          <table className="live-board">
            <thead>
              <tr>
                <th scope="col">{t("live.console.unit")}</th>
                <th scope="col">{t("live.console.present")}</th>
                <th scope="col">{t("live.console.represented")}</th>
                <th scope="col">{t("live.console.excused")}</th>
                <th scope="col">{t("live.console.absent")}</th>
                <th scope="col">
                  <span className="live-sr">{t("live.console.mark")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <UnitRow key={u.unitId ?? "guests"} u={u} open={open === u.unitId} toggle={() => toggle(u.unitId)} people={open === u.unitId ? people : null} mark={(userId, s) => run(async () => {
                  const r = await actions.mark(userId, s);
                  if (u.unitId) await load(u.unitId);
                  return r;
                })} pending={pending} />
              ))}
            </tbody>
          </table>
        </div>
        {state.unitsTotal > state.units.length ? <p className="muted">{t("live.console.unitsCapped", { shown: state.units.length, total: state.unitsTotal })}</p> : null}
        {pages > 1 ? (
          <nav className="pagination" aria-label={t("live.console.attendance")}>
            <button type="button" className="btn btn-secondary btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
              {t("live.console.prev")}
            </button>
            <span>{t("live.console.pageOf", { page: page + 1, pages })}</span>
            <button type="button" className="btn btn-secondary btn-small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
              {t("live.console.next")}
            </button>
          </nav>
        ) : null}
      </section>
      <section className="card" aria-labelledby="live-recent-h">
        <h2 id="live-recent-h">{t("live.console.recentCheckIns")}</h2>
        {recent.length === 0 ? <p className="muted">{t("live.console.noRecent", { minutes: RECENT_CHECK_IN_MINUTES })}</p> : null}
        <ul className="live-recent" data-testid="console-recent">
          {recent.map((r) => (
            <li key={`${r.name}-${r.at}`}>
              <strong>{r.name}</strong> <span className="muted">· {r.unitName ?? ""} · {formatDateTime(new Date(r.at), tz, locale).replace(/^.*, /, "")}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function UnitRow({
  u,
  open,
  toggle,
  people,
  mark,
  pending,
}: {
  u: LiveState["units"][number];
  open: boolean;
  toggle: () => void;
  people: { people: BoardPerson[]; total: number } | null;
  mark: (userId: string, status: string) => void;
  pending: boolean;
}) {
  const t = useT();
  const name = u.name || "—";
  return (
    <>
      <tr className={u.present + u.represented > 0 ? "is-present" : undefined}>
        <th scope="row">{name}</th>
        <td>{u.present}</td>
        <td>{u.represented}</td>
        <td>{u.excused}</td>
        <td>{u.absent}</td>
        <td>
          {u.unitId ? (
            <button type="button" className="btn btn-secondary btn-small" aria-expanded={open} onClick={toggle} aria-label={`${t("live.console.mark")}: ${name}`}>
              {t("live.console.mark")}
            </button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={6}>
            {people === null ? (
              <p className="muted">…</p>
            ) : people.people.length === 0 ? (
              <p className="muted">{t("live.console.noPeople")}</p>
            ) : (
              <ul className="live-people" aria-label={t("live.console.people", { unit: name })}>
                {people.people.map((p) => (
                  <li key={p.userId}>
                    <span>
                      {p.name} <span className="muted">{p.position}</span> {p.status ? <span className="badge">{t(`meetings.attendance.statuses.${p.status}`)}</span> : null}
                    </span>
                    <span className="live-taps">
                      {(["present", "excused", "absent"] as const).map((s) => (
                        <button key={s} type="button" className="btn btn-secondary btn-small" disabled={pending || p.status === s} onClick={() => mark(p.userId, s)} aria-label={`${t(`live.console.mark${s === "present" ? "Present" : s === "excused" ? "Excused" : "Absent"}`)}: ${p.name}`}>
                          {t(`live.console.mark${s === "present" ? "Present" : s === "excused" ? "Excused" : "Absent"}`)}
                        </button>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {people && people.total > people.people.length ? <p className="muted">{t("live.console.peopleMore", { shown: people.people.length, total: people.total })}</p> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function ScreenLinks({
  data,
  state,
  actions,
  pending,
  run,
  screenHref,
}: {
  data: ConsoleData;
  state: LiveState;
  actions: Actions;
  pending: boolean;
  run: (work: () => Promise<ActionState>) => void;
  screenHref: string;
}) {
  const t = useT();
  const locale = useLocale();
  const [links, setLinks] = useState(data.links);
  const [issued, setIssued] = useState<string | null>(null);
  return (
    <div className="live-grid">
      <section className="card" aria-labelledby="live-checkin-h">
        <h2 id="live-checkin-h">{t("live.console.checkIn")}</h2>
        <p data-testid="console-check-in">{state.checkInOpen ? t("live.console.checkInOpen") : t("live.console.checkInClosed")}</p>
        <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => run(() => actions.checkInSwitch(state.version, !state.checkInSwitch))}>
          {state.checkInSwitch ? t("live.console.closeCheckIn") : t("live.console.openCheckIn")}
        </button>
      </section>
      <section className="card" aria-labelledby="live-screen-h">
        <h2 id="live-screen-h">{t("live.console.screen")}</h2>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={pending}
          onClick={() =>
            run(async () => {
              const r = await actions.issueLink();
              if (r.ok && r.data) {
                const d = r.data;
                setIssued(`${window.location.origin}${screenHref}?token=${encodeURIComponent(d.token)}`);
                setLinks((l) => [{ id: d.id, createdAt: d.createdAt }, ...l]);
              }
              return r;
            })
          }
        >
          {t("live.console.issueLink")}
        </button>
        {issued ? (
          <p>
            {t("live.console.linkIssued")} <input readOnly value={issued} aria-label={t("live.console.linkIssued")} className="live-link" onFocus={(e) => e.currentTarget.select()} />
          </p>
        ) : null}
        {links.length ? (
          <>
            <h3>{t("live.console.activeLinks")}</h3>
            <ul>
              {links.map((l) => (
                <li key={l.id}>
                  {t("live.console.linkCreated", { at: formatDateTime(new Date(l.createdAt), state.timeZone, locale) })}{" "}
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    disabled={pending}
                    onClick={() =>
                      run(async () => {
                        const r = await actions.revokeLink(l.id);
                        if (r.ok) setLinks((x) => x.filter((y) => y.id !== l.id));
                        return r;
                      })
                    }
                  >
                    {t("live.console.revoke")}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
