import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditLogs } from "@/db/schema";

export type AuditContext = { actorId: string | null; ip?: string | null };

/** Fields that changed: { field: [before, after] }. */
export function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === "passwordHash" || key === "updatedAt" || key === "version") continue;
    const old = before[key];
    const same = old instanceof Date && value instanceof Date ? old.getTime() === value.getTime() : JSON.stringify(old) === JSON.stringify(value);
    if (!same) out[key] = [old, value];
  }
  return out;
}

/** Writes one audit row; call it with the transaction of the write it describes. */
export async function audit(
  tx: DbOrTx,
  ctx: AuditContext,
  action: string,
  entityType: string,
  entityId: string,
  diff: Record<string, unknown> = {},
) {
  await tx.insert(auditLogs).values({ actorId: ctx.actorId, action, entityType, entityId, diff, ip: ctx.ip ?? null });
}
