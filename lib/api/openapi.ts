import { z } from "zod";
import { MEETING_FILES } from "@/lib/documents/render";
import { operations, type Operation, type OperationId } from "./operations";
import { exampleOf, REQUEST_EXAMPLES } from "./examples";
import { TITLES } from "./problem";
import { apiSchemas } from "./resources";

/**
 * The OpenAPI 3.1 document, generated: request bodies and query parameters from the zod schemas
 * the handlers validate with (io "input"), response bodies from the output schemas the
 * serializers are typed with (lib/api/resources.ts, io "output"), and every status a handler can
 * answer, problem+json included.
 */

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const toSchema = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

/** The id a schema has in the registry (every response schema has one). */
const idOf = (schema: z.ZodType) => {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error("A response schema must be registered in lib/api/resources.ts");
  return id;
};

/** Components: every registered output schema, nested ones as $refs. */
function componentSchemas(): Record<string, Record<string, unknown>> {
  const out = z.toJSONSchema(apiSchemas, { target: "draft-2020-12", io: "output", uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  for (const s of Object.values(out.schemas)) {
    delete s.$schema;
    delete s.$id;
    delete s.id;
  }
  return out.schemas;
}

/** A versioned write, or one that is versioned when its record exists (a staff member's attendance). */
const checksVersion = (op: Operation) => !!(op.versioned || op.conditional);

const VERSIONED = new Set(["Meeting", "AgendaItem", "Speaker", "Invitation", "Attendance", "Decision", "Minutes", "ActionItem"]);

const headers = {
  ETag: { description: "The record's version as a weak tag (W/\"3\"); send it back as If-Match.", schema: { type: "string", pattern: '^W/"\\d+"$' } },
  RetryAfter: { description: "Seconds to wait before trying again.", schema: { type: "string", pattern: "^\\d+$" } },
  WWWAuthenticate: { description: "Bearer: send Authorization: Bearer <token>.", schema: { type: "string" } },
  RateLimitPolicy: {
    description: 'The client\'s quota, as the IETF draft "RateLimit header fields for HTTP" writes it: `"minute";q=600;w=60` is 600 requests per 60-second window, per token (or per user with a session). Sent on every response of an authenticated request.',
    schema: { type: "string", pattern: '^"minute";q=\\d+;w=60$' },
    example: '"minute";q=600;w=60',
  },
  RateLimit: {
    description: 'What is left of the quota: `"minute";r=412;t=37` is 412 requests left, the window resets in 37 seconds. Sent on every response of an authenticated request.',
    schema: { type: "string", pattern: '^"minute";r=\\d+;t=\\d+$' },
    example: '"minute";r=412;t=37',
  },
  IdempotentReplayed: { description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.", schema: { type: "string", enum: ["true"] } },
  ContentETag: {
    description:
      "A tag of the body: W/\"<version>-<hash>\" for a versioned record (usable as If-Match: it names the version), W/\"h<hash>\" for a list. Send it as If-None-Match to get 304 when nothing changed.",
    schema: { type: "string", pattern: '^W/"(\\d{1,10}-[A-Za-z0-9_]+|h[A-Za-z0-9_]+)"$' },
  },
};
const rateHeaders = { "RateLimit-Policy": { $ref: "#/components/headers/RateLimitPolicy" }, RateLimit: { $ref: "#/components/headers/RateLimit" } };

const problemContent = (schema: Record<string, unknown> = ref("Problem")) => ({ "application/problem+json": { schema } });

const PROBLEM_TEXT: Record<number, string> = {
  400: "Bad request: an unknown query parameter (`errors` names each), a body that is not JSON, or a cursor that is not one of this list's (filters and limit included).",
  401: "No valid credentials.",
  403: "Not allowed for this user.",
  404: "Not found, or not visible to this user.",
  409: "Conflict: the record already exists, or the body's `version` is stale (`current` is the record as it is now).",
  412: "The If-Match version is stale (`current` is the record as it is now).",
  413: "The body is larger than 1 MB.",
  415: "The body is not application/json.",
  422: "Invalid input: `errors` lists every invalid field by its public name; `conflicts` lists double bookings to acknowledge.",
  428: "Send the version you edited: If-Match (or `version` in the body).",
  429: "Too many requests.",
  503: "The database is unavailable for a moment.",
};

/** A refusal as the server writes it (the 422 with one field error, the 409/412 with `current`). */
function problemExample(status: number, op: Operation, components: Components) {
  const example: Record<string, unknown> = { type: "about:blank", title: TITLES[status], status, detail: `${(status === 409 && op.conflict ? op.conflict : PROBLEM_TEXT[status]!).split(":")[0]!.replace(/\.$/, "")}.` };
  if (status === 422 || status === 400) example.errors = [{ path: status === 400 ? "limti" : "title", message: status === 400 ? "Not a parameter of this operation." : "Required." }];
  if ((status === 409 || status === 412) && checksVersion(op)) {
    const currentId = op.current ? idOf(op.current) : op.response ? idOf(op.response) : "AgendaItem";
    example.current = exampleOf({ $ref: `#/components/schemas/${currentId}` }, components);
  }
  return example;
}

type Components = Record<string, Record<string, unknown>>;

function problemResponse(status: number, op: Operation, components: Components) {
  const response: Record<string, unknown> = { description: status === 409 && op.conflict ? op.conflict : PROBLEM_TEXT[status] };
  const responseId = op.response ? idOf(op.response) : null;
  if ((status === 409 || status === 412) && checksVersion(op)) {
    // The current record in its public shape (a DELETE's is the record it meant to delete). A POST's
    // 409 may also be an Idempotency-Key still running, without `current`.
    const currentId = op.current ? idOf(op.current) : (responseId ?? "AgendaItem");
    // A write versioned only when its record exists: `current` is null when there is none (send 0).
    const current = op.conditional ? { anyOf: [ref(currentId), { type: "null" }], description: "The record as it is now; null when there is none yet (send version 0)." } : ref(currentId);
    response.content = problemContent({ allOf: [ref("Problem"), { type: "object", properties: { current }, required: status === 409 && op.method === "POST" ? [] : ["current"] }] });
    response.headers = { ETag: { $ref: "#/components/headers/ETag" } };
  } else {
    response.content = problemContent();
  }
  (response.content as Record<string, Record<string, unknown>>)["application/problem+json"]!.example = problemExample(status, op, components);
  if (status === 401) response.headers = { "WWW-Authenticate": { $ref: "#/components/headers/WWWAuthenticate" } };
  else response.headers = { ...(response.headers as object | undefined), ...rateHeaders };
  if (status === 429 || status === 503 || (status === 409 && op.method === "POST")) response.headers = { ...(response.headers as object), "Retry-After": { $ref: "#/components/headers/RetryAfter" } };
  return response;
}

function fileResponse(op: Operation) {
  const types = op.fileTypes ? [...op.fileTypes] : [...new Set(Object.values(MEETING_FILES).map((f) => f.type))];
  return {
    description: "The file (Content-Disposition: attachment).",
    content: Object.fromEntries(types.map((t) => t.split(";")[0]!).map((t) => [t, { schema: { type: "string", contentMediaType: t } }])),
  };
}

function successResponse(op: Operation, components: Components) {
  if (op.file) return { "200": { ...fileResponse(op), headers: rateHeaders } };
  if (!op.response) return { "204": { description: "Done; no body.", headers: rateHeaders } };
  const id = idOf(op.response);
  const response: Record<string, unknown> = { description: op.created ? "Created." : "OK.", content: { "application/json": { schema: ref(id), example: exampleOf(ref(id), components) } } };
  const headers: Record<string, unknown> = { ...rateHeaders };
  if (op.method === "GET") headers.ETag = { $ref: "#/components/headers/ContentETag" };
  else if (VERSIONED.has(id)) headers.ETag = { $ref: "#/components/headers/ETag" };
  if (op.method === "POST") headers["Idempotent-Replayed"] = { $ref: "#/components/headers/IdempotentReplayed" };
  response.headers = headers;
  const out: Record<string, unknown> = { [op.created ? "201" : "200"]: response };
  if (op.method === "GET") out["304"] = { description: "Not modified: the If-None-Match tag is still current (no body).", headers: { ETag: { $ref: "#/components/headers/ContentETag" }, ...rateHeaders } };
  return out;
}

function operationObject(id: OperationId, op: Operation, components: Components) {
  const params: Record<string, unknown>[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) =>
    m[1] === "kind"
      ? { name: "kind", in: "path", required: true, description: "Which file.", schema: { type: "string", enum: Object.keys(MEETING_FILES) }, example: "invitation" }
      : { name: m[1], in: "path", required: true, description: "The record's id.", schema: { type: "string", format: "uuid" }, example: exampleOf({ type: "string", format: "uuid" }, components, `${id}.${m[1]}`) },
  );
  if (op.query) {
    const schema = toSchema(op.query) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, s] of Object.entries(schema.properties ?? {})) {
      const description = (s.description as string | undefined) ?? (name === "cursor" ? "A page's nextCursor or prevCursor, unchanged (bound to the filters and limit)." : name === "limit" ? "Items per page." : `Filter by ${name}.`);
      params.push({ name, in: "query", required: (schema.required ?? []).includes(name) && s.default === undefined, description, schema: s, example: exampleOf(s, components, name) });
    }
  }
  if (op.method === "GET" && !op.file) {
    params.push({ name: "If-None-Match", in: "header", required: false, description: "The ETag of your copy: 304 without a body when it is still current.", schema: { type: "string", maxLength: 500 }, example: 'W/"3-q1w2e3r4t5y6u7i8o9p0a1"' });
  }
  if (op.method === "POST") {
    params.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Makes a retry safe: the first request with this key runs, a repeat (same method, path and body) gets the first answer again (with Idempotent-Replayed: true) for at least 24 hours; the same key with another request is a 422, a repeat while the first still runs a 409 with Retry-After. Keys are per token (or per user with a session). A UUID is a good key.",
      schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
      example: "5f0c2a4e-8d7b-4c1e-9a53-2b1d3f6e7a90",
    });
  }
  if (checksVersion(op)) {
    params.push({
      name: "If-Match",
      in: "header",
      required: false,
      description: 'The version you edited, as the ETag you got (W/"3"); or send `version` in the body. One of the two is required.',
      schema: { type: "string", pattern: '^(W/)?"?\\d{1,10}(-[A-Za-z0-9_]{1,40})?"?$' },
      example: 'W/"3"',
    });
  }
  const statuses = [
    400,
    401,
    403,
    404,
    // Every POST may answer 409 (the same Idempotency-Key still running) and 422 (that key used with another request).
    ...(op.body || checksVersion(op) || op.method === "POST" ? [409] : []),
    ...(checksVersion(op) ? [412] : []),
    ...(op.body ? [413, 415] : []),
    ...(op.body || op.query || checksVersion(op) || op.method === "POST" ? [422] : []),
    ...(checksVersion(op) ? [428] : []),
    429,
    503,
  ];
  return {
    operationId: id,
    summary: op.summary,
    description: `${op.summary}.`,
    tags: [op.tag],
    parameters: params.length ? params : undefined,
    requestBody: op.body ? { required: true, content: { "application/json": { schema: toSchema(op.body), example: REQUEST_EXAMPLES[id] } } } : undefined,
    responses: { ...successResponse(op, components), ...Object.fromEntries(statuses.map((status) => [String(status), problemResponse(status, op, components)])) },
  };
}

