"use client";

import { useState, useTransition } from "react";
import { FormStatus } from "@/components/forms/form-status";
import type { ActionState } from "@/lib/action-result";

export function RevokeTokenButton({ label, action }: { label: string; action: () => Promise<ActionState> }) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<ActionState | null>(null);
  return (
    <>
      <button type="button" className="btn btn-secondary btn-small" disabled={pending} onClick={() => start(async () => setState(await action()))}>
        {label}
      </button>
      <FormStatus state={state} />
    </>
  );
}
