import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/types";
import { AppError, ConflictError, DB_RETRY_AFTER_SECONDS, ValidationError, inputDbError, isDatabaseUnavailable } from "@/lib/errors";
import { createT } from "@/lib/i18n/translate";
import { versionFromIfMatch } from "@/lib/input";
import { ConflictsNeedAcknowledgement, type Conflict } from "@/lib/meetings/find-conflicts";
import { WritersBusyError, withWriteSlot } from "@/lib/write-slots";
import { authenticateApi } from "./authenticate";
import type { Operation } from "./operations";
import { abandonIdempotent, finishIdempotent, IDEMPOTENCY_KEY, requestHash, startIdempotent } from "./idempotency";
import { problem } from "./problem";
import type { RateState } from "./rate-limit";

type RouteState = { rate: RateState | null; idempotencyId: string | null };

/**
 * The client's budget on every response, as the IETF draft "RateLimit header fields for HTTP"
 * writes it: `RateLimit-Policy: "minute";q=600;w=60` (600 requests per 60-second window) and
 * `RateLimit: "minute";r=412;t=37` (412 left, the window resets in 37 seconds).
 */
export function withRateHeaders(response: Response, rate: RateState | null): Response {
  if (!rate) return response;
  try {
    response.headers.set("RateLimit-Policy", `"minute";q=${rate.limit};w=60`);
    response.headers.set("RateLimit", `"minute";r=${rate.remaining};t=${rate.retryAfterSeconds}`);
    return response;
  } catch {
    // Immutable headers (a Response.json of the platform): copy it.
    const copy = new Response(response.body, response);
    copy.headers.set("RateLimit-Policy", `"minute";q=${rate.limit};w=60`);
    copy.headers.set("RateLimit", `"minute";r=${rate.remaining};t=${rate.retryAfterSeconds}`);
    return copy;
  }
}

