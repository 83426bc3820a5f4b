import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_PATHS } from "@/lib/auth/public-paths";
import { ssoOrigin } from "@/lib/auth/sso-settings";
import { malformedActionReply } from "@/lib/action-reply";
import { allowedMethods, methodAllowed } from "@/lib/http-methods.mjs";

// The sign-in form may hand the browser over to the SSO provider (a form post redirected there).
const SSO_ORIGIN = ssoOrigin();

function contentSecurityPolicy(nonce: string) {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action 'self'${SSO_ORIGIN ? ` ${SSO_ORIGIN}` : ""}`,
    "object-src 'none'",
  ].join("; ");
}

/** Downloads (evidence, letters, exports, calendars): never a page, so sandboxed whatever they contain. */
const FILE_ROUTES = [/^\/follow-ups\/evidence\/[^/]+$/, /^\/follow-ups\/export$/, /^\/documents\/[^/]+\/[^/]+$/, /^\/calendar\/[^/]+$/];
const FILE_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

// The session cookie (also chunked, ".0", ".1"…, and with the __Secure- prefix over HTTPS).
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** Request bodies: JSON API calls up to 1 MB (lib/api/handler.ts), form posts (evidence uploads of 10 MB) up to 11 MB. */
const API_MAX_BODY = 1_000_000;
/** API operations that take more (lib/api/operations.ts maxBodyBytes): a personnel export. */
const API_LARGE_BODY: Record<string, number> = { "/api/v1/provisioning": 10_500_000 };
const FORM_MAX_BODY = 11 * 1024 * 1024;

/** HSTS when the public address is https (APP_URL): browsers then never fall back to http. */
function securityHeaders(response: NextResponse) {
  if (process.env.APP_URL?.startsWith("https://")) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

/**
 * A body too large is refused before it is read (413), with a message a person can act on: Next
 * would otherwise cut it off and fail with a 500 ("Unexpected end of form"). A form post without a
 * length (chunked) cannot be measured up front, and browsers never send one: 411.
 */
function bodyTooLarge(request: NextRequest, isApi: boolean): NextResponse | null {
  const apiMax = API_LARGE_BODY[request.nextUrl.pathname] ?? API_MAX_BODY;
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const length = request.headers.get("content-length");
  if (length === null) {
    if (!isApi && request.headers.get("transfer-encoding")) {
      return new NextResponse("Length Required: send the upload with a Content-Length.", { status: 411, headers: { "Content-Type": "text/plain" } });
    }
    return null;
  }
  const bytes = Number(length);
  if (isApi && bytes > apiMax) {
    return NextResponse.json(
      { type: "about:blank", title: "Content Too Large", status: 413, detail: `The body is larger than ${apiMax} bytes.` },
      { status: 413, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
    );
  }
  if (!isApi && bytes > FORM_MAX_BODY) {
    // Plain text: a server action's caller shows this text as the error.
    return new NextResponse("Unggahan terlalu besar: paling besar 10 MB. / The upload is too large: at most 10 MB.", {
      status: 413,
      headers: { "Content-Type": "text/plain" },
    });
  }
  return null;
}

/**
 * The proxy only sends visitors without a session cookie to sign-in, refuses bodies that are too
 * large and paths that cannot be decoded, and sets the CSP and HSTS. It does not decrypt the session (that costs more than the rest
 * of a small request): every page, action and route handler checks the user — session, activity
 * and permission — itself.
 */
/** A path that is not valid percent-encoding (/api/v1/meetings/%zz) names nothing: 404, not Next's 500. */
function undecodable(pathname: string, isApi: boolean): NextResponse | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return isApi
      ? NextResponse.json(
          { type: "about:blank", title: "Not Found", status: 404, detail: "The path is not valid percent-encoding." },
          { status: 404, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
        )
      : new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  }
}

/**
 * Methods: OPTIONS answers the path's `Allow`; a method the path does not answer (TRACE, CONNECT,
 * PUT on a page …) is 405 with `Allow` — before Next, which answered some of them with a 500.
 */
function methodRefused(request: NextRequest, pathname: string, isApi: boolean): NextResponse | null {
  const method = request.method.toUpperCase();
  const allow = allowedMethods(pathname);
  if (method === "OPTIONS") return new NextResponse(null, { status: 204, headers: { Allow: allow, "Cache-Control": "no-store" } });
  if (methodAllowed(pathname, method)) return null;
  return isApi
    ? NextResponse.json(
        { type: "about:blank", title: "Method Not Allowed", status: 405, detail: `This path answers ${allow}.` },
        { status: 405, headers: { Allow: allow, "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
      )
    : new NextResponse(`Method Not Allowed: this path answers ${allow}.`, { status: 405, headers: { Allow: allow, "Content-Type": "text/plain" } });
}

/**
 * A server action posted from another site (its Origin names another host than the one the
 * request was sent to): refused with 403 here — Next refuses it too, but as a 500. Without an
 * Origin (not a browser) Next's own checks apply.
 */
function crossSiteAction(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const origin = request.headers.get("origin");
  if (!origin) return null;
  let host: string | null = null;
  try {
    host = origin === "null" ? null : new URL(origin).host;
  } catch {
    host = null;
  }
  const expected = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0]!.trim().toLowerCase();
  if (host && host.toLowerCase() === expected) return null;
  return new NextResponse("Forbidden: a server action must come from this site.", { status: 403, headers: { "Content-Type": "text/plain" } });
}

/** Multipart action bodies larger than this are left to Next (uploads): parsing them twice costs memory. */
const ACTION_BODY_CHECK_LIMIT = 2 * 1024 * 1024;

/**
 * A server action call whose body Next cannot decode (not JSON, not an argument list, a reference
 * to a part the body does not have: lib/action-reply.ts) — refused with 400 here; Next answers 500.
 */
async function malformedAction(request: NextRequest): Promise<NextResponse | null> {
  const type = request.headers.get("content-type") ?? "";
  let problem: string | null;
  if (type.toLowerCase().startsWith("multipart/form-data")) {
    if (Number(request.headers.get("content-length") ?? Infinity) > ACTION_BODY_CHECK_LIMIT) return null;
    try {
      problem = malformedActionReply(await request.clone().formData());
    } catch {
      problem = "the body is not a multipart form";
    }
  } else {
    problem = malformedActionReply(await request.clone().text());
  }
  if (!problem) return null;
  console.warn(`[rakor] server action call refused: ${problem}`);
  return new NextResponse(`Bad Request: ${problem}.`, { status: 400, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}

/** The room screen opened with a screen link (issue 13): its token is the credential, checked by the page. */
const SCREEN_WITH_TOKEN = /^\/meetings\/[0-9a-f-]{36}\/screen$/i;

export default async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const isPublic =
    PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`)) || (SCREEN_WITH_TOKEN.test(pathname) && request.nextUrl.searchParams.has("token"));
  const isApi = pathname.startsWith("/api/");
  const malformed = undecodable(pathname, isApi);
  if (malformed) return securityHeaders(malformed);
  const wrongMethod = methodRefused(request, pathname, isApi);
  if (wrongMethod) return securityHeaders(wrongMethod);
  const crossSite = crossSiteAction(request);
  if (crossSite) return securityHeaders(crossSite);
  const refused = bodyTooLarge(request, isApi);
  if (refused) return securityHeaders(refused);
  // Only a server action call waits for its body to be read.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const bad = await malformedAction(request);
    if (bad) return securityHeaders(bad);
  }
  return pass(request, isPublic, isApi);
}

/** The request goes on: to sign-in without a session, else on with its security headers. */
function pass(request: NextRequest, isPublic: boolean, isApi: boolean): NextResponse {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (!hasSession && !isPublic && !isApi) {
    const url = new URL("/login", request.nextUrl);
    if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return securityHeaders(NextResponse.redirect(url));
  }
  if (FILE_ROUTES.some((r) => r.test(pathname))) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", FILE_CSP);
    return securityHeaders(response);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return securityHeaders(response);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
