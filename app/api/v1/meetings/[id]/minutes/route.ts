import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiMinutes, apiSaveMinutes } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.getMinutes, ({ user, params }) => apiMinutes(user, uuidParam(params.id)));
export const PUT = apiRoute(op.putMinutes, ({ user, params, body, request, version }) =>
  apiSaveMinutes(user, uuidParam(params.id), body, version(), { ip: clientIp(request.headers) }),
);
export const { POST, PATCH, DELETE } = methodNotAllowed("GET, PUT");