const TAGS: Record<string, string> = {
  Account: "The caller and their API tokens.",
  Organisation: "Work units.",
  Meetings: "Coordination meetings (rakor).",
  Agenda: "A meeting's agenda.",
  Speakers: "A meeting's speakers.",
  Invitations: "Invited units and their answers.",
  Attendance: "Who attended.",
  Minutes: "Minutes (notulen) and decisions.",
  Documents: "Letters, lists, calendar entries and exports of a meeting.",
  Letters:
    "Issued letters (surat dinas) and the office's register (buku agenda surat keluar): every number is unique per office and year (the database enforces it), taken in the issuing transaction and never given again; what was issued is stored once and never changes. Issuing emits a `letter.issued` event.",
  "Follow-ups": "Action items from decisions and their progress.",
  Integrations:
    "Keeping another system in sync: the event feed, and webhooks. A webhook POSTs each Event as JSON with `Rakor-Event` (its kind), `Rakor-Delivery` (the delivery's id) and `Rakor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>`: recompute it over the raw body with the subscription's secret, compare in constant time, and refuse a `t` older than 5 minutes. Any 2xx within 10 s is a success; otherwise the delivery is retried with exponential backoff (30 s, 1, 2, 4 … 64 min: 8 attempts). Deliveries are at least once: de-duplicate by the event's id.",
};

export function openApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  const components = componentSchemas();
  for (const [id, op] of Object.entries(operations) as [OperationId, Operation][]) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(id, op, components);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Rakor API",
      version: "1.1.0",
      description:
        "Coordination meetings (rakor) and their follow-ups. Authenticate with `Authorization: Bearer <token>` (create one on your profile page) or a session cookie (unsafe methods then need a same-origin Origin header). Errors are RFC 9457 problem+json. JSON responses are never cached (Cache-Control: no-store). Versioned records answer with an ETag; every write of one needs If-Match (or `version` in the body): a stale If-Match is 412, a stale body version 409, both with the current record. Lists page with opaque keyset cursors bound to their filters and limit.",
      contact: { name: "Rakor secretariat", url: "https://github.com/rakor" },
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { cookie: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token (rk_…) from the profile page." },
        cookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The web session; unsafe methods need a same-origin Origin header." },
      },
      headers,
      schemas: components,
    },
    paths,
  };
}
