import { loadUser } from "@/lib/auth/load-user";
import { getCurrentUser } from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/auth/types";
import { hitTokenRateLimit, hitUserRateLimit, type RateState } from "./rate-limit";
import { findApiToken } from "./tokens";

export type ApiAuth =
  | { ok: true; user: CurrentUser; via: "token" | "session"; tokenId: string | null; rate: RateState }
  | { ok: false; status: 401 | 403 | 429; detail: string; retryAfterSeconds?: number; rate?: RateState };

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
/** The session cookie (also chunked ".0", ".1"…, and with the __Secure- prefix over HTTPS). */
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?authjs\.session-token(\.\d+)?=/;

/**
 * Whether an unsafe request with a session cookie comes from this site: its Origin must be the
 * origin of APP_URL, or — when APP_URL is unset — name the host the request was sent to (Host).
 * X-Forwarded-Host is never consulted: a client can write it. A missing, "null" or malformed
 * Origin is refused.
 */
export function sameOrigin(headers: Headers, appUrl = process.env.APP_URL): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (appUrl) {
    try {
      return url.origin === new URL(appUrl).origin;
    } catch {
      return false;
    }
  }
  const host = headers.get("host");
  return !!host && url.host === host.toLowerCase();
}

/**
 * A bearer token (acting with its owner's role and unit, rate limited per token), or the session
 * of a signed-in user (rate limited per user; an unsafe method needs a same-origin Origin, CSRF).
 */
export async function authenticateApi(request: Request): Promise<ApiAuth> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
    const token = match ? await findApiToken(match[1]!) : null;
    if (!token) return { ok: false, status: 401, detail: "The bearer token is unknown, revoked or expired." };
    const loaded = await loadUser(token.userId);
    if (!loaded?.active) return { ok: false, status: 401, detail: "The token's user is deactivated." };
    const rate = await hitTokenRateLimit(token.id);
    if (rate.limited) return { ok: false, status: 429, detail: "Too many requests for this token.", retryAfterSeconds: rate.retryAfterSeconds, rate };
    return { ok: true, user: loaded.user, via: "token", tokenId: token.id, rate };
  }
  // No session cookie: nothing to decrypt or look up.
  const user = SESSION_COOKIE.test(request.headers.get("cookie") ?? "") ? await getCurrentUser() : null;
  if (!user) return { ok: false, status: 401, detail: "Sign in or send a bearer token." };
  if (!SAFE.has(request.method) && !sameOrigin(request.headers)) {
    return { ok: false, status: 403, detail: "A request with a session cookie must come from this site (Origin header)." };
  }
  const rate = await hitUserRateLimit(user.id);
  if (rate.limited) return { ok: false, status: 429, detail: "Too many requests for this user.", retryAfterSeconds: rate.retryAfterSeconds, rate };
  return { ok: true, user, via: "session", tokenId: null, rate };
}
