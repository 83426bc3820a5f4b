import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";

/**
 * Safe retries: a POST sent with `Idempotency-Key` runs once per key and client (token, or user for
 * a session); the key and the first answer are kept in the database (every instance sees them)
 * for at least IDEMPOTENCY_TTL_HOURS. A retry with the same key and the same request gets the
 * first answer again; the same key with another request is a 422; a retry while the first is still
 * running is a 409 (try again in a moment). Answers of 5xx, 429 and 503 are not kept: the retry runs.
 */
export const IDEMPOTENCY_TTL_HOURS = 24;
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The same JSON value whatever the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const requestHash = (method: string, path: string, body: unknown) =>
  createHash("sha256").update(`${method} ${path}\n${canonical(body)}`).digest("base64url");

export type IdempotencyStart =
  | { kind: "new"; id: string }
  | { kind: "replay"; status: number; body: string; headers: Record<string, string> }
  | { kind: "mismatch" }
  | { kind: "running" };

/** Claims the key for this request, or finds what an earlier request with it did. */
export async function startIdempotent(owner: string, key: string, method: string, path: string, hash: string): Promise<IdempotencyStart> {
  // An expired key is free again.
  await rows(sql`delete from idempotency_keys where owner = ${owner} and key = ${key} and expires_at < now()`);
  if (Math.random() < 0.01) await rows(sql`delete from idempotency_keys where expires_at < now() - interval '1 hour'`);
  const [claimed] = await rows<{ id: string }>(sql`
    insert into idempotency_keys (owner, key, method, path, request_hash, expires_at)
    values (${owner}, ${key}, ${method}, ${path}, ${hash}, now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}))
    on conflict (owner, key) do nothing
    returning id`);
  if (claimed) return { kind: "new", id: claimed.id };
  const [found] = await rows<{ requestHash: string; status: number | null; responseBody: string | null; responseHeaders: Record<string, string> | string }>(sql`
    select request_hash, status, response_body, response_headers from idempotency_keys where owner = ${owner} and key = ${key}`);
  if (!found) return { kind: "running" };
  if (found.requestHash !== hash) return { kind: "mismatch" };
  if (found.status === null) return { kind: "running" };
  const headers = typeof found.responseHeaders === "string" ? (JSON.parse(found.responseHeaders) as Record<string, string>) : found.responseHeaders;
  return { kind: "replay", status: Number(found.status), body: found.responseBody ?? "", headers };
}

const KEPT_HEADERS = ["content-type", "etag", "location"];

/** Keeps the first answer (or frees the key when the answer should not be replayed). */
export async function finishIdempotent(id: string, response: Response) {
  if (response.status >= 500 || response.status === 429) {
    await rows(sql`delete from idempotency_keys where id = ${id}`);
    return;
  }
  const body = response.status === 204 ? "" : await response.clone().text();
  const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (response.headers.get(h) ? [[h, response.headers.get(h)!]] : [])));
  await rows(sql`update idempotency_keys set status = ${response.status}, response_body = ${body}, response_headers = ${JSON.stringify(headers)}::jsonb where id = ${id}`);
}

export async function abandonIdempotent(id: string) {
  await rows(sql`delete from idempotency_keys where id = ${id}`);
}
