"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { addHoliday, deleteHoliday } from "@/lib/offices/holidays";

export async function addHolidayAction(values: unknown): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => addHoliday(user, values, await requestContext()), "offices.holidays.saved");
  if (result.ok) revalidatePath("/admin/holidays");
  return result.ok ? { ok: true, message: result.message } : result;
}

export async function deleteHolidayAction(id: string): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => deleteHoliday(user, id, await requestContext()));
  if (result.ok) revalidatePath("/admin/holidays");
  return result.ok ? { ok: true } : result;
}
