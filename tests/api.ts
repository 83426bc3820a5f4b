import { NextRequest } from "next/server";
import { createApiToken } from "@/lib/api/tokens";
import type { CurrentUser } from "@/lib/auth/types";

/**
 * Calls the real /api/v1 route handlers in-process (the same modules Next serves), against the
 * test database, authenticated with a bearer token. Fast enough for a thousand requests.
 */
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", Handler>>;

export const ROUTES: Record<string, () => Promise<RouteModule>> = {
  "/me": () => import("@/app/api/v1/me/route"),
  "/tokens": () => import("@/app/api/v1/tokens/route"),
  "/tokens/{id}": () => import("@/app/api/v1/tokens/[id]/route"),
  "/work-units": () => import("@/app/api/v1/work-units/route"),
  "/categories": () => import("@/app/api/v1/categories/route"),
  "/meetings": () => import("@/app/api/v1/meetings/route"),
  "/meetings/{id}": () => import("@/app/api/v1/meetings/[id]/route"),
  "/meetings/{id}/transitions": () => import("@/app/api/v1/meetings/[id]/transitions/route"),
  "/meetings/{id}/agenda-items": () => import("@/app/api/v1/meetings/[id]/agenda-items/route"),
  "/agenda-items/{id}": () => import("@/app/api/v1/agenda-items/[id]/route"),
  "/meetings/{id}/speakers": () => import("@/app/api/v1/meetings/[id]/speakers/route"),
  "/meetings/{id}/invitations": () => import("@/app/api/v1/meetings/[id]/invitations/route"),
  "/invitations/{id}": () => import("@/app/api/v1/invitations/[id]/route"),
  "/meetings/{id}/attendances": () => import("@/app/api/v1/meetings/[id]/attendances/route"),
  "/meetings/{id}/attendance-summary": () => import("@/app/api/v1/meetings/[id]/attendance-summary/route"),
  "/meetings/{id}/minutes": () => import("@/app/api/v1/meetings/[id]/minutes/route"),
  "/meetings/{id}/decisions": () => import("@/app/api/v1/meetings/[id]/decisions/route"),
  "/meetings/{id}/minutes/transitions": () => import("@/app/api/v1/meetings/[id]/minutes/transitions/route"),
  "/meetings/{id}/letters": () => import("@/app/api/v1/meetings/[id]/letters/route"),
  "/letters": () => import("@/app/api/v1/letters/route"),
  "/letters/{id}/pdf": () => import("@/app/api/v1/letters/[id]/pdf/route"),
  "/action-items": () => import("@/app/api/v1/action-items/route"),
  "/action-items/{id}": () => import("@/app/api/v1/action-items/[id]/route"),
  "/action-items/{id}/updates": () => import("@/app/api/v1/action-items/[id]/updates/route"),
  "/dashboard/follow-ups": () => import("@/app/api/v1/dashboard/follow-ups/route"),
  "/meetings/{id}/documents/{kind}": () => import("@/app/api/v1/meetings/[id]/documents/[kind]/route"),
  "/provisioning": () => import("@/app/api/v1/provisioning/route"),
  "/speakers/{id}": () => import("@/app/api/v1/speakers/[id]/route"),
  "/decisions/{id}": () => import("@/app/api/v1/decisions/[id]/route"),
  "/attendances/{id}": () => import("@/app/api/v1/attendances/[id]/route"),
  "/people": () => import("@/app/api/v1/people/route"),
  "/events": () => import("@/app/api/v1/events/route"),
  "/webhooks": () => import("@/app/api/v1/webhooks/route"),
  "/webhooks/{id}": () => import("@/app/api/v1/webhooks/[id]/route"),
  "/webhooks/{id}/deliveries": () => import("@/app/api/v1/webhooks/[id]/deliveries/route"),
  "/webhook-deliveries/{id}/redeliveries": () => import("@/app/api/v1/webhook-deliveries/[id]/redeliveries/route"),
};

export type ApiCall = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  params?: Record<string, string>;
  query?: string;
  token?: string | null;
  /** A value sent as JSON, or a string sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
};

export type ApiResult = { status: number; contentType: string; headers: Headers; json: Record<string, unknown> | null };

export async function callApi(call: ApiCall): Promise<ApiResult> {
  const load = ROUTES[call.path];
  if (!load) throw new Error(`no route ${call.path}`);
  const handler = (await load())[call.method];
  if (!handler) throw new Error(`no ${call.method} ${call.path}`);
  const params = call.params ?? {};
  const path = call.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ""));
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization ??= `Bearer ${call.token}`;
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new NextRequest(`http://rakor.test/api/v1${path}${call.query ? `?${call.query}` : ""}`, { method: call.method, headers, body });
  const response = await handler(request, { params: Promise.resolve(params) });
  const contentType = response.headers.get("content-type") ?? "";
  const text = response.status === 204 ? "" : await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  return { status: response.status, contentType, headers: response.headers, json };
}

/** A bearer token for a test user. */
export async function tokenOf(user: CurrentUser) {
  return (await createApiToken(user, { name: `test ${user.id.slice(0, 8)}` })).token;
}

export const isoIn = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00:00+07:00`;
};
