import { apiRoute } from "@/lib/api/handler";
import { operations } from "@/lib/api/operations";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { revokeApiToken } from "@/lib/api/tokens";
import { clientIp } from "@/lib/auth/request-ip";

export const DELETE = apiRoute(operations.revokeToken, async ({ user, params, request }) => {
  await revokeApiToken(user, uuidParam(params.id), { ip: clientIp(request.headers) });
});
export const { GET, POST, PUT, PATCH } = methodNotAllowed("DELETE");
