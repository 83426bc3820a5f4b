import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiAddUpdate } from "@/lib/api/follow-ups";
import { uuidParam } from "@/lib/api/params";
import { clientIp } from "@/lib/auth/request-ip";

export const POST = apiRoute(op.createActionItemUpdate, ({ user, params, body, request }) =>
  apiAddUpdate(user, uuidParam(params.id), body, { ip: clientIp(request.headers) }),
);
