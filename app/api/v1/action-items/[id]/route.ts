import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiEditActionItem, apiGetActionItem } from "@/lib/api/follow-ups";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.getActionItem, ({ user, params }) => apiGetActionItem(user, uuidParam(params.id)));
export const PATCH = apiRoute(op.updateActionItem, ({ user, params, body, request, version }) =>
  apiEditActionItem(user, uuidParam(params.id), body, version(), { ip: clientIp(request.headers) }),
);
export const { POST, PUT, DELETE } = methodNotAllowed("GET, PATCH");
