import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/types";
import { AppError, ConflictError, ValidationError, pgError } from "@/lib/errors";
import { createT } from "@/lib/i18n/translate";
import { authenticateApi } from "./authenticate";
import type { Operation } from "./operations";
import { problem } from "./problem";

export const MAX_BODY_BYTES = 1_000_000;
const en = createT("en");

type Ctx<Q, B> = { user: CurrentUser; query: Q; body: B; params: Record<string, string>; request: NextRequest };
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/** JSON with instants as ISO 8601 (UTC, "Z") and nothing else surprising. */
export function json(data: unknown, status = 200, headers: HeadersInit = {}) {
  return Response.json(data, { status, headers });
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
        const text = await request.text();
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
      const params = await context.params;
      const result = await handler({ user: auth.user, query: query as never, body: body as never, params, request });
      if (result instanceof Response) return result;
      return json(result, operation.method === "POST" ? 201 : 200);
    } catch (e) {
      if (e instanceof ValidationError) return validationProblem(e.fieldErrors);
      if (e instanceof ConflictError) return problem(409, en(e.message), { current: e.current });
      if (e instanceof AppError) return problem(e.status, en(e.message));
      const pg = pgError(e);
      if (pg?.code === "22P02" || pg?.code === "23503") return problem(422, "A referenced record does not exist or an id is malformed.");
      console.error("[rakor] API error", e);
      return problem(500, "Unexpected error.");
    }
  };
}
