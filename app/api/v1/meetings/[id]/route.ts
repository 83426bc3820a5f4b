import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiGetMeeting, apiUpdateMeeting, versionFrom } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.getMeeting, ({ user, params }) => apiGetMeeting(user, uuidParam(params.id)));
export const PATCH = apiRoute(op.updateMeeting, ({ user, params, body, request }) =>
  apiUpdateMeeting(user, uuidParam(params.id), body, versionFrom(body, request, true)!, { ip: clientIp(request.headers) }),
);
