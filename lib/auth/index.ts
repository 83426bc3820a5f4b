import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { eq, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { authConfig } from "./config";
import { hashPassword, verifyPassword } from "./password";
import { clientIp } from "./request-ip";
import { endSessionVersion } from "./revoke";
import { loginSchema } from "./schemas";
import { resolveSsoAccount } from "./sso-account";
import { ssoSettings, type SsoSettings } from "./sso-settings";
import { checkThrottle, clearFailedSignIns, recordFailedSignIn } from "./throttle";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

let dummyHash: Promise<string> | undefined;

/** Checks an email-or-NIP and password; counts failures for throttling. */
export async function verifyCredentials(raw: unknown, ip: string) {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { identifier, password } = parsed.data;
  const throttle = await checkThrottle(identifier, ip);
  if (throttle.blocked) throw new ThrottledSignIn();
  const [user] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.email}) = ${identifier.toLowerCase()}`, eq(users.nip, identifier)))
    .limit(1);
  // Verify against a dummy hash when there is no such user, so timing does not tell.
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !ok || !user.active) {
    await recordFailedSignIn(identifier, ip);
    return null;
  }
  await clearFailedSignIns(identifier, ip);
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * The ministry's OpenID Connect provider through Auth.js's OIDC support (discovery, PKCE, state,
 * nonce, ID token validation). The profile step matches the person to a Rakor account
 * (sso-account.ts); the signIn callback refuses one without.
 */
function ssoProvider(settings: SsoSettings): Provider {
  return {
    id: "sso",
    name: settings.name,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: settings.scope } },
    idToken: settings.claimsFrom === "id_token",
    async profile(claims: Record<string, unknown>) {
      const resolved = await resolveSsoAccount(claims, settings);
      if (!resolved.ok) return { id: String(claims.sub ?? ""), ssoRefusal: resolved.reason };
      const { user } = resolved;
      return { id: String(claims.sub ?? ""), rakorUserId: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
    },
  };
}

const sso = ssoSettings();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  events: {
    /**
     * Every way out through Auth.js — the app's button (lib/auth/session.ts) and a POST to
     * /api/auth/signout (its confirmation page's form) — ends the session in the database, not only
     * the cookie: a copy of the cookie then opens nothing, on any instance. Only the session the
     * cookie belongs to (its session version is still current) is ended; an old cookie ends nothing.
     */
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sub || typeof token.sv !== "number") return;
      await endSessionVersion(db, token.sub, token.sv);
    },
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      authorize: (credentials, request) => verifyCredentials(credentials, clientIp(request.headers)),
    }),
    ...(sso ? [ssoProvider(sso)] : []),
  ],
});
