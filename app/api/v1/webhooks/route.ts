import { apiRoute } from "@/lib/api/handler";
import { apiCreateWebhook, apiListWebhooks } from "@/lib/api/integrations";
import { operations as op } from "@/lib/api/operations";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.listWebhooks, ({ user }) => apiListWebhooks(user));
export const POST = apiRoute(op.createWebhook, ({ user, body, request }) => apiCreateWebhook(user, body, { ip: clientIp(request.headers) }));
export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
