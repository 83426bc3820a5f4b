import { NextResponse } from "next/server";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
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
