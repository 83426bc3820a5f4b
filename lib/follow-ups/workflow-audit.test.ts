import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems, auditLogs } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { insertItem } from "@/tests/follow-ups";
import { office } from "@/tests/office";
import { TRANSITIONS, transitionActionItem, updateProgress } from "./workflow";

/**
 * Issue 20 (rules a broken copy of the code got past the tests with): every workflow step writes
 * its audit row (actor, from, to), and every step — through the use case itself — refuses a stale
 * version, leaving the item and the audit log as they were.
 */
describe("every follow-up workflow step", { timeout: 120_000 }, () => {
  it.each(TRANSITIONS.map((r) => [`${r.name} ${r.from} → ${r.to}`, r] as const))("%s: an audit row with actor, from and to; a stale version is a conflict", async (_, rule) => {
    const o = await office();
    const actor = rule.permission === "actionItem.work" ? o.participantA : o.secretariat;
    const item = await insertItem({ workUnitId: o.unitA.id, status: rule.from });
    const input = { to: rule.to, note: "Catatan langkah", evidenceUrl: "https://drive.example/bukti.pdf" };
    const auditsOf = () => db.select().from(auditLogs).where(and(eq(auditLogs.entityId, item.id), eq(auditLogs.entityType, "action_item")));

    // Stale: someone saved first.
    const stale = await transitionActionItem(actor, item.id, item.version + 1, input).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    const [unchanged] = await db.select().from(actionItems).where(eq(actionItems.id, item.id));
    expect(unchanged!.status).toBe(rule.from);
    expect(unchanged!.version).toBe(item.version);
    expect(await auditsOf()).toHaveLength(0);

    const saved = await transitionActionItem(actor, item.id, item.version, input);
    expect(saved.status).toBe(rule.to);
    expect(saved.version).toBe(item.version + 1);
    const rows = await auditsOf();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: `actionItem.${rule.name}`, actorId: actor.id, entityId: item.id });
    expect(rows[0]!.diff).toMatchObject({ status: [rule.from, rule.to] });

    // The same step again with the version it was taken with: stale now.
    await expect(transitionActionItem(actor, item.id, item.version, input)).rejects.toBeInstanceOf(ConflictError);
    expect(await auditsOf()).toHaveLength(1);
  });

  it("a progress update: an audit row with actor and the progress before and after; a stale version is a conflict", async () => {
    const o = await office();
    const item = await insertItem({ workUnitId: o.unitA.id, status: "in_progress" });
    await expect(updateProgress(o.participantA, item.id, item.version + 1, { progress: 40, note: "Sebagian" })).rejects.toBeInstanceOf(ConflictError);
    await updateProgress(o.participantA, item.id, item.version, { progress: 40, note: "Sebagian" });
    const rows = await db.select().from(auditLogs).where(eq(auditLogs.entityId, item.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "actionItem.progress", actorId: o.participantA.id });
    expect(rows[0]!.diff).toMatchObject({ progress: [0, 40] });
  });
});
