import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiIssueLetter } from "@/lib/api/letters";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const POST = apiRoute(op.issueLetter, ({ user, params, body, request }) => apiIssueLetter(user, uuidParam(params.id), body, { ip: clientIp(request.headers) }));
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
