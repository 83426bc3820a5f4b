import { apiRoute } from "@/lib/api/handler";
import { operations } from "@/lib/api/operations";
import { methodNotAllowed } from "@/lib/api/problem";
import { listActiveCategories } from "@/lib/categories";

export const GET = apiRoute(operations.listCategories, async () => ({ items: (await listActiveCategories()).map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })) }));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
