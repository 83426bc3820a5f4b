"use client";

import { ScrollTable } from "@/components/ui/scroll-table";
import { useT } from "@/components/i18n-provider";

export type DiffRow = { field: string; label: string; yours: string; theirs: string };

/**
 * A stale save: what the other person saved meanwhile, field by field, next to what this user
 * typed; a reload brings the latest version into the form.
 */
export function StaleDiff({ rows }: { rows: DiffRow[] }) {
  const t = useT();
  return (
    <div className="alert alert-error" role="alert">
      <strong>{t("meetings.stale.title")}</strong>
      {rows.length > 0 ? (
        <>
          <p style={{ margin: "0.25rem 0" }}>{t("meetings.stale.intro")}</p>
          <ScrollTable label={t("meetings.stale.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("meetings.stale.field")}</th>
                  <th scope="col">{t("meetings.stale.yours")}</th>
                  <th scope="col">{t("meetings.stale.theirs")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.field}>
                    <th scope="row">{r.label}</th>
                    <td>{r.yours || "—"}</td>
                    <td>{r.theirs || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      ) : (
        <p style={{ margin: "0.25rem 0" }}>{t("errors.conflict")}</p>
      )}
      <button type="button" className="btn btn-secondary" style={{ marginTop: "0.5rem" }} onClick={() => window.location.reload()}>
        {t("meetings.stale.reload")}
      </button>
    </div>
  );
}

/** Compares the submitted values with the record saved now, for the fields listed. */
export function diffRows(fields: { field: string; label: string; format?: (v: unknown) => string }[], yours: Record<string, unknown>, current: unknown): DiffRow[] {
  if (!current || typeof current !== "object") return [];
  const now = current as Record<string, unknown>;
  const show = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return fields
    .map(({ field, label, format }) => ({ field, label, yours: format ? format(yours[field]) : show(yours[field]), theirs: format ? format(now[field]) : show(now[field]) }))
    .filter((r) => r.yours !== r.theirs);
}
