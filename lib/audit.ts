import "server-only";
import { sql, type SQL } from "drizzle-orm";
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

/**
 * Audit rows as SQL (one INSERT for many entities), to be run on its own or as a data-modifying
 * CTE of a statement that writes the change itself, so a write and its audit cost one round trip.
 */
export function auditRowsSql(ctx: AuditContext, action: string, entityType: string, entries: { id: string; diff: Record<string, unknown> }[]): SQL {
  return sql`
    insert into audit_logs (actor_id, action, entity_type, entity_id, diff, ip)
    select ${ctx.actorId}::uuid, ${action}, ${entityType}, x.id, x.diff, ${ctx.ip ?? null}
      from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as x(id text, diff jsonb)`;
}
