"use client";

import { useActionState } from "react";
import { useLocale, useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import { formatTime } from "@/lib/time";

type State = ActionState<{ alreadyCheckedIn: boolean; checkedInAt: string }> | null;

/** One-button self check-in; the outcome is announced. */
export function CheckInButton({ action, timeZone }: { action: (prev: State) => Promise<State>; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  const done = state?.ok ? state.data : null;
  return (
    <form action={formAction}>
      <div aria-live="polite">
        {done ? (
          <div className="alert alert-success" role="status">
            {t(done.alreadyCheckedIn ? "meetings.checkIn.already" : "meetings.checkIn.done", { at: formatTime(new Date(done.checkedInAt), timeZone, locale) })}
          </div>
        ) : null}
        {state && !state.ok ? (
          <div className="alert alert-error" role="alert">
            {t(state.message)}
          </div>
        ) : null}
      </div>
      {!done ? (
        <button type="submit" className="btn" disabled={pending}>
          {t("meetings.checkIn.confirm")}
        </button>
      ) : null}
    </form>
  );
}
