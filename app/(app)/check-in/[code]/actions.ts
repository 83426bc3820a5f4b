"use server";

import { runAction, type ActionState } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { checkIn } from "@/lib/meetings/attendance";
import { arg, serverAction } from "@/lib/server-action";

export type CheckInState = ActionState<{ alreadyCheckedIn: boolean; checkedInAt: string }> | null;

/** Self check-in by the per-meeting code (bound on the server). Idempotent. */
export const checkInAction = serverAction([arg.code], async function checkInAction(code): Promise<CheckInState> {
  const user = await requireUser();
  const result = await runAction(async () => {
    const r = await checkIn(user, code, await requestContext());
    return { alreadyCheckedIn: r.alreadyCheckedIn, checkedInAt: r.checkedInAt.toISOString() };
  });
  return result;
});
