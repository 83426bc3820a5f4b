import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiDeleteSpeaker, apiUpdateSpeaker } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const PATCH = apiRoute(op.updateSpeaker, ({ user, params, body, request, version }) =>
  apiUpdateSpeaker(user, uuidParam(params.id), body, version(), { ip: clientIp(request.headers) }),
);
export const DELETE = apiRoute(op.deleteSpeaker, ({ user, params, request, version }) => apiDeleteSpeaker(user, uuidParam(params.id), version(), { ip: clientIp(request.headers) }));
export const { GET, POST, PUT } = methodNotAllowed("PATCH, DELETE");
