import type { ReactNode } from "react";

/**
 * A table that may scroll sideways inside its frame on a narrow screen (the page itself never
 * does). The frame is a named group reachable with the keyboard, so it can be scrolled
 * without a mouse (axe: scrollable-region-focusable); a group, not a landmark, so it does not
 * repeat the landmark of the section it sits in (axe: landmark-unique).
 */
export function ScrollTable({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={["table-wrap", className].filter(Boolean).join(" ")} role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
