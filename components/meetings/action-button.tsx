"use client";

import { useState, useTransition, type ReactNode } from "react";
import { useT } from "@/components/i18n-provider";

type Result = { ok: boolean; message?: string; status?: number };

/**
 * One button bound to a server action (ids bound on the server with `.bind`). The outcome is
 * announced; a stale version offers a reload.
 */
export function ActionButton({
  action,
  children,
  label,
  className = "btn btn-secondary btn-small",
  confirm,
}: {
  action: () => Promise<Result>;
  children: ReactNode;
  /** Accessible name when the visible content is only an icon/arrow. */
  label?: string;
  className?: string;
  confirm?: string;
}) {
  const t = useT();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  return (
    <span className="action-button">
      <button
        type="button"
        className={className}
        aria-label={label}
        title={label}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => setResult(await action()));
        }}
      >
        {children}
      </button>
      <span aria-live="polite" className={result && !result.ok ? "field-error" : "sr-only"}>
        {result && !result.ok ? (
          <>
            {t(result.message ?? "errors.unexpected")}{" "}
            {result.status === 409 ? (
              <button type="button" className="link-button" onClick={() => window.location.reload()}>
                {t("actions.reload")}
              </button>
            ) : null}
          </>
        ) : null}
      </span>
    </span>
  );
}
