import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { clientIp } from "@/lib/auth/request-ip";
import { checkThrottle } from "@/lib/auth/throttle";
import { problem } from "@/lib/api/problem";

export const { GET } = handlers;

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
  return handlers.POST(request);
}
