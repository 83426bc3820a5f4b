import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./index";
import { loadUser } from "./load-user";
import type { CurrentUser } from "./types";

/**
 * The signed-in user, re-checked against the database on every request: a deactivated user,
 * or one whose role, unit or password changed (session version bumped), is signed out at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const user = await loadUser(session.user.id);
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  const { active: _active, sessionVersion: _sv, ...current } = user;
  return current;
});

/** For pages and server actions: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
