import { apiRoute } from "@/lib/api/handler";
import { operations } from "@/lib/api/operations";
import { methodNotAllowed } from "@/lib/api/problem";

export const GET = apiRoute(operations.getMe, async ({ user }) => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  position: user.position,
  workUnitId: user.workUnitId,
  workUnitName: user.workUnitName,
  timeZone: user.timeZone as "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura",
}));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
