"use client";

import { useState, type ReactNode } from "react";

/**
 * A <details> that starts open or closed as the server decided, then stays as the person left
 * it: a re-render after a save (which may change what "should start open") never snaps it shut
 * and hides the form's own success message.
 */
export function Disclosure({ defaultOpen, summary, className, children }: { defaultOpen: boolean; summary: ReactNode; className?: string; children: ReactNode }) {
  const [initiallyOpen] = useState(defaultOpen);
  return (
    <details className={className} open={initiallyOpen}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
