"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { requestContext, requireUser } from "@/lib/auth/session";

export async function createTokenAction(values: unknown) {
  const user = await requireUser();
  const result = await runAction(async () => {
    const created = await createApiToken(user, values, await requestContext());
    return { token: created.token, name: created.name };
  });
  if (result.ok) revalidatePath("/profile");
  return result;
}

export async function revokeTokenAction(id: string) {
  const user = await requireUser();
  const result = await runAction(async () => revokeApiToken(user, id, await requestContext()));
  if (result.ok) revalidatePath("/profile");
  return result;
}
