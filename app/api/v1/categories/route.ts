import { apiRoute } from "@/lib/api/handler";
import { operations } from "@/lib/api/operations";
import { listActiveCategories } from "@/lib/categories";

export const GET = apiRoute(operations.listCategories, async () => ({ items: await listActiveCategories() }));
