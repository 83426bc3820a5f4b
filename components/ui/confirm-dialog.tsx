"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

export type ConfirmText = {
  title: string;
  /** What will happen, and whether (and how) it can be undone. */
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
};

/**
 * A modal confirmation (the native <dialog> shown with showModal: focus moves into it and back
 * to the button that opened it, Escape cancels, the page behind is inert). It says what will
 * happen before anything does. Rendered into <body> while open.
 */
export function ConfirmDialog({ open, text, onConfirm, onCancel }: { open: boolean; text: ConfirmText; onConfirm: () => void; onCancel: () => void }) {
  if (!open || typeof document === "undefined") return null;
  return createPortal(<OpenDialog text={text} onConfirm={onConfirm} onCancel={onCancel} />, document.body);
}

function OpenDialog({ text, onConfirm, onCancel }: { text: ConfirmText; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{text.title}</h2>
      <div id={`${id}-body`}>{text.body}</div>
      <div className="actions">
        <button type="button" className={text.danger ? "btn btn-danger" : "btn"} onClick={onConfirm}>
          {text.confirmLabel}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel} autoFocus>
          {text.cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
