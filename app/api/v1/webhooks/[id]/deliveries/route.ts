import { apiRoute } from "@/lib/api/handler";
import { apiWebhookDeliveries } from "@/lib/api/integrations";
import { operations as op } from "@/lib/api/operations";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";

export const GET = apiRoute(op.listWebhookDeliveries, ({ user, params }) => apiWebhookDeliveries(user, uuidParam(params.id)));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
