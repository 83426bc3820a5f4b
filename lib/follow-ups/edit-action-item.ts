import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { actionItems, categories, users } from "@/db/schema";
import { PRIORITIES } from "@/db/schema/_enums";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, ValidationError, orConflict, type FieldErrors } from "@/lib/errors";
import { safeText } from "@/lib/input";
import { can } from "@/lib/permissions";
import { todayIn } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { loadVisibleItem, resourceOf } from "./access";
import { isoDate } from "./schemas";

type Ctx = Omit<AuditContext, "actorId">;

/** The planning fields of a follow-up (each optional: only those sent change). */
export const planSchema = z.object({
  title: safeText(300, { invalid: "errors.required", tooLong: "followUps.errors.titleTooLong" }).min(1, "errors.required").optional(),
  description: safeText(5000, { multiline: true }).optional(),
  categoryId: z.uuid("followUps.errors.category").optional(),
  picUserId: z.uuid("followUps.errors.pic").nullable().optional(),
  dueDate: isoDate.optional(),
  priority: z.enum(PRIORITIES, "errors.invalid").optional(),
});
export type PlanInput = z.input<typeof planSchema>;

/**
 * Edits a follow-up's plan (title, description, category, person in charge, due date, priority):
 * the secretariat and the owning division's head (`actionItem.plan`), checked against the version
 * the editor loaded. Progress and status stay with the workflow.
 */
export async function editActionItemPlan(user: CurrentUser, id: string, version: number, input: unknown, ctx: Ctx = {}) {
  const data = parseInput(planSchema, input);
  const item = await loadVisibleItem(user, id);
  if (!can(user, "actionItem.plan", resourceOf(item))) throw new ForbiddenError();
  const errors: FieldErrors = {};
  if (data.categoryId && data.categoryId !== item.categoryId) {
    const [cat] = await db.select({ active: categories.active }).from(categories).where(eq(categories.id, data.categoryId));
    if (!cat?.active) errors.categoryId = ["followUps.errors.category"];
  }
  if (data.picUserId) {
    const [pic] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, data.picUserId), eq(users.workUnitId, item.workUnitId), eq(users.active, true)));
    if (!pic) errors.picUserId = ["followUps.errors.picNotMember"];
  }
  if (data.dueDate && data.dueDate !== item.dueDate && data.dueDate < todayIn(item.unitTimeZone)) errors.dueDate = ["followUps.errors.dueDatePast"];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const changes = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(actionItems)
        .set({ ...changes, version: sql`${actionItems.version} + 1`, updatedAt: new Date() })
        .where(and(eq(actionItems.id, item.id), eq(actionItems.version, version)))
        .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "actionItem.plan", "action_item", item.id, {
        before: Object.fromEntries(Object.keys(changes).map((k) => [k, item[k as keyof typeof item]])),
        after: changes,
      });
      return row;
    }),
    async () => (await db.select().from(actionItems).where(eq(actionItems.id, item.id)))[0] ?? null,
  );
}
