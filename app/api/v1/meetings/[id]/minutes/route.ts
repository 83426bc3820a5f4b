import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiMinutes, apiSaveMinutes, versionFrom } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.getMinutes, ({ user, params }) => apiMinutes(user, uuidParam(params.id)));
export const PUT = apiRoute(op.putMinutes, ({ user, params, body, request }) =>
  apiSaveMinutes(user, uuidParam(params.id), body, versionFrom(body, request, true)!, { ip: clientIp(request.headers) }),
);
