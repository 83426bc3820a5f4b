import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
    sv: number;
    /** Signed in through single sign-on (sign-out then offers the provider's logout). */
    sso?: boolean;
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
    /** SSO: the Rakor account the provider's person was matched to (Auth.js gives the profile a random id). */
    rakorUserId?: string;
    /** SSO: why the person was refused (lib/auth/sso-settings.ts SSO_REFUSALS). */
    ssoRefusal?: string;
  }
}


/** The part of the auth config that needs no database (used by the proxy too). */
export const authConfig = {
  trustHost: true,
  secret: authSecret(),
  // SSO problems (a refused person, a provider error) come back to the sign-in page with ?error=….
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  providers: [],
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  callbacks: {
    /** An SSO person without a matching active account is sent back to sign-in with the reason. */
    signIn({ user, account }) {
      if (account?.provider !== "sso") return true;
      return user.rakorUserId ? true : `/login?error=${encodeURIComponent(user.ssoRefusal ?? "SsoUnknown")}`;
    },
    /** The same token for both ways in: the Rakor user id, role and session version (checked on every request). */
    jwt({ token, user, account }) {
      if (user) {
        token.sub = user.rakorUserId ?? user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        if (account?.provider === "sso") token.sso = true;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      session.sv = Number(token.sv ?? 0);
      if (token.sso === true) session.sso = true;
      return session;
    },
  },
} satisfies NextAuthConfig;
