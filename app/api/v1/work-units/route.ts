import { listWorkUnitTree } from "@/lib/admin/work-units";
import { apiRoute } from "@/lib/api/handler";
import { operations } from "@/lib/api/operations";

export const GET = apiRoute(operations.listWorkUnits, async () => ({
  items: (await listWorkUnitTree()).map((u) => ({
    id: u.id,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    kind: u.kind,
    timeZone: u.timeZone,
    active: u.active,
  })),
}));
