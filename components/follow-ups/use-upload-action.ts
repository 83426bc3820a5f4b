"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/action-result";
import { MAX_EVIDENCE_BYTES } from "@/lib/follow-ups/schemas";

type FormAction = (prev: ActionState | null, formData: FormData) => Promise<ActionState>;

/**
 * useActionState for a form with an evidence file: a file over 10 MB is refused in the browser
 * with the field's message before anything is sent (the server would answer 413 to the upload).
 */
export function useUploadAction(action: FormAction) {
  const [state, formAction, pending] = useActionState(action, null);
  const [tooLarge, setTooLarge] = useState(false);
  const submit = (formData: FormData) => {
    const file = formData.get("file");
    const big = typeof file === "object" && file !== null && file.size > MAX_EVIDENCE_BYTES;
    setTooLarge(big);
    if (!big) formAction(formData);
  };
  const shown: ActionState | null = tooLarge ? { ok: false, status: 413, message: "errors.fixFields", fieldErrors: { file: ["followUps.errors.fileTooLarge"] } } : state;
  return [shown, submit, pending] as const;
}
