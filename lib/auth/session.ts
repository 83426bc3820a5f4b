import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./index";
import { loadUser } from "./load-user";
import { clientIp } from "./request-ip";
import type { CurrentUser } from "./types";

/**
 * The signed-in user, re-checked against the database on every request: a deactivated user,
 * or one whose role, unit or password changed (session version bumped), is signed out at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const loaded = await loadUser(session.user.id);
  if (!loaded || !loaded.active || loaded.sessionVersion !== session.sv) return null;
  return loaded.user;
});

/** For pages and server actions: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** Request facts a use case records in the audit log. */
export async function requestContext(): Promise<{ ip: string }> {
  const { headers } = await import("next/headers");
  return { ip: clientIp(await headers()) };
}
