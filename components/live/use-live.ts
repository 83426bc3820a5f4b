"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveMessage } from "@/lib/live/types";

/**
 * Follows a meeting's live state over Server-Sent Events. The browser reconnects by itself and
 * sends Last-Event-ID; when the server refused (e.g. 503 while the database is down) a new
 * EventSource is opened after a pause with `?lastEventId=`, so no change is lost. Meanwhile the
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
    const open = () => {
      const qs = new URLSearchParams();
      if (token) qs.set("token", token);
      if (lastId.current) qs.set("lastEventId", lastId.current);
      const s = new EventSource(`/api/meetings/${meetingId}/live${qs.size ? `?${qs}` : ""}`);
      source = s;
      s.onopen = () => setConnected(true);
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
          timer = setTimeout(open, 2000);
        }
      };
    };
    // The device says it lost the network (a projector PC on Wi-Fi): show it at once, and open a
    // fresh stream (resuming from the last event id) as soon as it is back.
    const onOffline = () => {
      source?.close();
      setConnected(false);
      clearTimeout(timer);
      timer = setTimeout(open, 2000);
    };
    const onOnline = () => {
      clearTimeout(timer);
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
