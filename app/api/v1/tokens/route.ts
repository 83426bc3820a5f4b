import { apiRoute } from "@/lib/api/handler";
import { operations } from "@/lib/api/operations";
import { methodNotAllowed } from "@/lib/api/problem";
import { createApiToken, listApiTokens } from "@/lib/api/tokens";
import { clientIp } from "@/lib/auth/request-ip";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const GET = apiRoute(operations.listTokens, async ({ user, query }) => {
  const page = await listApiTokens(user, { limit: query.limit, cursor: query.cursor });
  return { ...page, items: page.items.map((t) => ({ ...t, expiresAt: iso(t.expiresAt), lastUsedAt: iso(t.lastUsedAt), createdAt: t.createdAt.toISOString() })) };
});

export const POST = apiRoute(operations.createToken, async ({ user, body, request }) => {
  const t = await createApiToken(user, body, { ip: clientIp(request.headers) });
  return { id: t.id, name: t.name, expiresAt: iso(t.expiresAt), lastUsedAt: null, createdAt: t.createdAt.toISOString(), token: t.token };
});
export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
