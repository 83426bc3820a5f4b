import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import { AppError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword, verifyPassword } from "./password";
import { revokeUserTokens } from "./revoke";
import { changePasswordSchema } from "./schemas";
import { checkThrottle, clearFailedSignIns, recordFailedSignIn } from "./throttle";
import type { CurrentUser } from "./types";

/**
 * A user changes their own password: the current one is required (wrong guesses count against the
 * account's sign-in budget, so a stolen session cannot try passwords freely). Every session of the
 * user ends and every API token is revoked; the caller signs the current browser in again.
 */
export async function changeOwnPassword(user: CurrentUser, input: unknown, ctx: Omit<AuditContext, "actorId"> = {}) {
  const data = parseInput(changePasswordSchema, input);
  const ip = ctx.ip ?? "unknown";
  const throttle = await checkThrottle(user.email, ip);
  if (throttle.blocked) throw new AppError(429, "auth.throttledShort");
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, data.currentPassword))) {
    await recordFailedSignIn(user.email, ip);
    throw new ValidationError({ currentPassword: ["profile.password.wrongCurrent"] });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await revokeUserTokens(tx, user.id);
    await audit(tx, { actorId: user.id, ...ctx }, "user.change_password", "user", user.id);
  });
  await clearFailedSignIns(user.email, ip);
  return { email: user.email };
}
