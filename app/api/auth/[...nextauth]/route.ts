import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { clientIp } from "@/lib/auth/request-ip";
import { checkThrottle } from "@/lib/auth/throttle";
import { problem } from "@/lib/api/problem";

/**
 * The request as the browser addressed it. A sign-in started from a server action names the Host
 * the browser used (Auth.js reads X-Forwarded-Host, else Host), but a route handler's NextRequest
 * URL rewrites a loopback host (127.0.0.1, [::1]) to "localhost": the SSO callback's redirect_uri
 * then differs from the authorization request's (the provider answers invalid_grant) and the
 * browser lands on another origin without its cookies. So Auth.js gets a plain Request with the
 * origin read the same way as for actions. AUTH_URL, when set, wins in both (next-auth applies it).
 */
async function asAddressed(request: NextRequest): Promise<NextRequest> {
  if (process.env.AUTH_URL || process.env.NEXTAUTH_URL) return request;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return request;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || request.nextUrl.protocol.replace(/:$/, "");
  const url = `${proto === "https" ? "https" : "http"}://${host}${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (url === request.url) return request;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  // Auth.js reads only the standard Request API (url, method, headers, body).
  return new Request(url, { method: request.method, headers: request.headers, body }) as NextRequest;
}

export const GET = async (request: NextRequest) => handlers.GET(await asAddressed(request));

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
  return handlers.POST(await asAddressed(request));
}
