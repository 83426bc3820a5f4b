import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiAddDecision } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const POST = apiRoute(op.createDecision, ({ user, params, body, request }) =>
  apiAddDecision(user, uuidParam(params.id), body, { ip: clientIp(request.headers) }),
);
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
