import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const apiRoot = path.join(process.cwd(), "app", "api", "v1");

/** Every (METHOD path) that a route file under app/api/v1 exports. */
function routeHandlers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/${path.relative(apiRoot, dir)}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, "");
        if (route === "/openapi.json" || route.includes("[[...") || route.includes("[...")) continue;
        const source = fs.readFileSync(full, "utf8");
        for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${m[1]} ${route}`);
      }
    }
  };
  walk(apiRoot);
  return found.sort();
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();
  const documented = Object.entries(doc.paths)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();

  it("documents every route handler under /api/v1, and nothing that does not exist", () => {
    expect(documented).toEqual(routeHandlers());
  });

  it("is OpenAPI 3.1 with request bodies generated from the zod schemas", () => {
    expect(doc.openapi).toBe("3.1.0");
    const create = doc.paths["/tokens"]!.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } } };
    const schema = create.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["name", "expiresAt"]);
    expect(schema.required).toEqual(["name"]);
  });

  it("documents a response body schema (or 204) for every success, and problem+json for every refusal", () => {
    const empty: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops) as [string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }][]) {
        for (const [status, r] of Object.entries(op.responses)) {
          if (status === "204" || status === "304") continue;
          const content = r.content ?? {};
          const wanted = Number(status) >= 400 ? ["application/problem+json"] : Object.keys(content);
          if (wanted.length === 0 || wanted.some((t) => !content[t]?.schema || Object.keys(content[t]!.schema!).length === 0)) empty.push(`${m.toUpperCase()} ${p} ${status}`);
        }
      }
    }
    expect(empty).toEqual([]);
  });

  it("says the format of every date and instant, with the years the server takes", async () => {
    const { MIN_YEAR, MAX_YEAR } = await import("@/lib/input");
    const { YEARS_PATTERN } = await import("./formats");
    const years = new RegExp(`^${YEARS_PATTERN}$`);
    expect([MIN_YEAR - 1, MIN_YEAR, MAX_YEAR, MAX_YEAR + 1].map((y) => years.test(String(y)))).toEqual([false, true, true, false]);
    const meeting = (doc.paths["/meetings"]!.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, { format?: string; pattern?: string }> } } } } }).requestBody.content["application/json"].schema.properties;
    expect(meeting.startsAt!.format).toBe("date-time");
    expect(new RegExp(meeting.startsAt!.pattern!).test("2026-11-09T09:00:00+07:00")).toBe(true);
    expect(new RegExp(meeting.startsAt!.pattern!).test("2026-11-09T09:00:00")).toBe(false);
    const item = (doc.paths["/action-items"]!.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, { format?: string }> } } } } }).requestBody.content["application/json"].schema.properties;
    expect(item.dueDate!.format).toBe("date");
    // Every string schema in a request that the server parses as a date or instant says so.
    const bare: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (/(At|Date|Since|^from|^to|dueFrom|dueTo)$/.test(where) && n.type === "string" && !n.format && !n.enum && !n.anyOf) bare.push(where);
      for (const [k, v] of Object.entries(n)) walk(v, k === "properties" || k === "schema" || k === "items" || k === "anyOf" || /^\d+$/.test(k) ? where : k);
    };
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops as Record<string, { requestBody?: unknown; parameters?: { name: string; schema: unknown }[] }>)) {
        walk(op.requestBody, `${m} ${p}`);
        for (const param of op.parameters ?? []) walk(param.schema, param.name);
      }
    }
    expect(bare).toEqual([]);
  });
});
