import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiInvite, apiInvitations } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.listInvitations, ({ user, params }) => apiInvitations(user, uuidParam(params.id)));
export const POST = apiRoute(op.createInvitation, ({ user, params, body, request }) =>
  apiInvite(user, uuidParam(params.id), body, { ip: clientIp(request.headers) }),
);
export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
