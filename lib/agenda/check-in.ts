import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { findVisibleMeeting } from "@/lib/meetings/access";
import { checkIn, type CheckInResult } from "@/lib/meetings/attendance";
import type { Ctx } from "@/lib/meetings/create-meeting";

/**
 * Self check-in from "My agenda": the same use case as the meeting's QR code (same window, same
 * policy, idempotent); the secret code is looked up on the server, never sent to the browser.
 */
export async function checkInFromAgenda(user: CurrentUser, meetingId: string, ctx: Ctx & { now?: Date } = {}): Promise<CheckInResult> {
  const meeting = await findVisibleMeeting(user, meetingId);
  if (!meeting) throw new NotFoundError();
  return checkIn(user, meeting.checkInCode, ctx);
}
