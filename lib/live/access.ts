import { eq } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { meetingLive } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { loadMeeting, type LoadedMeeting } from "@/lib/meetings/access";
import { can } from "@/lib/permissions";

type LiveAction = "live.run" | "live.screen" | "live.note";

/** The meeting, checked: not visible → 404; visible but not allowed → 403 (not ongoing: a clear message). */
export async function requireLiveMeeting(user: CurrentUser, meetingId: string, action: LiveAction): Promise<LoadedMeeting> {
  const m = await loadMeeting(meetingId);
  if (!m || !can(user, "meeting.view", m.resource)) throw new NotFoundError();
  if (can(user, action, m.resource)) return m;
  if (action !== "live.screen" && m.status !== "ongoing" && can(user, "meeting.manage", m.resource)) {
    throw new ValidationError({ _form: ["live.errors.notOngoing"] }, "live.errors.notOngoing");
  }
  throw new ForbiddenError();
}

/** The meeting's live row, created on first use (version 1). */
export async function ensureLive(tx: Tx, meetingId: string) {
  await tx.insert(meetingLive).values({ meetingId }).onConflictDoNothing();
}

export const currentLive = async (meetingId: string) => (await db.select().from(meetingLive).where(eq(meetingLive.meetingId, meetingId)))[0] ?? null;

/**
 * Who may follow a meeting live, and what they see: staff who may open its screen get the staff
 * audience (names of recent check-ins); anyone else who may see the meeting, and a valid screen
 * link, the public one; `via`: which credential let them in (re-checked while the stream is open).
 * null: nothing (answer 404).
 */
export async function liveAudience(
  user: CurrentUser | null,
  meetingId: string,
  screenToken: string | null,
): Promise<{ audience: "staff" | "public"; via: "session" | "screen" } | null> {
  const m = await loadMeeting(meetingId);
  if (!m || m.status === "draft") return null;
  if (user && can(user, "meeting.view", m.resource)) return { audience: can(user, "live.screen", m.resource) ? "staff" : "public", via: "session" };
  if (screenToken && m.status !== "cancelled") {
    const { screenTokenValid } = await import("./screen-links");
    if (await screenTokenValid(meetingId, screenToken)) return { audience: "public", via: "screen" };
  }
  return null;
}
