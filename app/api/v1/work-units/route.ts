import { listWorkUnitTree } from "@/lib/admin/work-units";
import { apiRoute } from "@/lib/api/handler";
import { operations } from "@/lib/api/operations";
import { methodNotAllowed } from "@/lib/api/problem";

export const GET = apiRoute(operations.listWorkUnits, async () => ({
  items: (await listWorkUnitTree()).map((u) => ({
    id: u.id,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    kind: u.kind,
    timeZone: u.timeZone as "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura",
    active: u.active,
    updatedAt: u.updatedAt.toISOString(),
  })),
}));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
