import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/errors";
import { auth, signOut } from "./index";
import { loadUser } from "./load-user";
import { clientIp } from "./request-ip";
import { endUserSessions } from "./revoke";
import type { CurrentUser } from "./types";

/**
 * The signed-in user, re-checked against the database on every request: a deactivated user,
 * or one whose role, unit or password changed or who signed out (session version bumped), is
 * signed out at once. While the database is unreachable this throws DatabaseUnavailableError
 * (pages show the "try again in a moment" page, the API answers 503).
 */
export const getCurrentSession = cache(async (): Promise<{ user: CurrentUser; sessionVersion: number } | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  let loaded;
  try {
    loaded = await loadUser(session.user.id);
  } catch (e) {
    if (isDatabaseUnavailable(e)) throw new DatabaseUnavailableError(e);
    throw e;
  }
  if (!loaded || !loaded.active || loaded.sessionVersion !== session.sv) return null;
  return { user: loaded.user, sessionVersion: loaded.sessionVersion };
});

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => (await getCurrentSession())?.user ?? null);

/** For pages and server actions: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * Signs out for real: the session version is bumped first, so the cookie — or any copy of it —
 * no longer opens anything (the user's other sessions end too). Then the cookie is cleared.
 */
export async function signOutAndEndSessions(): Promise<never> {
  const [user, session] = [await getCurrentUser(), await auth()];
  if (user) await endUserSessions(db, user.id);
  // After single sign-on the sign-in page offers the provider's logout as well.
  const to = session?.sso ? "/login?signedOut=sso" : "/login";
  await signOut({ redirectTo: to });
  redirect(to);
}

/** Request facts a use case records in the audit log. */
export async function requestContext(): Promise<{ ip: string }> {
  const { headers } = await import("next/headers");
  return { ip: clientIp(await headers()) };
}
