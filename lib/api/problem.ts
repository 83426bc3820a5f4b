import { NextResponse } from "next/server";

export const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** An RFC 9457 problem response (never cached). */
export function problem(status: number, detail: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}) {
  return NextResponse.json(
    { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, ...extra },
    { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers } },
  );
}

/** 405 with the methods the path does answer (route files export the rest as this). */
export function methodNotAllowed(allow: string) {
  const handler = async () => problem(405, `This path answers ${allow}.`, {}, { Allow: allow });
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
