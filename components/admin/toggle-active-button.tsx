"use client";

import { useState, useTransition } from "react";
import { FormStatus } from "@/components/forms/form-status";
import type { ActionState } from "@/lib/action-result";

/** One-button form: deactivate / reactivate. */
export function ToggleActiveButton({ active, labels, action }: { active: boolean; labels: { deactivate: string; activate: string }; action: () => Promise<ActionState> }) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<ActionState | null>(null);
  return (
    <div>
      <button type="button" className={active ? "btn btn-danger" : "btn"} disabled={pending} onClick={() => start(async () => setState(await action()))}>
        {active ? labels.deactivate : labels.activate}
      </button>
      <FormStatus state={state} />
    </div>
  );
}

/** One-button form with a confirmation-free action (e.g. "sign out everywhere"). */
export function ActionButton({ label, danger = false, action }: { label: string; danger?: boolean; action: () => Promise<ActionState> }) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<ActionState | null>(null);
  return (
    <div>
      <button type="button" className={danger ? "btn btn-danger" : "btn"} disabled={pending} onClick={() => start(async () => setState(await action()))}>
        {label}
      </button>
      <FormStatus state={state} />
    </div>
  );
}
