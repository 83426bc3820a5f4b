import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiTransitionMinutes } from "@/lib/api/letters";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const POST = apiRoute(op.transitionMinutes, ({ user, params, body, request, version }) =>
  apiTransitionMinutes(user, uuidParam(params.id), body, version(), { ip: clientIp(request.headers) }),
);
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
