import { loadUser } from "@/lib/auth/load-user";
import { getCurrentUser } from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/auth/types";
import { hitTokenRateLimit } from "./rate-limit";
import { findApiToken } from "./tokens";

export type ApiAuth =
  | { ok: true; user: CurrentUser; via: "token" | "session" }
  | { ok: false; status: 401 | 403 | 429; detail: string; retryAfterSeconds?: number };

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A bearer token (acting with its owner's role and unit, rate limited per token), or the session
 * of a signed-in user — then an unsafe method needs a same-origin Origin header (CSRF).
 */
export async function authenticateApi(request: Request): Promise<ApiAuth> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match ? await findApiToken(match[1]!) : null;
    if (!token) return { ok: false, status: 401, detail: "The bearer token is unknown, revoked or expired." };
    const loaded = await loadUser(token.userId);
    if (!loaded?.active) return { ok: false, status: 401, detail: "The token's user is deactivated." };
    const rate = await hitTokenRateLimit(token.id);
    if (rate.limited) return { ok: false, status: 429, detail: "Too many requests for this token.", retryAfterSeconds: rate.retryAfterSeconds };
    return { ok: true, user: loaded.user, via: "token" };
  }
  const user = await getCurrentUser();
  if (!user) return { ok: false, status: 401, detail: "Sign in or send a bearer token." };
  if (!SAFE.has(request.method)) {
    const origin = request.headers.get("origin");
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (!origin || !host || new URL(origin).host !== host) {
      return { ok: false, status: 403, detail: "A request with a session cookie must come from this site (Origin header)." };
    }
  }
  return { ok: true, user, via: "session" };
}
