import "server-only";
import { ssoSettings } from "./sso-settings";

type Discovery = { endSession: string | null; fetchedAt: number };
let cached: Discovery | undefined;
const TTL_MS = 10 * 60 * 1000;

/** The provider's end_session_endpoint from its discovery document (kept ten minutes; null when it has none or is unreachable). */
async function endSessionEndpoint(issuer: string): Promise<string | null> {
  if (cached && Date.now() - cached.fetchedAt < TTL_MS) return cached.endSession;
  try {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(3000), cache: "no-store" });
    const body = response.ok ? ((await response.json()) as { end_session_endpoint?: unknown }) : {};
    const endSession = typeof body.end_session_endpoint === "string" && /^https?:\/\//.test(body.end_session_endpoint) ? body.end_session_endpoint : null;
    cached = { endSession, fetchedAt: Date.now() };
    return endSession;
  } catch {
    return null;
  }
}

/**
 * Where a person who signed out of Rakor can also sign out of the identity provider (OpenID
 * Connect RP-initiated logout, identified by client_id), returning to Rakor's sign-in page. Null
 * when SSO is not configured or the provider has no end-session endpoint.
 */
export async function ssoLogoutUrl(appOrigin: string): Promise<string | null> {
  const settings = ssoSettings();
  if (!settings) return null;
  const endpoint = await endSessionEndpoint(settings.issuer);
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("client_id", settings.clientId);
  url.searchParams.set("post_logout_redirect_uri", `${appOrigin}/login`);
  return url.toString();
}
