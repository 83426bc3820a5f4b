"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { signIn } from "@/lib/auth";
import { clientIp } from "@/lib/auth/request-ip";
import { loginSchema } from "@/lib/auth/schemas";
import { ssoSettings } from "@/lib/auth/sso-settings";
import { checkThrottle } from "@/lib/auth/throttle";
import { actionError, type ActionState } from "@/lib/action-result";
import { isDatabaseUnavailable, zodFieldErrors } from "@/lib/errors";
import { arg, serverAction } from "@/lib/server-action";

function safeCallback(url: unknown): string {
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export const signInAction = serverAction([arg.values, arg.values], async function signInAction(values, callbackUrl): Promise<ActionState> {
  const parsed = loginSchema.safeParse(values);
  if (!parsed.success) return { ok: false, status: 422, message: "errors.fixFields", fieldErrors: zodFieldErrors(parsed.error.issues) };
  const ip = clientIp(await headers());
  const throttled = async (): Promise<ActionState | null> => {
    const state = await checkThrottle(parsed.data.identifier, ip);
    return state.blocked
      ? { ok: false, status: 429, message: `auth.throttled|${Math.max(1, Math.ceil(state.retryAfterSeconds / 60))}` }
      : null;
  };
  try {
    const before = await throttled();
    if (before) return before;
    try {
      await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(callbackUrl) });
    } catch (e) {
      if (e instanceof AuthError && !isDatabaseUnavailable(e)) return (await throttled()) ?? { ok: false, status: 401, message: "auth.wrong" };
      throw e;
    }
  } catch (e) {
    unstable_rethrow(e); // the redirect after a successful sign-in
    // The database unreachable (503) or refusing the input: a message, never a 500.
    return actionError(e);
  }
  return { ok: true };
});

/** "Masuk dengan SSO": hands the browser to the identity provider (Auth.js builds the request: PKCE, state, nonce). */
export const ssoSignInAction = serverAction([arg.values], async function ssoSignInAction(callbackUrl) {
  if (!ssoSettings()) return;
  await signIn("sso", { redirectTo: safeCallback(callbackUrl) });
}, undefined);
