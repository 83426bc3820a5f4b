"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { addHoliday, deleteHoliday } from "@/lib/offices/holidays";
import { arg, serverAction } from "@/lib/server-action";

export const addHolidayAction = serverAction([arg.values], async function addHolidayAction(values): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => addHoliday(user, values, await requestContext()), "offices.holidays.saved");
  if (result.ok) revalidatePath("/admin/holidays");
  return result.ok ? { ok: true, message: result.message } : result;
});

export const deleteHolidayAction = serverAction([arg.id], async function deleteHolidayAction(id): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => deleteHoliday(user, id, await requestContext()));
  if (result.ok) revalidatePath("/admin/holidays");
  return result.ok ? { ok: true } : result;
});
