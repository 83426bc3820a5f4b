import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiRespond, apiWithdrawInvitation } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const PATCH = apiRoute(op.respondInvitation, ({ user, params, body, request, version }) =>
  apiRespond(user, uuidParam(params.id), body, version(), { ip: clientIp(request.headers) }),
);
export const DELETE = apiRoute(op.withdrawInvitation, ({ user, params, request, version }) => apiWithdrawInvitation(user, uuidParam(params.id), version(), { ip: clientIp(request.headers) }));
export const { GET, POST, PUT } = methodNotAllowed("PATCH, DELETE");
