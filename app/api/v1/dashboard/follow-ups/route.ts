import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiDashboard } from "@/lib/api/follow-ups";

export const GET = apiRoute(op.followUpDashboard, ({ user }) => apiDashboard(user));
