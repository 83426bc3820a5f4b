"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveMessage } from "@/lib/live/types";

/**
 * Follows a meeting's live state over Server-Sent Events. The browser reconnects by itself and
 * sends Last-Event-ID; when the server refused (503: the database is down, or the instance holds
 * as many live clients as it can) a new EventSource is opened with `?lastEventId=` after a pause
 * that grows with each refusal (2, 4, 8 … up to 60 s) and is spread at random, so a hall of phones
 * does not come back in one burst; no change is lost. Meanwhile the
 * last state stays on screen and `connected` is false ("menyambung ulang"). The browser's
 * offline/online events close and reopen the stream at once.
 */
export function useLive(meetingId: string, initial: LiveMessage, token?: string) {
  const [message, setMessage] = useState(initial);
  const [connected, setConnected] = useState(true);
  const [offset, setOffset] = useState(() => new Date(initial.state.serverNow).getTime() - Date.now());
  const lastId = useRef<string | null>(null);
  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let refusals = 0;
    /** 2 s, 4 s, 8 s … at most 60 s, each between half and all of it (jitter). */
    const backoff = () => {
      const ceiling = Math.min(60_000, 2_000 * 2 ** Math.min(refusals, 5));
      refusals++;
      return ceiling / 2 + Math.random() * (ceiling / 2);
    };
    const open = () => {
      const qs = new URLSearchParams();
      if (token) qs.set("token", token);
      if (lastId.current) qs.set("lastEventId", lastId.current);
      const s = new EventSource(`/api/meetings/${meetingId}/live${qs.size ? `?${qs}` : ""}`);
      source = s;
      s.onopen = () => {
        refusals = 0;
        setConnected(true);
      };
      s.onmessage = (e: MessageEvent<string>) => {
        if (e.lastEventId) lastId.current = e.lastEventId;
        const next = JSON.parse(e.data) as LiveMessage;
        setMessage(next);
        setOffset(new Date(next.state.serverNow).getTime() - Date.now());
        setConnected(true);
      };
      s.onerror = () => {
        setConnected(false);
        if (s.readyState === EventSource.CLOSED && !stopped) {
          s.close();
          timer = setTimeout(open, backoff());
        }
      };
    };
    // The device says it lost the network (a projector PC on Wi-Fi): show it at once, and open a
    // fresh stream (resuming from the last event id) as soon as it is back.
    const onOffline = () => {
      source?.close();
      setConnected(false);
      clearTimeout(timer);
      timer = setTimeout(open, backoff());
    };
    const onOnline = () => {
      clearTimeout(timer);
      refusals = 0;
      source?.close();
      open();
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    open();
    return () => {
      stopped = true;
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      source?.close();
      clearTimeout(timer);
    };
  }, [meetingId, token]);
  return { message, state: message.state, connected, offset };
}

/** The current time (corrected to the server's clock), ticking every second. */
export function useNow(offset: number) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now() + offset);
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [offset]);
  return now;
}

/** "12:05" or "1:02:05" (negative: the time over, with the sign left to the caller). */
export function clock(ms: number) {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, "0");
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}
