import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiDashboard } from "@/lib/api/follow-ups";
import { methodNotAllowed } from "@/lib/api/problem";

export const GET = apiRoute(op.followUpDashboard, ({ user }) => apiDashboard(user));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
