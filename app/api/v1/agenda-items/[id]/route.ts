import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiDeleteAgendaItem, apiUpdateAgendaItem } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const PATCH = apiRoute(op.updateAgendaItem, ({ user, params, body, request, version }) =>
  apiUpdateAgendaItem(user, uuidParam(params.id), body, version(), { ip: clientIp(request.headers) }),
);
export const DELETE = apiRoute(op.deleteAgendaItem, ({ user, params, request, version }) =>
  apiDeleteAgendaItem(user, uuidParam(params.id), version(), { ip: clientIp(request.headers) }),
);
export const { GET, POST, PUT } = methodNotAllowed("PATCH, DELETE");
