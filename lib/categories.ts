import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { categories } from "@/db/schema";

/** Active follow-up categories in their display order. */
export async function listActiveCategories() {
  return db
    .select({ id: categories.id, code: categories.code, nameId: categories.nameId, nameEn: categories.nameEn, sortOrder: categories.sortOrder, updatedAt: categories.updatedAt })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.sortOrder));
}
