"use client";

import { useState, useTransition } from "react";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import type { LiveMessage } from "@/lib/live/types";
import { useLive } from "./use-live";

type Mine = { id: string; version: number };
type Panel = { present: boolean; mine: (Mine & { status: string }) | null; items: { id: string; title: string }[] };

/**
 * The participant's phone (issue 23): ask to speak (optionally naming the item and the topic),
 * then their place in the speakers' queue, live; withdraw while waiting. Once their turn is over
 * (or skipped) they may ask again.
 */
export function FloorRequest({
  meetingId,
  initial,
  panel,
  actions,
}: {
  meetingId: string;
  initial: LiveMessage;
  panel: Panel;
  actions: { request: (values: unknown) => Promise<ActionState<Mine>>; withdraw: (turnId: string, version: number) => Promise<ActionState> };
}) {
  const t = useT();
  const { state } = useLive(meetingId, initial);
  const [mine, setMine] = useState<Mine | null>(panel.mine ? { id: panel.mine.id, version: panel.mine.version } : null);
  // The request has been seen in the live state (so its absence later means its turn is over).
  const [seen, setSeen] = useState(!!panel.mine);
  const [topic, setTopic] = useState("");
  const [itemId, setItemId] = useState("");
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const q = state.queue;
  const index = mine ? q.waiting.findIndex((w) => w.id === mine.id) : -1;
  const speaking = !!mine && q.current?.id === mine.id;
  const present = index >= 0 || speaking;
  // Adjusted while rendering (React's pattern for state derived from a changing input).
  if (present && !seen) setSeen(true);
  if (!present && seen && mine && q.waitingTotal <= q.waiting.length) {
    setMine(null);
    setSeen(false);
  }
  if (state.status !== "ongoing") return null;
  return (
    <section className="floor-request no-print" aria-labelledby="floor-h" data-testid="floor-request">
      <h2 id="floor-h">{t("live.queue.askTitle")}</h2>
      <div aria-live="polite">
        {speaking ? <p className="floor-position alert alert-success">{t("live.queue.youSpeak")}</p> : null}
        {mine && index >= 0 ? (
          <p className="floor-position" data-testid="floor-position">
            {t("live.queue.position", { n: index + 1 })}
          </p>
        ) : null}
        {mine && !present && q.waitingTotal > q.waiting.length ? (
          <p className="floor-position" data-testid="floor-position">
            {t("live.queue.positionFar", { n: q.waiting.length })}
          </p>
        ) : null}
        {msg ? <p className={msg.ok ? "muted" : "field-error"}>{msg.text}</p> : null}
      </div>
      {mine && !speaking ? (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await actions.withdraw(mine.id, mine.version);
              setMsg({ ok: r.ok, text: t(r.message ?? "") });
              if (r.ok || r.status === 422) {
                setMine(null);
                setSeen(false);
              }
            })
          }
        >
          {t("live.queue.withdraw")}
        </button>
      ) : null}
      {!mine ? (
        !panel.present ? (
          <p className="muted">{t("live.queue.notPresent")}</p>
        ) : !q.open ? (
          <p className="muted">{t("live.queue.closedPhone")}</p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              start(async () => {
                const r = await actions.request({ topic, agendaItemId: itemId });
                setMsg({ ok: r.ok, text: t(r.message ?? "") });
                if (r.ok && r.data) {
                  setMine(r.data);
                  setTopic("");
                }
              });
            }}
          >
            <fieldset disabled={pending} style={{ border: 0, padding: 0, margin: 0 }}>
              <label htmlFor="floor-item">{t("live.queue.item")}</label>
              <select id="floor-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
                <option value="">{t("live.queue.itemAny")}</option>
                {panel.items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
              <label htmlFor="floor-topic">{t("live.queue.topic")}</label>
              <input id="floor-topic" maxLength={200} value={topic} onChange={(e) => setTopic(e.target.value)} />
              <p style={{ margin: "0.6rem 0 0" }}>
                <button type="submit" className="btn">
                  {t("live.queue.ask")}
                </button>
              </p>
            </fieldset>
          </form>
        )
      ) : null}
    </section>
  );
}
