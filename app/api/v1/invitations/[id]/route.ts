import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiRespond } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { clientIp } from "@/lib/auth/request-ip";

export const PATCH = apiRoute(op.respondInvitation, ({ user, params, body, request }) =>
  apiRespond(user, uuidParam(params.id), body, { ip: clientIp(request.headers) }),
);
