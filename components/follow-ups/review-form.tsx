"use client";

import { useActionState, useRef, useState, type FormEvent, type ReactNode } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
  // Status steps of the checked rows are confirmed first (a verification changes what a head's
  // dashboard counts); notes alone are saved at once.
  const formRef = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [steps, setSteps] = useState<{ title: string; to: string }[] | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (confirmed.current) {
      confirmed.current = false;
      return;
    }
    const form = event.currentTarget;
    const changes = new FormData(form)
      .getAll("itemId")
      .map(String)
      .flatMap((id) => {
        const select = form.elements.namedItem(`to.${id}`);
        return select instanceof HTMLSelectElement && select.value ? [{ title: titles[id] ?? id, to: select.selectedOptions[0]?.text ?? select.value }] : [];
      });
    if (changes.length === 0) return;
    event.preventDefault();
    setSteps(changes);
  };
  return (
    <form ref={formRef} data-hydrated={ready || undefined} action={formAction} onSubmit={onSubmit} className="review-form">
      <ConfirmDialog
        open={steps !== null}
        text={{
          title: t("followUps.review.confirmTitle", { count: String(steps?.length ?? 0) }),
          body: (
            <>
              <p>{t("followUps.review.confirmBody")}</p>
              <ul>
                {(steps ?? []).slice(0, 10).map((s, i) => (
                  <li key={i}>
                    {s.title} → {s.to}
                  </li>
                ))}
                {(steps?.length ?? 0) > 10 ? <li>…</li> : null}
              </ul>
            </>
          ),
          confirmLabel: t("followUps.review.confirm"),
          cancelLabel: t("followUps.review.cancel"),
        }}
        onConfirm={() => {
          setSteps(null);
          confirmed.current = true;
          formRef.current?.requestSubmit();
        }}
        onCancel={() => setSteps(null)}
      />
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
