import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiDeleteMeeting, apiGetMeeting, apiUpdateMeeting } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.getMeeting, ({ user, params, query }) => apiGetMeeting(user, uuidParam(params.id), query.include));
export const PATCH = apiRoute(op.updateMeeting, ({ user, params, body, request, version }) =>
  apiUpdateMeeting(user, uuidParam(params.id), body, version(), { ip: clientIp(request.headers) }),
);
export const DELETE = apiRoute(op.deleteMeeting, ({ user, params, request, version }) => apiDeleteMeeting(user, uuidParam(params.id), version(), { ip: clientIp(request.headers) }));
export const { POST, PUT } = methodNotAllowed("GET, PATCH, DELETE");
