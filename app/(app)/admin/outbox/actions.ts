"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { resendEmail } from "@/lib/notifications/outbox";
import { arg, serverAction } from "@/lib/server-action";

/** "Kirim ulang" of a dead letter: the id is bound on the page; the permission is checked in the use case. */
export const resendEmailAction = serverAction([arg.id], async function resendEmailAction(id): Promise<ActionState> {
  const user = await requireUser();
  const result = await runAction(async () => resendEmail(user, id), "notices.deadLetters.resent");
  if (result.ok) revalidatePath("/admin/outbox");
  return result.ok ? { ok: true, message: result.message } : result;
});
