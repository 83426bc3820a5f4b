import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/types";
import { AppError, ConflictError, DB_RETRY_AFTER_SECONDS, ValidationError, inputDbError, isDatabaseUnavailable } from "@/lib/errors";
import { createT } from "@/lib/i18n/translate";
import { authenticateApi } from "./authenticate";
import type { Operation } from "./operations";
import { problem } from "./problem";

export const MAX_BODY_BYTES = 1_000_000;
const en = createT("en");

type Ctx<Q, B> = { user: CurrentUser; query: Q; body: B; params: Record<string, string>; request: NextRequest };
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/** JSON with instants as ISO 8601 (UTC, "Z") and nothing else surprising; never stored by a cache. */
export function json(data: unknown, status = 200, headers: HeadersInit = {}) {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function validationProblem(fieldErrors: Record<string, string[]>, detail = "The request has invalid fields.") {
  const errors = Object.entries(fieldErrors).flatMap(([path, messages]) => messages.map((m) => ({ path, message: en(m) })));
  return problem(422, detail, { errors });
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
  handler: (ctx: Ctx<Infer<O["query"]>, Infer<O["body"]>>) => Promise<unknown>,
) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string>> }) => {
    try {
      const auth = await authenticateApi(request);
      if (!auth.ok) {
        return problem(auth.status, auth.detail, {}, auth.retryAfterSeconds ? { "Retry-After": String(auth.retryAfterSeconds) } : {});
      }
      let query: unknown = undefined;
      if (operation.query) {
        const raw = Object.fromEntries(request.nextUrl.searchParams.entries());
        const parsed = operation.query.safeParse(raw);
        if (!parsed.success) return validationProblem(fieldErrorsOf(parsed.error.issues), "The query has invalid parameters.");
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (operation.body) {
        const type = request.headers.get("content-type") ?? "";
        if (!/^application\/(.+\+)?json\b/i.test(type)) return problem(415, "Send the body as application/json.");
        const length = Number(request.headers.get("content-length") ?? 0);
        if (length > MAX_BODY_BYTES) return problem(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
        let text: string;
        try {
          text = await request.text();
        } catch {
          return problem(400, "The body could not be read.");
        }
        if (Buffer.byteLength(text) > MAX_BODY_BYTES) return problem(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          return problem(400, "The body is not valid JSON.");
        }
        const parsed = operation.body.safeParse(value);
        if (!parsed.success) return validationProblem(fieldErrorsOf(parsed.error.issues));
        body = parsed.data;
      }
      let params: Record<string, string>;
      try {
        params = await context.params;
      } catch {
        // A path segment that is not valid percent-encoding (/meetings/%zz) names nothing.
        return problem(404, "Not found.");
      }
      const result = await handler({ user: auth.user, query: query as never, body: body as never, params, request });
      if (result instanceof Response) return result;
      return json(result, operation.method === "POST" ? 201 : 200);
    } catch (e) {
      if (e instanceof ValidationError) return validationProblem(e.fieldErrors);
      if (e instanceof ConflictError) return problem(409, en(e.message), { current: e.current });
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
}
