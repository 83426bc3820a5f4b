"use server";

import type { CheckInState } from "@/app/(app)/check-in/[code]/actions";
import { runAction } from "@/lib/action-result";
import { checkInFromAgenda } from "@/lib/agenda/check-in";
import { requestContext, requireUser } from "@/lib/auth/session";
import { arg, serverAction } from "@/lib/server-action";

/** Self check-in from My agenda; the meeting id is bound on the server. */
export const agendaCheckInAction = serverAction([arg.id], async function agendaCheckInAction(meetingId): Promise<CheckInState> {
  const user = await requireUser();
  const result = await runAction(async () => {
    const r = await checkInFromAgenda(user, meetingId, await requestContext());
    return { alreadyCheckedIn: r.alreadyCheckedIn, checkedInAt: r.checkedInAt.toISOString() };
  });
  return result;
});
