import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiDeleteAgendaItem, apiUpdateAgendaItem, versionFrom } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { clientIp } from "@/lib/auth/request-ip";

export const PATCH = apiRoute(op.updateAgendaItem, ({ user, params, body, request }) =>
  apiUpdateAgendaItem(user, uuidParam(params.id), body, versionFrom(body, request, true)!, { ip: clientIp(request.headers) }),
);
export const DELETE = apiRoute(op.deleteAgendaItem, async ({ user, params, request }) => {
  await apiDeleteAgendaItem(user, uuidParam(params.id), versionFrom(undefined, request, false), { ip: clientIp(request.headers) });
  return new Response(null, { status: 204 });
});
