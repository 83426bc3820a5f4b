"use client";

import { useState, useTransition, type ReactNode } from "react";
import { useT } from "@/components/i18n-provider";
import { ConfirmDialog, type ConfirmText } from "@/components/ui/confirm-dialog";

type Result = { ok: boolean; message?: string; status?: number };

/**
 * One button bound to a server action (ids bound on the server with `.bind`). The outcome is
 * announced; a stale version offers a reload. With `confirm`, a dialog first says what will
 * happen and nothing is done until it is confirmed.
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
  confirm?: Omit<ConfirmText, "cancelLabel">;
}) {
  const t = useT();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const [asking, setAsking] = useState(false);
  const run = () => start(async () => setResult(await action()));
  return (
    <span className="action-button">
      <button
        type="button"
        className={className}
        aria-label={label}
        title={label}
        disabled={pending}
        onClick={() => (confirm ? setAsking(true) : run())}
      >
        {children}
      </button>
      {confirm ? (
        <ConfirmDialog
          open={asking}
          text={{ ...confirm, cancelLabel: t("actions.cancel") }}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            run();
          }}
        />
      ) : null}
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
