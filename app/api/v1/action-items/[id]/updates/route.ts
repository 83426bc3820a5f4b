import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiActionItemUpdates, apiAddUpdate } from "@/lib/api/follow-ups";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.listActionItemUpdates, ({ user, params }) => apiActionItemUpdates(user, uuidParam(params.id)));
export const POST = apiRoute(op.createActionItemUpdate, ({ user, params, body, request, version }) =>
  apiAddUpdate(user, uuidParam(params.id), body, version(), { ip: clientIp(request.headers) }),
);
export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
