import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { clientIp } from "@/lib/auth/request-ip";
import { checkThrottle } from "@/lib/auth/throttle";
import { problem } from "@/lib/api/problem";

/**
 * The request as the browser addressed it. Behind the Rakor server the URL a route handler sees
 * names the server's own hostname ("localhost"), while a sign-in started from a server action
 * names the Host the browser used; Auth.js must see one origin for both, or the SSO callback's
 * redirect_uri differs from the authorization request's (invalid_grant) and its cookies are not
 * found. Host the way Auth.js reads it for actions (X-Forwarded-Host, else Host); AUTH_URL, when
 * set, wins in both (next-auth applies it).
 */
function asAddressed(request: NextRequest): NextRequest {
  if (process.env.AUTH_URL || process.env.NEXTAUTH_URL) return request;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return request;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || request.nextUrl.protocol.replace(/:$/, "");
  const origin = `${proto === "https" ? "https" : "http"}://${host}`;
  if (origin === request.nextUrl.origin) return request;
  return new NextRequest(request.nextUrl.href.replace(request.nextUrl.origin, origin), request);
}

export const GET = (request: NextRequest) => handlers.GET(asAddressed(request));

/** Credentials posted straight to the auth endpoint are throttled too, answered with 429. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const identifier = String(form?.get("identifier") ?? "");
    const state = await checkThrottle(identifier, clientIp(request.headers));
    if (state.blocked) {
      const minutes = Math.ceil(state.retryAfterSeconds / 60);
      return problem(429, `Too many failed sign-ins. Try again in ${minutes} minutes.`, {}, { "Retry-After": String(state.retryAfterSeconds) });
    }
  }
  return handlers.POST(asAddressed(request));
}
