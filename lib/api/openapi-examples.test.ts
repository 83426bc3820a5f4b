import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

/**
 * Examples on every operation (issue 22): every parameter, every request body and every response
 * with a JSON body carries an example, and every example is valid against its own schema (so a
 * client generated from the document, or Schemathesis' explicit-example phase, can use them).
 */
type Media = { schema?: object; example?: unknown };
type Op = { operationId: string; parameters?: { name: string; in: string; schema: object; example?: unknown }[]; requestBody?: { content: Record<string, Media> }; responses: Record<string, { content?: Record<string, Media> }> };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const DOC_ID = "https://rakor.test/openapi.json";

describe("the OpenAPI document's examples", () => {
  const doc = openApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID } as object);
  const invalid = (where: string[], value: unknown) => {
    const check = ajv.compile({ $ref: `${DOC_ID}#/${pointer(...where)}` });
    return check(value) ? null : ajv.errorsText(check.errors);
  };
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops as Record<string, Op>).map(([method, op]) => ({ path, method, op })));

  it("has a request and a response example on every operation", () => {
    const missing: string[] = [];
    for (const { path, method, op } of operations) {
      const label = `${op.operationId} (${method.toUpperCase()} ${path})`;
      for (const p of op.parameters ?? []) if (p.example === undefined) missing.push(`${label}: parameter ${p.name}`);
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) if (media.example === undefined) missing.push(`${label}: request body ${type}`);
      const requestHasExample = (op.parameters ?? []).some((p) => p.example !== undefined) || !!op.requestBody;
      if (!requestHasExample && (op.parameters ?? []).length > 0) missing.push(`${label}: no request example`);
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (type.includes("json") && media.example === undefined) missing.push(`${label}: response ${status} ${type}`);
        }
      }
      const success = Object.entries(op.responses).find(([s]) => s.startsWith("2"));
      if (!success) missing.push(`${label}: no success response`);
    }
    expect(missing).toEqual([]);
  });

  it("has examples that are valid against their own schemas", () => {
    const wrong: string[] = [];
    for (const { path, method, op } of operations) {
      const label = `${op.operationId} (${method.toUpperCase()} ${path})`;
      (op.parameters ?? []).forEach((p, i) => {
        const why = p.example === undefined ? null : invalid(["paths", path, method, "parameters", String(i), "schema"], p.example);
        if (why) wrong.push(`${label}: parameter ${p.name}: ${why}`);
      });
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        const why = invalid(["paths", path, method, "requestBody", "content", type, "schema"], media.example);
        if (why) wrong.push(`${label}: request body: ${why}`);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!type.includes("json")) continue;
          const why = invalid(["paths", path, method, "responses", status, "content", type, "schema"], media.example);
          if (why) wrong.push(`${label}: response ${status}: ${why}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("fails for an operation without an example (the check can fail)", () => {
    const op = doc.paths["/meetings"]!.post as Op;
    const media = op.requestBody!.content["application/json"]!;
    const saved = media.example;
    media.example = { title: 42 };
    try {
      expect(invalid(["paths", "/meetings", "post", "requestBody", "content", "application/json", "schema"], media.example)).not.toBeNull();
    } finally {
      media.example = saved;
    }
  });
});
