import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { loadMeeting } from "@/lib/meetings/access";
import { checkIn, type CheckInResult } from "@/lib/meetings/attendance";
import type { Ctx } from "@/lib/meetings/create-meeting";
import { can } from "@/lib/permissions";

/**
 * Self check-in from "My agenda": the same use case as the meeting's QR code (same window, same
 * policy, idempotent); the secret code is looked up on the server, never sent to the browser.
 */
export async function checkInFromAgenda(user: CurrentUser, meetingId: string, ctx: Ctx & { now?: Date } = {}): Promise<CheckInResult> {
  const meeting = await loadMeeting(meetingId);
  if (!meeting || !can(user, "meeting.view", meeting.resource)) throw new NotFoundError();
  return checkIn(user, meeting.checkInCode, ctx);
}
