import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
    sv: number;
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}


/** The part of the auth config that needs no database (used by the proxy too). */
export const authConfig = {
  trustHost: true,
  secret: authSecret(),
  pages: { signIn: "/login" },
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
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      session.sv = Number(token.sv ?? 0);
      return session;
    },
  },
} satisfies NextAuthConfig;
