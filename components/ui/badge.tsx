import type { ReactNode } from "react";

export function Badge({ tone, children }: { tone?: "danger" | "warning" | "success" | "info"; children: ReactNode }) {
  return <span className={tone ? `badge badge-${tone}` : "badge"}>{children}</span>;
}
