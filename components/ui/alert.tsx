import type { ReactNode } from "react";

export function Alert({ kind = "info", children, live = false }: { kind?: "info" | "error" | "warning" | "success"; children: ReactNode; live?: boolean }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === "error" ? "alert" : live ? "status" : undefined}>
      {children}
    </div>
  );
}
