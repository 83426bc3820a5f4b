"use client";

import { useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider";

type Suggestion = { id: string; label: string; hint?: string; near: boolean };

/**
 * While a place is typed: the organizer's office's managed rooms most like it (trigram
 * similarity, asked from /api/pickers/rooms after a short pause), each one click away; a very
 * close one is a warning ("Maksud Anda Aula Kanwil Kemenkumham Jatim?").
 */
export function RoomSuggestions({ organizerUnitId, text, onChoose }: { organizerUnitId: string; text: string; onChoose: (roomId: string) => void }) {
  const t = useT();
  const [found, setFound] = useState<{ q: string; items: Suggestion[] }>({ q: "", items: [] });
  const q = text.trim();
  useEffect(() => {
    if (q.length < 3 || !organizerUnitId) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/pickers/rooms?${new URLSearchParams({ q, organizerUnitId })}`, { headers: { accept: "application/json" }, signal: controller.signal });
        const data = res.ok ? ((await res.json()) as { items: Suggestion[] }) : { items: [] };
        setFound({ q, items: data.items });
      } catch {
        // Aborted by the next keystroke, or offline: no suggestions.
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, organizerUnitId]);
  const items = q.length >= 3 && found.q === q ? found.items : [];
  const near = items[0]?.near ? items[0] : null;
  return (
    <div className="room-suggestions" aria-live="polite">
      {near ? (
        <p className="alert alert-warning">
          {t("meetings.rooms.nearWarning", { room: near.label })}{" "}
          <button type="button" className="link-button" onClick={() => onChoose(near.id)}>
            {t("meetings.rooms.choose", { room: near.label })}
          </button>
        </p>
      ) : items.length ? (
        <p className="muted">
          {t("meetings.rooms.similar")}:{" "}
          {items.map((r, i) => (
            <span key={r.id}>
              {i > 0 ? ", " : null}
              <button type="button" className="link-button" onClick={() => onChoose(r.id)}>
                {r.label}
              </button>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
