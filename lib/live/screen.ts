import type { CurrentUser } from "@/lib/auth/types";
import { loadMeeting } from "@/lib/meetings/access";
import { can } from "@/lib/permissions";
import { screenTokenValid } from "./screen-links";
import { liveState } from "./state";
import type { LiveMessage } from "./types";

/**
 * The room screen: for staff who may open it (signed in) or with a valid screen link. Returns
 * what it shows and the check-in code for the QR code; "login" when nobody is signed in and no
 * valid link was given; null: not found (no leak of titles).
 */
export async function getScreen(user: CurrentUser | null, meetingId: string, token: string | null): Promise<{ initial: LiveMessage; checkInCode: string } | "login" | null> {
  const m = await loadMeeting(meetingId);
  if (!m || m.status === "draft") return null;
  const allowed = user ? can(user, "meeting.view", m.resource) && can(user, "live.screen", m.resource) : false;
  if (!allowed) {
    if (!(token && m.status !== "cancelled" && (await screenTokenValid(meetingId, token)))) return user || token ? null : "login";
  }
  const state = await liveState(meetingId);
  if (!state) return null;
  return { initial: { kind: "state", state }, checkInCode: m.checkInCode };
}
