import { randomInt } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loginAttempts, notifications } from "@/db/schema";
import { ThrottledSignIn, verifyCredentials } from "@/lib/auth";
import { makeDivision, makeUser } from "@/tests/fixtures";
import { ACCOUNT_LIMIT, PAIR_FREE, checkThrottle, pairDelayMs, recordFailedSignIn, unlockSignIn } from "./throttle";

/** Issue 20: throttling that an attacker cannot turn against the owner. */
describe("sign-in throttling by account and address", { timeout: 120_000 }, () => {
  // A fresh address each time (one of 16 million): two calls of one test, or tests of other files
  // counting failures per address, never share one by chance.
  const addr = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  it("200 wrong passwords from one address do not stop the owner signing in from another", async () => {
    const { unitA } = await makeDivision();
    const owner = await makeUser("participant", unitA.id);
    const attacker = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    let refused = 0;
    let wrong = 0;
    for (let i = 0; i < 200; i++) {
      try {
        const r = await verifyCredentials({ identifier: owner.email, password: `salah-${i}` }, attacker);
        expect(r).toBeNull();
        wrong++;
      } catch (e) {
        expect(e).toBeInstanceOf(ThrottledSignIn);
        refused++;
      }
    }
    // The free attempts were counted, then the address waits: even the right password is refused there.
    expect(wrong).toBe(PAIR_FREE);
    expect(refused).toBe(200 - PAIR_FREE);
    await expect(verifyCredentials({ identifier: owner.email, password: "rakor-demo" }, attacker)).rejects.toBeInstanceOf(ThrottledSignIn);
    // The owner, from the office: in.
    const ok = await verifyCredentials({ identifier: owner.email, password: "rakor-demo" }, addr());
    expect(ok?.id).toBe(owner.id);
    // The owner was told, once.
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, owner.id), eq(notifications.kind, "sign_in_failures")));
    expect(told).toHaveLength(1);
    expect(told[0]!.payload).toMatchObject({ title: String(PAIR_FREE), reason: attacker });
  });

  it("delays grow per (account, address): free attempts, then 30 s, 1 min, 2 min … at most 15 min", async () => {
    expect([0, 1, PAIR_FREE - 1].map(pairDelayMs)).toEqual([0, 0, 0]);
    expect(pairDelayMs(PAIR_FREE)).toBe(30_000);
    expect(pairDelayMs(PAIR_FREE + 1)).toBe(60_000);
    expect(pairDelayMs(PAIR_FREE + 2)).toBe(120_000);
    expect(pairDelayMs(PAIR_FREE + 20)).toBe(15 * 60_000);
    const { unitA } = await makeDivision();
    const owner = await makeUser("participant", unitA.id);
    const ip = addr();
    for (let i = 0; i < PAIR_FREE; i++) await recordFailedSignIn(owner.email, ip);
    const now = new Date();
    const state = await checkThrottle(owner.email, ip, now);
    expect(state.blocked).toBe(true);
    expect(state.blocked && state.retryAfterSeconds).toBeGreaterThan(25);
    expect(state.blocked && state.retryAfterSeconds).toBeLessThanOrEqual(30);
    // 31 s later the next attempt may go; another failure then doubles the wait.
    expect((await checkThrottle(owner.email, ip, new Date(now.getTime() + 31_000))).blocked).toBe(false);
    await recordFailedSignIn(owner.email, ip);
    const again = await checkThrottle(owner.email, ip, new Date());
    expect(again.blocked && again.retryAfterSeconds).toBeGreaterThan(55);
    // Another address for the same account is not affected.
    expect((await checkThrottle(owner.email, addr())).blocked).toBe(false);
  });

  it("locks the account for everyone only beyond ACCOUNT_LIMIT failures from many addresses; an admin unlocks it", async () => {
    const { division, unitA } = await makeDivision();
    const [owner, admin] = await Promise.all([makeUser("participant", unitA.id), makeUser("admin", division.id)]);
    await db.insert(loginAttempts).values(Array.from({ length: ACCOUNT_LIMIT - 1 }, () => ({ key: `account:${owner.id}` })));
    expect((await checkThrottle(owner.email, addr())).blocked).toBe(false);
    await recordFailedSignIn(owner.email, `192.0.2.${Math.floor(Math.random() * 250) + 1}`);
    await expect(verifyCredentials({ identifier: owner.email, password: "rakor-demo" }, addr())).rejects.toBeInstanceOf(ThrottledSignIn);

    const participant = await makeUser("participant", unitA.id);
    await expect(unlockSignIn(participant, owner.id)).rejects.toMatchObject({ status: 403 });
    await unlockSignIn(admin, owner.id);
    expect(await db.select().from(loginAttempts).where(like(loginAttempts.key, `%${owner.id}%`))).toHaveLength(0);
    expect((await verifyCredentials({ identifier: owner.email, password: "rakor-demo" }, addr()))?.id).toBe(owner.id);
  });
});
