"use client";

import { useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useLocale, useT } from "@/components/i18n-provider";
import { formatRange } from "@/lib/time";

export type ConflictItem = { kind: "room" | "person" | "unit"; meetingId: string; title: string; startsAt: string; endsAt: string; timeZone: string; subject: string; suggestion?: string };

/**
 * The overlapping meetings a save found, with the checkbox that acknowledges them. The "tick to
 * go ahead" error shows only after a save was tried with the warnings already on screen (the
 * first save that finds them just shows them). A typed place very like a managed room says
 * "Maksud Anda …?" and, with `onChooseRoom`, offers to use that room.
 */
export function ConflictWarnings({
  conflicts,
  acknowledge,
  error,
  onChooseRoom,
}: {
  conflicts?: ConflictItem[];
  acknowledge?: UseFormRegisterReturn;
  error?: string;
  onChooseRoom?: (name: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  // How many saves in a row came back with warnings (a new answer is a new array).
  const [seen, setSeen] = useState<{ list?: ConflictItem[]; rounds: number }>({ rounds: 0 });
  if (seen.list !== conflicts) setSeen({ list: conflicts, rounds: conflicts?.length ? seen.rounds + 1 : 0 });
  if (!conflicts?.length) return null;
  const suggestion = conflicts.find((c) => c.suggestion)?.suggestion;
  return (
    <>
      <div className="alert alert-warning" role="status" aria-live="polite">
        <strong>{t("meetings.conflicts.title")}</strong>
        {suggestion ? (
          <p className="room-suggestion" style={{ margin: "0.25rem 0" }}>
            {t("meetings.rooms.didYouMean", { room: suggestion })}{" "}
            {onChooseRoom ? (
              <button type="button" className="link-button" onClick={() => onChooseRoom(suggestion)}>
                {t("meetings.rooms.useRoom", { room: suggestion })}
              </button>
            ) : null}
          </p>
        ) : null}
        <p style={{ margin: "0.25rem 0" }}>{t("meetings.conflicts.intro")}</p>
        <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
          {conflicts.map((c, i) => (
            <li key={`${c.kind}-${c.meetingId}-${i}`}>
              {t(`meetings.conflicts.${c.kind}`, { subject: c.subject })}:{" "}
              <a href={`/meetings/${c.meetingId}`} target="_blank" rel="noreferrer">
                {c.title}
              </a>{" "}
              ({formatRange(new Date(c.startsAt), new Date(c.endsAt), c.timeZone, locale)})
            </li>
          ))}
        </ul>
      </div>
      {acknowledge ? (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" {...acknowledge} />
            <span>{t("meetings.fields.acknowledgeConflicts")}</span>
          </label>
          <p className="field-error" aria-live="polite">
            {error && seen.rounds > 1 ? t(error) : null}
          </p>
        </div>
      ) : null}
    </>
  );
}
