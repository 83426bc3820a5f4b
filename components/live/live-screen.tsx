"use client";

import { useT } from "@/components/i18n-provider";
import { agendaProgress } from "@/lib/live/progress";
import type { LiveMessage } from "@/lib/live/types";
import { formatTime } from "@/lib/time";
import { clock, useLive, useNow } from "./use-live";

/** Units shown on the screen at once (the rest are counted). */
const SCREEN_UNITS = 16;

/** The projector view: current item and time left, speaker, next item, check-in QR, units present. */
export function LiveScreen({ meetingId, initial, token, qr, checkInUrl }: { meetingId: string; initial: LiveMessage; token?: string; qr: string; checkInUrl: string }) {
  const t = useT();
  const { state, connected, offset } = useLive(meetingId, initial, token);
  const now = useNow(offset);
  const tz = state.timeZone;
  const index = state.items.findIndex((i) => i.id === state.currentItemId);
  const item = index >= 0 ? state.items[index]! : null;
  const done = agendaProgress(state).kind === "done";
  const next = index >= 0 ? state.items[index + 1] : done ? null : state.items[0];
  const left = item?.actualStartedAt && now !== null ? new Date(item.actualStartedAt).getTime() + item.durationMinutes * 60_000 - now : null;
  const s = state.speaker;
  // The speakers' queue (issue 23): the participant given the floor, with their time, and the next two.
  const turn = state.queue.current;
  const turnMs = turn?.startedAt && now !== null ? Math.max(0, now - new Date(turn.startedAt).getTime()) : null;
  const queueNext = state.queue.waiting.slice(0, 2);
  const units = [...state.units].filter((u) => u.invited).sort((a, b) => b.present + b.represented - (a.present + a.represented) || a.name.localeCompare(b.name));
  const shown = units.slice(0, SCREEN_UNITS);
  const hidden = Math.max(0, state.totals.invitedUnits - shown.length);
  return (
    <div className="live-screen">
      <header className="ls-head">
        <h1 className="ls-title">{state.title}</h1>
        <p className="ls-clock" aria-label={t("live.screen.title")}>
          {now !== null ? formatTime(new Date(now), tz) : ""}
        </p>
      </header>
      {!connected ? (
        <p className="ls-reconnecting" role="status">
          {t("live.reconnecting")}
        </p>
      ) : null}
      <main className="ls-main">
        <section className="ls-now" aria-labelledby="ls-now-h" aria-live="polite">
          <h2 id="ls-now-h" className="ls-label">
            {t("live.screen.currentItem")}
          </h2>
          <p className="ls-item" data-testid="screen-item">
            {item ? item.title : done ? t("live.screen.finished") : t("live.screen.notStarted")}
          </p>
          {left !== null ? (
            <p className={`ls-left${left < 0 ? " is-over" : ""}`} data-testid="screen-time-left">
              {left >= 0 ? (
                <>
                  <span className="ls-big">{clock(left)}</span> {t("live.screen.timeLeft")}
                </>
              ) : (
                <span className="ls-big">{t("live.screen.overtime", { time: clock(left) })}</span>
              )}
            </p>
          ) : null}
          <div className="ls-speaker" data-testid="screen-speaker">
            {turn ? (
              <>
                <p className="ls-label">{t("live.screen.speaker")}</p>
                <p className="ls-speaker-name">{turn.name}</p>
                {turn.unitName || turn.topic ? <p className="ls-speaker-role">{[turn.unitName, turn.topic].filter(Boolean).join(" — ")}</p> : null}
                {turnMs !== null ? (
                  <p className={`ls-turn-time${turn.allowedMinutes && turnMs > turn.allowedMinutes * 60_000 ? " is-over" : ""}`} data-testid="screen-turn-time">
                    {clock(turnMs)}
                    {turn.allowedMinutes ? ` ${t("live.queue.allowed", { time: clock(turn.allowedMinutes * 60_000) })}` : ""}
                  </p>
                ) : null}
              </>
            ) : s ? (
              <>
                <p className="ls-label">
                  {t("live.screen.speaker")} · {t(`meetings.speakers.roles.${s.role}`)}
                </p>
                <p className="ls-speaker-name">{s.name}</p>
                {s.position || s.organization ? <p className="ls-speaker-role">{[s.position, s.organization].filter(Boolean).join(", ")}</p> : null}
                {s.onBehalfOf ? <p className="ls-speaker-role">{t("live.screen.onBehalfOf", { name: s.onBehalfOf })}</p> : null}
              </>
            ) : null}
          </div>
          {queueNext.length ? (
            <div className="ls-queue" data-testid="screen-queue">
              <p className="ls-label">{t("live.queue.next")}</p>
              <ol>
                {queueNext.map((w) => (
                  <li key={w.id}>
                    {w.name}
                    {w.unitName ? ` · ${w.unitName}` : ""}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {next ? (
            <p className="ls-next" data-testid="screen-next">
              <span className="ls-label">{t("live.screen.nextItem")}:</span> {next.title}
            </p>
          ) : null}
        </section>
        <aside className="ls-side">
          {state.checkInOpen && (now === null || now <= Date.parse(state.checkInClosesAt)) ? (
            <section className="ls-qr" aria-labelledby="ls-qr-h">
              <h2 id="ls-qr-h" className="ls-label">
                {t("live.screen.checkIn")}
              </h2>
              {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL */}
              <img src={qr} alt={t("live.screen.qrAlt")} />
              <p className="ls-url">{checkInUrl.replace(/^https?:\/\//, "")}</p>
            </section>
          ) : null}
          <section className="ls-units" aria-labelledby="ls-units-h">
            <h2 id="ls-units-h" className="ls-label">
              {t("live.screen.attendance")}
            </h2>
            <p className="ls-units-total" data-testid="screen-units-present">
              {t("live.screen.unitsPresent", { present: state.totals.unitsPresent, invited: state.totals.invitedUnits })}
            </p>
            <ul>
              {shown.map((u) => (
                <li key={u.unitId ?? "guests"} className={u.present + u.represented > 0 ? "is-present" : undefined}>
                  <span className="ls-unit-name">{u.name}</span>
                  <span className="ls-unit-count">{u.present + u.represented}</span>
                </li>
              ))}
            </ul>
            {hidden > 0 ? <p className="ls-more">{t("live.screen.moreUnits", { count: hidden })}</p> : null}
          </section>
        </aside>
      </main>
    </div>
  );
}
