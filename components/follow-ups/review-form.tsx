"use client";

import { useActionState, type ReactNode } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { useT } from "@/components/i18n-provider";
import { useHydrated } from "./use-hydrated";
import type { ActionState } from "@/lib/action-result";

/**
 * The review page's ONE form around the whole list (server-rendered rows as children): the
 * checked rows are recorded together, each with its note and optional status step. Rows the
 * server could not save are listed with their reason.
 */
export function ReviewForm({
  action,
  titles,
  children,
}: {
  action: (prev: ActionState | null, formData: FormData) => Promise<ActionState>;
  /** Item id → title, to name the rows that failed. */
  titles: Record<string, string>;
  children: ReactNode;
}) {
  const t = useT();
  const ready = useHydrated();
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  return (
    <form data-hydrated={ready || undefined} action={formAction} className="review-form">
      <fieldset disabled={pending}>
        {children}
        <FormStatus state={state} />
        {failed.length ? (
          <ul className="field-error" aria-live="polite">
            {failed.map(([key, messages]) => (
              <li key={key}>
                {titles[key.replace(/^note\./, "")] ?? key}: {messages.map((m) => t(m)).join(" ")}
              </li>
            ))}
          </ul>
        ) : null}
        <button type="submit" className="btn">
          {pending ? t("actions.saving") : t("followUps.review.saveChecked")}
        </button>
      </fieldset>
    </form>
  );
}
