"use client";

import { useState, useTransition } from "react";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";
import type { LiveMessage } from "@/lib/live/types";
import { QueuePanel, type QueueActions } from "./queue-panel";
import { useLive, useNow } from "./use-live";

/** The meeting's moderator runs the speakers' queue from the meeting page (issue 23), live. */
export function ModeratorQueue({ meetingId, initial, actions }: { meetingId: string; initial: LiveMessage; actions: QueueActions }) {
  const t = useT();
  const { state, offset } = useLive(meetingId, initial);
  const now = useNow(offset);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<ActionState>) =>
    start(async () => {
      const r = await work();
      setError(r.ok ? null : t(r.message));
    });
  if (state.status !== "ongoing") return null;
  return (
    <div className="live-console no-print">
      <div aria-live="polite">{error ? <p className="alert alert-error">{error}</p> : null}</div>
      <QueuePanel state={state} now={now} pending={pending} run={run} actions={actions} />
    </div>
  );
}
