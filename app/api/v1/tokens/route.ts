import { apiRoute } from "@/lib/api/handler";
import { operations } from "@/lib/api/operations";
import { createApiToken, listApiTokens } from "@/lib/api/tokens";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(operations.listTokens, async ({ user }) => ({ items: await listApiTokens(user) }));

export const POST = apiRoute(operations.createToken, async ({ user, body, request }) =>
  createApiToken(user, body, { ip: clientIp(request.headers) }),
);
