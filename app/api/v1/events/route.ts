import { apiRoute } from "@/lib/api/handler";
import { apiEvents } from "@/lib/api/integrations";
import { operations as op } from "@/lib/api/operations";
import { methodNotAllowed } from "@/lib/api/problem";

export const GET = apiRoute(op.listEvents, ({ user, query }) => apiEvents(user, query));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
