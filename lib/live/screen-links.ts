import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { screenLinks } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/meetings/create-meeting";
import { requireLiveMeeting } from "./access";

/** The stored form of a screen link token. */
export const screenTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new screen link for the room's projector: the token is shown once, only its hash is kept. */
export async function issueScreenLink(user: CurrentUser, meetingId: string, ctx: Ctx = {}) {
  await requireLiveMeeting(user, meetingId, "live.screen");
  const token = randomBytes(24).toString("base64url");
  const link = await db.transaction(async (tx) => {
    const [row] = await tx.insert(screenLinks).values({ meetingId, tokenHash: screenTokenHash(token), createdBy: user.id }).returning({ id: screenLinks.id, createdAt: screenLinks.createdAt });
    await audit(tx, { actorId: user.id, ...ctx }, "live.screen_link", "meeting", meetingId, { screenLinkId: row!.id });
    return row!;
  });
  return { ...link, token };
}

export async function revokeScreenLink(user: CurrentUser, meetingId: string, linkId: string, ctx: Ctx = {}) {
  await requireLiveMeeting(user, meetingId, "live.screen");
  if (!/^[0-9a-f-]{36}$/i.test(linkId)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(screenLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(screenLinks.id, linkId), eq(screenLinks.meetingId, meetingId), isNull(screenLinks.revokedAt)))
      .returning({ id: screenLinks.id });
    if (!row) throw new NotFoundError();
    await audit(tx, { actorId: user.id, ...ctx }, "live.screen_link_revoke", "meeting", meetingId, { screenLinkId: linkId });
  });
}

/** Active links of a meeting (at most 20, newest first), for the console. */
export async function listScreenLinks(meetingId: string) {
  return db
    .select({ id: screenLinks.id, createdAt: screenLinks.createdAt })
    .from(screenLinks)
    .where(and(eq(screenLinks.meetingId, meetingId), isNull(screenLinks.revokedAt)))
    .orderBy(desc(screenLinks.createdAt))
    .limit(20);
}

/** Whether a token opens this meeting's screen (not revoked, meeting not cancelled or deleted). */
export async function screenTokenValid(meetingId: string, token: string | null | undefined): Promise<boolean> {
  if (!token || token.length > 100 || !/^[0-9a-f-]{36}$/i.test(meetingId)) return false;
  const [row] = await db
    .select({ id: screenLinks.id })
    .from(screenLinks)
    .where(and(eq(screenLinks.tokenHash, screenTokenHash(token)), eq(screenLinks.meetingId, meetingId), isNull(screenLinks.revokedAt)));
  return !!row;
}
