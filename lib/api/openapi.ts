import { z } from "zod";
import { operations, type Operation } from "./operations";

const problemSchema = {
  type: "object",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
  },
  required: ["type", "title", "status", "detail"],
};

const toSchema = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

function operationObject(id: string, op: Operation) {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string", format: "uuid" } }));
  if (op.query) {
    const schema = toSchema(op.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(schema.properties ?? {})) {
      params.push({ name, in: "query", required: (schema.required ?? []).includes(name) && !(s as { default?: unknown }).default, schema: s } as never);
    }
  }
  const problems = Object.fromEntries(
    [401, 403, 404, ...(op.body ? [400, 409, 413, 415, 422] : op.query ? [422] : []), 429].map((status) => [
      String(status),
      { description: "Problem", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
    ]),
  );
  return {
    operationId: id,
    summary: op.summary,
    tags: [op.tag],
    parameters: params.length ? params : undefined,
    requestBody: op.body ? { required: true, content: { "application/json": { schema: toSchema(op.body) } } } : undefined,
    responses: { [op.method === "POST" ? "201" : "200"]: { description: "OK", content: { "application/json": {} } }, ...problems },
  };
}

/** The OpenAPI 3.1 document, generated from the operations and their zod schemas. */
export function openApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, op] of Object.entries(operations) as [string, Operation][]) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(id, op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Rakor API",
      version: "1.0.0",
      description:
        "Coordination meetings (rakor) and their follow-ups. Authenticate with `Authorization: Bearer <token>` (create one on your profile page) or a session cookie (unsafe methods then need a same-origin Origin header). Errors are RFC 9457 problem+json.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}
