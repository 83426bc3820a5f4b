import { ROLES } from "@/db/schema/_enums";

type Role = (typeof ROLES)[number];

/**
 * Single sign-on through the ministry's OpenID Connect provider, configured by environment
 * (README "Single sign-on"). No database here: the proxy (CSP) and the sign-in page read it too.
 */
export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button: "Masuk dengan SSO <name>". */
  name: string;
  scope: string;
  /** Where the claims are read: the userinfo endpoint (default) or the ID token alone. */
  claimsFrom: "userinfo" | "id_token";
  /** Claims that carry the NIP and the e-mail address (matched in that order). */
  nipClaim: string;
  emailClaim: string;
  nameClaim: string;
  /** Just-in-time creation of unknown people (off unless SSO_JIT=true). */
  jit: boolean;
  /** Claims naming the new person's unit (its code), role and position; the defaults when a claim is absent. */
  unitClaim: string;
  roleClaim: string;
  positionClaim: string;
  jitDefaultRole: Role;
  jitDefaultUnit: string | null;
};

const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);

/** The settings, or null when SSO is not configured (issuer, client id and secret all needed). */
export function ssoSettings(env: Record<string, string | undefined> = process.env): SsoSettings | null {
  const issuer = env.SSO_ISSUER?.trim();
  const clientId = env.SSO_CLIENT_ID?.trim();
  const clientSecret = env.SSO_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  const role = env.SSO_JIT_DEFAULT_ROLE?.trim() ?? "participant";
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret,
    name: env.SSO_NAME?.trim() || "SSO",
    scope: env.SSO_SCOPE?.trim() || "openid profile email",
    claimsFrom: env.SSO_CLAIMS_FROM?.trim() === "id_token" ? "id_token" : "userinfo",
    nipClaim: env.SSO_NIP_CLAIM?.trim() || "nip",
    emailClaim: env.SSO_EMAIL_CLAIM?.trim() || "email",
    nameClaim: env.SSO_NAME_CLAIM?.trim() || "name",
    jit: env.SSO_JIT === "true",
    unitClaim: env.SSO_UNIT_CLAIM?.trim() || "unit_code",
    roleClaim: env.SSO_ROLE_CLAIM?.trim() || "rakor_role",
    positionClaim: env.SSO_POSITION_CLAIM?.trim() || "jabatan",
    jitDefaultRole: isRole(role) ? role : "participant",
    jitDefaultUnit: env.SSO_JIT_DEFAULT_UNIT?.trim() || null,
  };
}

/** The provider's origin (the CSP lets the sign-in form hand over to it). */
export function ssoOrigin(settings = ssoSettings()): string | null {
  if (!settings) return null;
  try {
    return new URL(settings.issuer).origin;
  } catch {
    return null;
  }
}

/** Why an SSO sign-in was refused; the sign-in page shows the matching message (/login?error=…). */
export const SSO_REFUSALS = ["SsoUnknown", "SsoInactive", "SsoNoIdentity", "SsoJitFailed"] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];
