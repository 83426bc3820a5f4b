import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiAddAgendaItem, apiAgenda } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.listAgendaItems, ({ user, params }) => apiAgenda(user, uuidParam(params.id)));
export const POST = apiRoute(op.createAgendaItem, ({ user, params, body, request }) =>
  apiAddAgendaItem(user, uuidParam(params.id), body, { ip: clientIp(request.headers) }),
);
export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
