"use client";

import { useState, useTransition } from "react";
import { FormStatus } from "@/components/forms/form-status";
import type { ActionState } from "@/lib/action-result";
import { useHydrated } from "./use-hydrated";

export function RunRemindersButton({ label, action }: { label: string; action: () => Promise<ActionState> }) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<ActionState | null>(null);
  const ready = useHydrated();
  return (
    <div data-hydrated={ready || undefined}>
      <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => start(async () => setState(await action()))}>
        {label}
      </button>
      <FormStatus state={state} />
    </div>
  );
}
