import { apiRoute } from "@/lib/api/handler";
import { apiDeleteWebhook, apiGetWebhook } from "@/lib/api/integrations";
import { operations as op } from "@/lib/api/operations";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.getWebhook, ({ user, params }) => apiGetWebhook(user, uuidParam(params.id)));
export const DELETE = apiRoute(op.deleteWebhook, ({ user, params, request, version }) => apiDeleteWebhook(user, uuidParam(params.id), version(), { ip: clientIp(request.headers) }));
export const { POST, PUT, PATCH } = methodNotAllowed("GET, DELETE");
