import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { categories } from "@/db/schema";
import { audit, changes, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, isUniqueViolation, orConflict } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { categorySchema } from "./schemas";
import { isUuid } from "@/lib/ids";

type Ctx = Omit<AuditContext, "actorId">;

/** Every category (inactive ones too), in their order. Anyone signed in may read the list. */
export async function listCategories(opts: { activeOnly?: boolean } = {}) {
  return db
    .select()
    .from(categories)
    .where(opts.activeOnly ? eq(categories.active, true) : undefined)
    .orderBy(asc(categories.sortOrder), asc(categories.nameId));
}

function mapUnique(e: unknown): never {
  if (isUniqueViolation(e, "categories_code_uq")) throw new ValidationError({ code: ["errors.codeTaken"] });
  throw e;
}

export async function createCategory(user: CurrentUser, input: unknown, ctx: Ctx = {}) {
  if (!can(user, "categories.manage")) throw new ForbiddenError();
  const data = parseInput(categorySchema, input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(categories).values(data).returning();
      await audit(tx, { actorId: user.id, ...ctx }, "category.create", "category", row!.id, { after: data });
      return row!;
    });
  } catch (e) {
    mapUnique(e);
  }
}

/** Categories are never deleted (follow-ups keep theirs): an old one is deactivated instead. */
export async function updateCategory(user: CurrentUser, id: string, version: number, input: unknown, ctx: Ctx = {}) {
  if (!can(user, "categories.manage")) throw new ForbiddenError();
  const data = parseInput(categorySchema, input);
  if (!isUuid(id)) throw new NotFoundError();
  const [before] = await db.select().from(categories).where(eq(categories.id, id));
  if (!before) throw new NotFoundError();
  try {
    return await orConflict(
      db.transaction(async (tx) => {
        const [row] = await tx
          .update(categories)
          .set({ ...data, version: sql`${categories.version} + 1` })
          .where(and(eq(categories.id, id), eq(categories.version, version)))
          .returning();
        if (!row) return null;
        await audit(tx, { actorId: user.id, ...ctx }, "category.update", "category", id, changes(before, data));
        return row;
      }),
      async () => (await db.select().from(categories).where(eq(categories.id, id)))[0] ?? null,
    );
  } catch (e) {
    mapUnique(e);
  }
}
