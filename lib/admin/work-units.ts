import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { users, workUnits, type WorkUnit } from "@/db/schema";
import { audit, changes, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, isUniqueViolation, orConflict } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { workUnitSchema } from "./schemas";

export type WorkUnitNode = WorkUnit & { depth: number; path: string };

/** The whole tree in display order (depth-first by name), one query. */
export async function listWorkUnitTree(options: { activeOnly?: boolean } = {}): Promise<WorkUnitNode[]> {
  const result = await rows<Omit<WorkUnit, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string; depth: number; path: string }>(sql`
    with recursive tree as (
      select w.*, 0 as depth, w.name::text as path from work_units w where w.parent_id is null
      union all
      select c.*, tree.depth + 1, tree.path || ' / ' || c.name from work_units c join tree on c.parent_id = tree.id
    )
    select * from tree ${options.activeOnly ? sql`where active` : sql``} order by path`);
  return result.map((r) => ({ ...r, version: Number(r.version), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt), depth: Number(r.depth) }));
}

export async function getWorkUnit(id: string) {
  const [unit] = await db.select().from(workUnits).where(eq(workUnits.id, id));
  return unit ?? null;
}

async function assertActiveParent(parentId: string | null, selfId?: string) {
  if (!parentId) return;
  const [parent] = await db.select({ id: workUnits.id, active: workUnits.active }).from(workUnits).where(eq(workUnits.id, parentId));
  if (!parent || !parent.active) throw new ValidationError({ parentId: ["errors.unknownUnit"] });
  if (selfId) {
    // The new parent must not be the unit itself or one of its descendants.
    const [cycle] = await rows<{ hit: boolean }>(sql`
      with recursive down as (
        select id from work_units where id = ${selfId}
        union all select w.id from work_units w join down on w.parent_id = down.id
      ) select exists(select 1 from down where id = ${parentId}) as hit`);
    if (cycle?.hit) throw new ValidationError({ parentId: ["errors.cycle"] });
  }
}

const parse = (input: unknown) => parseInput(workUnitSchema, input);

export async function createWorkUnit(user: CurrentUser, input: unknown, ctx: Omit<AuditContext, "actorId"> = {}) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  const data = parse(input);
  await assertActiveParent(data.parentId);
  try {
    return await db.transaction(async (tx) => {
      const [unit] = await tx.insert(workUnits).values(data).returning();
      await audit(tx, { actorId: user.id, ...ctx }, "work_unit.create", "work_unit", unit!.id, { after: data });
      return unit!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError({ code: ["errors.codeTaken"] });
    throw e;
  }
}

export async function updateWorkUnit(
  user: CurrentUser,
  id: string,
  version: number,
  input: unknown,
  ctx: Omit<AuditContext, "actorId"> = {},
) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  const data = parse(input);
  const before = await getWorkUnit(id);
  if (!before) throw new NotFoundError();
  await assertActiveParent(data.parentId, id);
  try {
    return await orConflict(db.transaction(async (tx) => {
      const [unit] = await tx
        .update(workUnits)
        .set({ ...data, version: sql`${workUnits.version} + 1`, updatedAt: new Date() })
        .where(and(eq(workUnits.id, id), eq(workUnits.version, version)))
        .returning();
      if (!unit) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "work_unit.update", "work_unit", id, changes(before, data));
      return unit;
    }), () => getWorkUnit(id));
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError({ code: ["errors.codeTaken"] });
    throw e;
  }
}

/** Deactivates (never deletes: meetings and follow-ups keep pointing at it) or reactivates a unit. */
export async function setWorkUnitActive(
  user: CurrentUser,
  id: string,
  version: number,
  active: boolean,
  ctx: Omit<AuditContext, "actorId"> = {},
) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  if (!active) {
    const [children] = await db.select({ n: count() }).from(workUnits).where(and(eq(workUnits.parentId, id), eq(workUnits.active, true)));
    const [members] = await db.select({ n: count() }).from(users).where(and(eq(users.workUnitId, id), eq(users.active, true)));
    if ((children?.n ?? 0) > 0 || (members?.n ?? 0) > 0) throw new ValidationError({ _form: ["errors.unitInUse"] }, "errors.unitInUse");
  }
  return orConflict(db.transaction(async (tx) => {
    const [unit] = await tx
      .update(workUnits)
      .set({ active, version: sql`${workUnits.version} + 1`, updatedAt: new Date() })
      .where(and(eq(workUnits.id, id), eq(workUnits.version, version)))
      .returning();
    if (!unit) return null;
    await audit(tx, { actorId: user.id, ...ctx }, active ? "work_unit.activate" : "work_unit.deactivate", "work_unit", id);
    return unit;
  }), () => getWorkUnit(id));
}
