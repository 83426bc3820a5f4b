import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiGetActionItem, apiUpdateProgress } from "@/lib/api/follow-ups";
import { versionFrom } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.getActionItem, ({ user, params }) => apiGetActionItem(user, uuidParam(params.id)));
export const PATCH = apiRoute(op.updateActionItem, ({ user, params, body, request }) =>
  apiUpdateProgress(user, uuidParam(params.id), body, versionFrom(body, request, true)!, { ip: clientIp(request.headers) }),
);
