import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiTransitionMeeting, versionFrom } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { clientIp } from "@/lib/auth/request-ip";

export const POST = apiRoute(op.transitionMeeting, ({ user, params, body, request }) =>
  apiTransitionMeeting(user, uuidParam(params.id), body, versionFrom(body, request, false), { ip: clientIp(request.headers) }),
);
