import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiCreateActionItem, apiListActionItems } from "@/lib/api/follow-ups";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.listActionItems, ({ user, query }) => apiListActionItems(user, query));
export const POST = apiRoute(op.createActionItem, ({ user, body, request }) => apiCreateActionItem(user, body, { ip: clientIp(request.headers) }));
export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
