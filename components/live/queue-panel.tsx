"use client";

import { useState } from "react";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import type { LiveState, QueueTurn } from "@/lib/live/types";
import { clock } from "./use-live";

export type QueueActions = {
  giveFloor: (version: number, turnId: string | null) => Promise<ActionState>;
  skip: (version: number, turnId: string) => Promise<ActionState>;
  endTurn: (version: number) => Promise<ActionState>;
  settings: (version: number, open: boolean, turnMinutes: string) => Promise<ActionState>;
};

/** "Nama · Unit — topik (acara: …)" */
function TurnLabel({ turn, state }: { turn: QueueTurn; state: LiveState }) {
  const t = useT();
  const item = turn.agendaItemId ? state.items.find((i) => i.id === turn.agendaItemId) : null;
  return (
    <span>
      <strong>{turn.name}</strong>
      {turn.unitName ? <span className="muted"> · {turn.unitName}</span> : null}
      {turn.topic ? <span> — {turn.topic}</span> : null}
      {item ? <span className="muted"> ({t("live.queue.forItem", { title: item.title })})</span> : null}
    </span>
  );
}

/** The speakers' queue on the console (secretariat or moderator): who speaks, who waits, give the floor, skip, close. */
export function QueuePanel({ state, now, pending, run, actions }: { state: LiveState; now: number | null; pending: boolean; run: (work: () => Promise<ActionState>) => void; actions: QueueActions }) {
  const t = useT();
  const q = state.queue;
  const [minutes, setMinutes] = useState(q.turnMinutes ? String(q.turnMinutes) : "");
  const cur = q.current;
  const elapsed = cur?.startedAt && now !== null ? now - new Date(cur.startedAt).getTime() : null;
  return (
    <section className="card" aria-labelledby="live-queue-h">
      <h2 id="live-queue-h">{t("live.queue.title")}</h2>
      <p className="muted">{t("live.queue.intro")}</p>
      <p data-testid="console-queue-open">{q.open ? t("live.queue.isOpen") : t("live.queue.isClosed")}</p>
      {cur ? (
        <div className="live-speaker-now" data-testid="console-queue-current">
          <p className="muted" style={{ margin: 0 }}>
            {t("live.queue.speakingNow")}
          </p>
          <p className="live-speaker-name">{cur.name}</p>
          <TurnLabel turn={{ ...cur, name: "" }} state={state} />
          {elapsed !== null ? (
            <p className={`live-timer${cur.allowedMinutes && elapsed > cur.allowedMinutes * 60_000 ? " is-over" : ""}`} aria-live="off">
              {t("live.queue.speakingFor", { time: clock(elapsed) })}
              {cur.allowedMinutes ? ` ${t("live.queue.allowed", { time: clock(cur.allowedMinutes * 60_000) })}` : ""}
            </p>
          ) : null}
          <button type="button" className="btn btn-secondary btn-small" disabled={pending} onClick={() => run(() => actions.endTurn(state.version))}>
            {t("live.queue.endTurn")}
          </button>
        </div>
      ) : null}
      {q.waiting.length === 0 ? (
        <p className="muted">{t("live.queue.empty")}</p>
      ) : (
        <>
          <p>{t("live.queue.waitingCount", { count: q.waitingTotal })}</p>
          <ol className="live-queue" data-testid="console-queue">
            {q.waiting.map((w) => (
              <li key={w.id}>
                <TurnLabel turn={w} state={state} />
                <span className="live-taps">
                  <button type="button" className="btn btn-secondary btn-small" disabled={pending} onClick={() => run(() => actions.giveFloor(state.version, w.id))} aria-label={`${t("live.queue.give")}: ${w.name}`}>
                    {t("live.queue.give")}
                  </button>
                  <button type="button" className="btn btn-secondary btn-small" disabled={pending} onClick={() => run(() => actions.skip(state.version, w.id))} aria-label={`${t("live.queue.skip")}: ${w.name}`}>
                    {t("live.queue.skip")}
                  </button>
                </span>
              </li>
            ))}
          </ol>
          {q.waitingTotal > q.waiting.length ? <p className="muted">{t("live.queue.moreWaiting", { count: q.waitingTotal - q.waiting.length })}</p> : null}
          <button type="button" className="btn" disabled={pending} onClick={() => run(() => actions.giveFloor(state.version, null))}>
            {t("live.queue.giveNext")}
          </button>
        </>
      )}
      <form
        className="live-queue-settings"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => actions.settings(state.version, q.open, minutes));
        }}
      >
        <label htmlFor="queue-minutes">{t("live.queue.turnMinutes")}</label>
        <input id="queue-minutes" type="number" min={1} max={60} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-describedby="queue-minutes-hint" />
        <span id="queue-minutes-hint" className="muted">
          {t("live.queue.turnMinutesHint")}
        </span>
        <span className="actions">
          <button type="submit" className="btn btn-secondary btn-small" disabled={pending}>
            {t("live.queue.saveTurnMinutes")}
          </button>
          <button type="button" className="btn btn-secondary btn-small" disabled={pending} onClick={() => run(() => actions.settings(state.version, !q.open, minutes))}>
            {q.open ? t("live.queue.close") : t("live.queue.reopen")}
          </button>
        </span>
      </form>
    </section>
  );
}
