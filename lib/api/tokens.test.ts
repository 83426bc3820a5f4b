import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { makeUnit, makeUser } from "@/tests/fixtures";
import { hitTokenRateLimit } from "./rate-limit";
import { createApiToken, findApiToken, listApiTokens, revokeApiToken } from "./tokens";

describe("API tokens", () => {
  it("stores only a hash, finds the token by its secret and forgets it once revoked", async () => {
    const unit = await makeUnit();
    const user = await makeUser("participant", unit.id);
    const created = await createApiToken(user, { name: "e-office" });
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).not.toContain(created.token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await findApiToken(created.token))?.userId).toBe(user.id);
    expect((await listApiTokens(user)).items).toHaveLength(1);

    await revokeApiToken(user, created.id);
    expect(await findApiToken(created.token)).toBeNull();
    expect((await listApiTokens(user)).items).toHaveLength(0);
  });

  it("does not let one user revoke another's token", async () => {
    const unit = await makeUnit();
    const owner = await makeUser("participant", unit.id);
    const other = await makeUser("participant", unit.id);
    const created = await createApiToken(owner, { name: "mobile" });
    await expect(revokeApiToken(other, created.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await findApiToken(created.token)).not.toBeNull();
  });

  it("refuses an expiry in the past and ignores an expired token", async () => {
    const unit = await makeUnit();
    const user = await makeUser("head", unit.id);
    await expect(createApiToken(user, { name: "old", expiresAt: "2001-01-01" })).rejects.toBeInstanceOf(ValidationError);
    const created = await createApiToken(user, { name: "soon", expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, created.id));
    expect(await findApiToken(created.token)).toBeNull();
  });

  it("limits requests per token per minute, in the database", async () => {
    const unit = await makeUnit();
    const user = await makeUser("participant", unit.id);
    const { id } = await createApiToken(user, { name: "busy" });
    const now = new Date("2030-01-01T00:00:10Z");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitTokenRateLimit(id, now, 3));
    expect(results.map((r) => r.limited)).toEqual([false, false, false, true]);
    expect(results[3]!.retryAfterSeconds).toBe(50);
    // The next minute starts a fresh window.
    expect((await hitTokenRateLimit(id, new Date("2030-01-01T00:01:00Z"), 3)).limited).toBe(false);
  });
});
