import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiDeleteDecision, apiUpdateDecision } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const PATCH = apiRoute(op.updateDecision, ({ user, params, body, request, version }) =>
  apiUpdateDecision(user, uuidParam(params.id), body, version(), { ip: clientIp(request.headers) }),
);
export const DELETE = apiRoute(op.deleteDecision, ({ user, params, request, version }) => apiDeleteDecision(user, uuidParam(params.id), version(), { ip: clientIp(request.headers) }));
export const { GET, POST, PUT } = methodNotAllowed("PATCH, DELETE");