const opaqueTag = (tag: string) => tag.trim().replace(/^W\//, "");

/**
 * Conditional GET: every 200 carries an ETag (the record's version, or for lists and expanded
 * reads a tag of the body); If-None-Match naming it answers 304 without a body.
 */
async function conditional(request: NextRequest, response: Response): Promise<Response> {
  if (!(response.headers.get("content-type") ?? "").includes("json")) return response;
  // A read's tag covers the whole body (a meeting's updatedAt moves with its agenda, and
  // ?include= adds its parts); a versioned record's keeps its version in front, so the tag
  // still works as If-Match: W/"3-<hash>".
  const text = await response.clone().text();
  const hash = createHash("sha256").update(text).digest("base64url").replace(/-/g, "_").slice(0, 22);
  const version = versionFromIfMatch(response.headers.get("etag"));
  const etag = version === null ? `W/"h${hash}"` : `W/"${version}-${hash}"`;
  response = new Response(text, response);
  response.headers.set("ETag", etag);
  const ifNoneMatch = request.headers.get("if-none-match");
  if (!ifNoneMatch) return response;
  const wanted = ifNoneMatch.split(",").map(opaqueTag);
  if (!wanted.includes("*") && !wanted.includes(opaqueTag(etag))) return response;
  return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": "no-store" } });
}

export const MAX_BODY_BYTES = 1_000_000;
const en = createT("en");

type Ctx<Q, B> = {
  user: CurrentUser;
  query: Q;
  body: B;
  params: Record<string, string>;
  request: NextRequest;
  /** The version the client edited: If-Match, else the body's `version`; 428 when neither is sent. */
  version: () => number;
  /** The same, or null when neither is sent (a write that is versioned only when its record exists). */
  versionIfSent: () => number | null;
};

/** The client sent no version to check: the write does not proceed (428). */
export class PreconditionRequired extends AppError {
  constructor() {
    super(422, "Send the version you edited: If-Match: W/\"<version>\" (or `version` in the body).");
  }
}

/** The query parameters an operation takes (the keys of its query schema). */
export function queryNames(operation: Operation): Set<string> {
  const shape = (operation.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return new Set(shape ? Object.keys(shape) : []);
}

/** A weak ETag from a record's version. */
export const etagOf = (version: number) => `W/"${version}"`;

/**
 * Field names of the use cases → the API's public names (a guest's `guestName` is `name`, a
 * speaker's `sortOrder` is `order`, the unit picked for an invitation is `workUnitId`).
 */
const PUBLIC_PATH: Record<string, string> = {
  guestName: "name",
  guestPosition: "position",
  guestOrganization: "organization",
  sortOrder: "order",
  unitIds: "workUnitId",
  _form: "(body)",
};
export function publicPath(path: string): string {
  const [head, ...rest] = path.split(".");
  const mapped = PUBLIC_PATH[head!];
  if (!mapped) return path;
  // "unitIds.0" names the one unit the API takes.
  return head === "unitIds" ? mapped : [mapped, ...rest].join(".");
}

const conflictJson = (c: Conflict) => ({
  kind: c.kind,
  meetingId: c.meetingId,
  title: c.title,
  startsAt: c.startsAt.toISOString(),
  endsAt: c.endsAt.toISOString(),
  timeZone: c.timeZone,
  subject: c.subject,
  ...(c.suggestion ? { suggestion: c.suggestion } : {}),
});
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
/**
 * What a handler may return, checked at compile time against the operation's response schema
 * (the one the document publishes): its output type, or a Response it built itself.
 */
export type HandlerResult<O extends Operation> = O extends { response: infer R extends z.ZodType } ? z.output<R> | Response : Response | void;

/** JSON with instants as ISO 8601 (UTC, "Z") and nothing else surprising; never stored by a cache. */
export function json(data: unknown, status = 200, headers: HeadersInit = {}) {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function validationProblem(fieldErrors: Record<string, string[]>, detail = "The request has invalid fields.", extra: Record<string, unknown> = {}, status: 409 | 422 = 422) {
  const seen = new Set<string>();
  const errors = Object.entries(fieldErrors)
    .flatMap(([path, messages]) => messages.map((m) => ({ path: publicPath(path), message: en(m) })))
    .filter((e) => {
      const key = `${e.path}\u0000${e.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  return problem(status, detail, { errors, ...extra });
}

function fieldErrorsOf(issues: readonly { path: PropertyKey[]; message: string }[]) {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[issue.path.map(String).join(".") || "(body)"] ??= []).push(issue.message);
  return out;
}

/**
 * A thin route handler: authenticate → parse query/body with the operation's zod schemas →
 * call a lib use case → JSON. Expected problems become RFC 9457 problem+json, never a 500.
 */
export function apiRoute<O extends Operation>(
  operation: O,
  handler: (ctx: Ctx<Infer<O["query"]>, Infer<O["body"]>>) => Promise<HandlerResult<O>>,
) {
  const handle = async (request: NextRequest, context: { params: Promise<Record<string, string>> }, state: RouteState): Promise<Response> => {
    const arrived = Date.now();
    let versionSource: "if-match" | "body" | null = null;
    try {
      const auth = await authenticateApi(request);
      if (auth.rate) state.rate = auth.rate;
      if (!auth.ok) {
        const headers: Record<string, string> = auth.retryAfterSeconds ? { "Retry-After": String(auth.retryAfterSeconds) } : {};
        if (auth.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="rakor"';
        return problem(auth.status, auth.detail, {}, headers);
      }
      state.rate = auth.rate;
      // A parameter the operation does not have is refused by name (a typo must not return everything).
      const known = queryNames(operation);
      const unknown = [...new Set(request.nextUrl.searchParams.keys())].filter((k) => !known.has(k));
      if (unknown.length > 0) {
        return problem(400, `Unknown query parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`, {
          errors: unknown.map((name) => ({ path: name, message: known.size ? `Not a parameter of this operation (it takes ${[...known].join(", ")}).` : "This operation takes no query parameters." })),
        });
      }
      let query: unknown = undefined;
      if (operation.query) {
        const raw = Object.fromEntries(request.nextUrl.searchParams.entries());
        const parsed = operation.query.safeParse(raw);
        if (!parsed.success) return validationProblem(fieldErrorsOf(parsed.error.issues), "The query has invalid parameters.");
        query = parsed.data;
      }
      let body: unknown = undefined;
      let rawBody: unknown = undefined;
      if (operation.body) {
        const type = request.headers.get("content-type") ?? "";
        if (!/^application\/(.+\+)?json\b/i.test(type)) return problem(415, "Send the body as application/json.");
        const max = operation.maxBodyBytes ?? MAX_BODY_BYTES;
        const length = Number(request.headers.get("content-length") ?? 0);
        if (length > max) return problem(413, `The body is larger than ${max} bytes.`);
        let text: string;
        try {
          text = await request.text();
        } catch {
          return problem(400, "The body could not be read.");
        }
        if (Buffer.byteLength(text) > max) return problem(413, `The body is larger than ${max} bytes.`);
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          return problem(400, "The body is not valid JSON.");
        }
        const parsed = operation.body.safeParse(value);
        if (!parsed.success) return validationProblem(fieldErrorsOf(parsed.error.issues));
        body = parsed.data;
        rawBody = value;
      }
      // Safe retries: a POST with Idempotency-Key runs once; a retry gets the first answer.
      const idempotencyKey = request.headers.get("idempotency-key");
      if (idempotencyKey !== null && request.method === "POST") {
        if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
          return problem(400, "Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good key).", { errors: [{ path: "Idempotency-Key", message: "1 to 255 visible ASCII characters." }] });
        }
        const owner = auth.tokenId ? `token:${auth.tokenId}` : `user:${auth.user.id}`;
        const started = await startIdempotent(owner, idempotencyKey, request.method, request.nextUrl.pathname, requestHash(request.method, request.nextUrl.pathname, rawBody ?? null));
        if (started.kind === "mismatch") {
          return problem(422, "This Idempotency-Key was used with another request (method, path or body): use a new key for a new request.", {
            errors: [{ path: "Idempotency-Key", message: "Already used with another request." }],
          });
        }
        if (started.kind === "running") return problem(409, "A request with this Idempotency-Key is still running; try again in a moment.", {}, { "Retry-After": "1" });
        if (started.kind === "replay") {
          return new Response(started.body || null, { status: started.status, headers: { "Cache-Control": "no-store", ...started.headers, "Idempotent-Replayed": "true" } });
        }
        state.idempotencyId = started.id;
      }
      let params: Record<string, string>;
      try {
        params = await context.params;
      } catch {
        // A path segment that is not valid percent-encoding (/meetings/%zz) names nothing.
        return problem(404, "Not found.");
      }
      const version = () => {
        const header = request.headers.get("if-match");
        if (header !== null) {
          const n = versionFromIfMatch(header);
          if (n === null) throw new ValidationError({ "If-Match": ["If-Match must be a version from 0 to 2147483647, e.g. W/\"3\"."] });
          versionSource = "if-match";
          return n;
        }
        const fromBody = (body as { version?: unknown } | undefined)?.version;
        if (typeof fromBody === "number") {
          versionSource = "body";
          return fromBody;
        }
        throw new PreconditionRequired();
      };
      const versionIfSent = () => {
        try {
          return version();
        } catch (e) {
          if (e instanceof PreconditionRequired) return null;
          throw e;
        }
      };
      const run = () => handler({ user: auth.user, query: query as never, body: body as never, params, request, version, versionIfSent });
      // Writes take a turn among this instance's writers (lib/write-slots.ts): a locked row cannot starve the reads.
      const result = request.method === "GET" || request.method === "HEAD" ? await run() : await withWriteSlot(request.nextUrl.pathname, run, arrived);
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
      const headers: Record<string, string> = {};
      const v = (result as { version?: unknown }).version;
      if (typeof v === "number" && !("items" in (result as object))) headers.ETag = etagOf(v);
      return json(result, operation.created ? 201 : 200, headers);
    } catch (e) {
      if (e instanceof PreconditionRequired) return problem(428, e.message);
      if (e instanceof ConflictsNeedAcknowledgement) {
        return validationProblem(e.fieldErrors, "Other meetings overlap: send acknowledgeConflicts: true to go ahead.", { conflicts: e.conflicts.map(conflictJson) });
      }
      // A field whose value another record holds (a letter number the office gave already): 409, naming the field.
      if (e instanceof ValidationError) return e.status === 409 ? validationProblem(e.fieldErrors, en(e.message), {}, 409) : validationProblem(e.fieldErrors);
      if (e instanceof ConflictError) {
        const stale = versionSource === "if-match" ? 412 : 409;
        const v = (e.current as { version?: unknown } | null)?.version;
        return problem(
          stale,
          stale === 412 ? "The record changed since the version in If-Match; here it is as it is now." : en(e.message),
          { current: e.current },
          typeof v === "number" ? { ETag: etagOf(v) } : {},
        );
      }
      if (e instanceof WritersBusyError) return problem(503, en(e.message), {}, { "Retry-After": String(DB_RETRY_AFTER_SECONDS) });
      if (e instanceof AppError) return problem(e.status, en(e.message));
      if (isDatabaseUnavailable(e)) {
        console.error("[rakor] API: database unavailable", (e as Error)?.message);
        return problem(503, "The database is unavailable for a moment. Try again shortly.", {}, { "Retry-After": String(DB_RETRY_AFTER_SECONDS) });
      }
      const input = inputDbError(e);
      if (input) {
        // Input the schemas let through but the database refused: the client's problem, not a 500.
        console.warn(`[rakor] API refused input (PostgreSQL ${input.code})`);
        if (input.code === "22P02" || input.code === "23503") return problem(422, "A referenced record does not exist or an id is malformed.");
        return problem(input.status, input.status === 409 ? "The record already exists or was changed at the same time; reload and try again." : "A value is out of range or not allowed.");
      }
      console.error("[rakor] API error", e);
      return problem(500, "Unexpected error.");
    }
  };
  return async (request: NextRequest, context: { params: Promise<Record<string, string>> }) => {
    const state: RouteState = { rate: null, idempotencyId: null };
    let response: Response;
    try {
      response = await handle(request, context, state);
    } catch (e) {
      if (state.idempotencyId) await abandonIdempotent(state.idempotencyId).catch(() => {});
      throw e;
    }
    if (state.idempotencyId) await finishIdempotent(state.idempotencyId, response);
    if (request.method === "GET" && response.status === 200) response = await conditional(request, response);
    return withRateHeaders(response, state.rate);
  };
}
