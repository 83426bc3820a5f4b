"use client";

import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";

/** The form-level outcome, announced politely; a conflict offers a reload. */
export function FormStatus({ state }: { state: ActionState | null }) {
  const t = useT();
  return (
    <div aria-live="polite">
      {state && !state.ok ? (
        <div className="alert alert-error" role="alert">
          {t(state.message)}
          {state.status === 409 ? (
            <>
              {" "}
              <button type="button" className="link-button" onClick={() => window.location.reload()}>
                {t("actions.reload")}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {state?.ok && state.message ? <div className="alert alert-success">{t(state.message)}</div> : null}
    </div>
  );
}
