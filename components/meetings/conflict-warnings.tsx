"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { useLocale, useT } from "@/components/i18n-provider";
import { formatRange } from "@/lib/time";

export type ConflictItem = { kind: "room" | "person" | "unit"; meetingId: string; title: string; startsAt: string; endsAt: string; timeZone: string; subject: string };

/** The overlapping meetings a save found, with the checkbox that acknowledges them (and its error). */
export function ConflictWarnings({ conflicts, acknowledge, error }: { conflicts?: ConflictItem[]; acknowledge?: UseFormRegisterReturn; error?: string }) {
  const t = useT();
  const locale = useLocale();
  if (!conflicts?.length) return null;
  return (
    <>
      <div className="alert alert-warning" role="status" aria-live="polite">
        <strong>{t("meetings.conflicts.title")}</strong>
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
        <label className="checkbox field">
          <input type="checkbox" {...acknowledge} />
          <span>{t("meetings.fields.acknowledgeConflicts")}</span>
        </label>
      ) : null}
      {acknowledge && error ? (
        <p className="field-error" aria-live="polite">
          {t(error)}
        </p>
      ) : null}
    </>
  );
}
