import { apiRoute } from "@/lib/api/handler";
import { apiRedeliver } from "@/lib/api/integrations";
import { operations as op } from "@/lib/api/operations";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";

export const POST = apiRoute(op.redeliverWebhook, ({ user, params }) => apiRedeliver(user, uuidParam(params.id)));
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
