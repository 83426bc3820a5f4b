"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { regenerateCalendarToken, revokeCalendarToken } from "@/lib/calendar/feed";
import { serverAction } from "@/lib/server-action";

/** A new secret feed URL for the signed-in user; the old one answers 404 from now on. */
export const regenerateCalendarTokenAction = serverAction([], async function regenerateCalendarTokenAction() {
  const user = await requireUser();
  const result = await runAction(async () => {
    await regenerateCalendarToken(user, await requestContext());
  }, "agenda.calendar.created");
  if (result.ok) revalidatePath("/profile");
  return result;
});

export const revokeCalendarTokenAction = serverAction([], async function revokeCalendarTokenAction() {
  const user = await requireUser();
  const result = await runAction(async () => revokeCalendarToken(user, await requestContext()), "agenda.calendar.revoked");
  if (result.ok) revalidatePath("/profile");
  return result;
});
