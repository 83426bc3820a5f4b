import type { ReactNode } from "react";

/**
 * A table that may scroll sideways inside its frame on a narrow screen (the page itself never
 * does). The frame is a named region reachable with the keyboard, so it can be scrolled
 * without a mouse (axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={["table-wrap", className].filter(Boolean).join(" ")} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
