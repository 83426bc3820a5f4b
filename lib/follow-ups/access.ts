import "server-only";
import { eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { actionItems, workUnits, type ActionItem } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { can, type ActionItemResource } from "@/lib/permissions";
import { dueSoonSql as dueSoonOf, overdueSql as overdueOf } from "./overdue";
import { isUuid } from "@/lib/ids";


export type LoadedItem = ActionItem & { unitName: string; unitTimeZone: string; unitParentId: string | null };

export const resourceOf = (item: Pick<ActionItem, "workUnitId" | "picUserId" | "status">): ActionItemResource => ({
  workUnitId: item.workUnitId,
  picUserId: item.picUserId,
  status: item.status,
});

/** The item if the user may see it; otherwise NotFoundError (a unit's items are invisible to others). */
export async function loadVisibleItem(user: CurrentUser, id: string, handle: DbOrTx = db): Promise<LoadedItem> {
  if (!isUuid(id)) throw new NotFoundError();
  const [row] = await handle
    .select({ item: actionItems, unitName: workUnits.name, unitTimeZone: workUnits.timeZone, unitParentId: workUnits.parentId })
    .from(actionItems)
    .innerJoin(workUnits, eq(workUnits.id, actionItems.workUnitId))
    .where(eq(actionItems.id, id));
  if (!row || !can(user, "actionItem.view", resourceOf(row.item))) throw new NotFoundError();
  return { ...row.item, unitName: row.unitName, unitTimeZone: row.unitTimeZone, unitParentId: row.unitParentId };
}

/** The overdue and due-soon rules over action_items joined to work_units (lib/follow-ups/overdue.ts), as lib/api reads them. */
export const overdueSql = overdueOf();
export const dueSoonSql = dueSoonOf();
