import crypto from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { bindingOf, cappedCountSql, cappedTotal, keyset } from "@/lib/pagination";
import { parseInput } from "@/lib/validation";
import { createTokenSchema } from "./token-schema";

export { createTokenSchema };

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Creates a named token; the secret is returned once and only its hash is stored. */
export async function createApiToken(user: CurrentUser, input: unknown, ctx: Omit<AuditContext, "actorId"> = {}) {
  const data = parseInput(createTokenSchema, input);
  if (data.expiresAt && data.expiresAt.getTime() <= Date.now()) throw new ValidationError({ expiresAt: ["api.errors.expiryPast"] });
  const token = `rk_${crypto.randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: user.id, name: data.name, tokenHash: hashToken(token), expiresAt: data.expiresAt ?? null })
      .returning({ id: apiTokens.id, name: apiTokens.name, expiresAt: apiTokens.expiresAt, createdAt: apiTokens.createdAt });
    await audit(tx, { actorId: user.id, ...ctx }, "api_token.create", "api_token", row!.id, { name: data.name });
    return { ...row!, token };
  });
}

type TokenRow = { id: string; name: string; expiresAt: Date | null; lastUsedAt: Date | null; createdAt: Date; sortAt: string };

/** My live tokens, newest first, a keyset page at a time (cursors bound to the user and the limit). */
export async function listApiTokens(user: CurrentUser, opts: { limit?: number; cursor?: string } = {}) {
  const limit = Math.min(Math.max(opts.limit ?? 25, 1), 100);
  const live = and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt));
  const page = keyset<TokenRow>({
    columns: [
      { sql: sql`${apiTokens.createdAt}`, type: "timestamptz" },
      { sql: sql`${apiTokens.id}`, type: "uuid" },
    ],
    order: "desc",
    limit,
    cursor: opts.cursor,
    binding: bindingOf({ list: "tokens", user: user.id, limit }),
    keyOf: (r) => [r.sortAt, r.id],
  });
  const [found, [count]] = await Promise.all([
    db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        expiresAt: apiTokens.expiresAt,
        lastUsedAt: apiTokens.lastUsedAt,
        createdAt: apiTokens.createdAt,
        sortAt: sql<string>`${apiTokens.createdAt}::text`,
      })
      .from(apiTokens)
      .where(and(live, page.where))
      .orderBy(page.orderBy)
      .limit(page.fetch),
    rows<{ n: number | string }>(cappedCountSql(sql`from api_tokens where user_id = ${user.id} and revoked_at is null`)),
  ]);
  const { items, nextCursor, prevCursor } = page.finish(found);
  return { items: items.map(({ sortAt: _s, ...t }) => (void _s, t)), nextCursor, prevCursor, ...cappedTotal(count?.n) };
}

export async function revokeApiToken(user: CurrentUser, id: string, ctx: Omit<AuditContext, "actorId"> = {}) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new NotFoundError();
    await audit(tx, { actorId: user.id, ...ctx }, "api_token.revoke", "api_token", id);
    return row;
  });
}

/** The live token with this secret: its id and owner, or null (unknown, revoked or expired). */
export async function findApiToken(secret: string) {
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(secret)),
        isNull(apiTokens.revokedAt),
        sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now())`,
      ),
    );
  if (!row) return null;
  // Record use at most once a minute, not on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return row;
}
