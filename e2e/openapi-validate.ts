import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { APIRequestContext, APIResponse } from "@playwright/test";

/**
 * Checks responses against the served OpenAPI document with ajv (JSON Schema draft 2020-12 and
 * formats): the status must be documented for the operation, the content type too, the body must
 * match its schema, documented headers their schemas (ETag and WWW-Authenticate must be there).
 * A path or method outside the document (an unknown path, a 405) must still be a Problem.
 */
type Doc = { paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>; components: { headers: Record<string, { schema: object }> } };
type ResponseObject = { content?: Record<string, { schema: object }>; headers?: Record<string, { $ref: string }> };

const DOC_ID = "https://rakor.test/openapi.json";
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export class OpenApiValidator {
  readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  readonly mismatches: string[] = [];
  checked = 0;
  private readonly templates: { template: string; re: RegExp }[];

  constructor(readonly doc: Doc) {
    addFormats(this.ajv);
    this.ajv.addSchema({ ...doc, $id: DOC_ID } as object);
    this.templates = Object.keys(doc.paths).map((template) => ({
      template,
      re: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}|\{\w+\}/g, "[^/]+")}$`),
    }));
  }

  static async load(request: APIRequestContext) {
    const response = await request.get("/api/v1/openapi.json");
    if (response.status() !== 200) throw new Error(`openapi.json answered ${response.status()}`);
    return new OpenApiValidator(await response.json());
  }

  private validate(ref: string, value: unknown): string | null {
    const check = this.ajv.getSchema(ref) ?? this.ajv.compile({ $ref: ref });
    return check(value) ? null : this.ajv.errorsText(check.errors, { dataVar: "body" });
  }

  /** Checks one response; returns the mismatch, or null. */
  async check(method: string, url: string, response: APIResponse): Promise<string | null> {
    this.checked++;
    const status = String(response.status());
    const type = (response.headers()["content-type"] ?? "").split(";")[0]!.trim();
    const path = new URL(url, "http://x").pathname.replace(/^\/api\/v1/, "");
    const found = this.templates.filter((t) => t.re.test(path)).sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0))[0];
    const op = found ? this.doc.paths[found.template]![method.toLowerCase()] : undefined;
    const label = `${method} ${path} → ${status}`;
    const fail = (why: string) => {
      this.mismatches.push(`${label}: ${why}`);
      return `${label}: ${why}`;
    };
    if (!op) {
      // Outside the document: an unknown path (404) or method (405) is still a problem.
      if (type !== "application/problem+json") return fail(`outside the document and not problem+json (${type})`);
      const why = this.validate(`${DOC_ID}#/components/schemas/Problem`, await response.json());
      return why ? fail(why) : null;
    }
    const documented = op.responses[status];
    if (!documented) return fail(`status not documented (documented: ${Object.keys(op.responses).join(", ")})`);
    for (const [name, h] of Object.entries(documented.headers ?? {})) {
      const value = response.headers()[name.toLowerCase()];
      const headerId = h.$ref.split("/").pop()!;
      if (value === undefined) {
        if (name === "ETag" || name === "WWW-Authenticate") return fail(`header ${name} missing`);
        continue;
      }
      const why = this.validate(`${DOC_ID}#/components/headers/${pointer(headerId)}/schema`, value);
      if (why) return fail(`header ${name}: ${why}`);
    }
    if (!documented.content) return status === "204" || (await response.body()).length === 0 ? null : fail("a body where none is documented");
    const media = documented.content[type];
    if (!media) return fail(`content type ${type} not documented (${Object.keys(documented.content).join(", ")})`);
    if (!type.includes("json")) return null;
    const ref = `${DOC_ID}#/${pointer("paths", found!.template, method.toLowerCase(), "responses", status, "content", type, "schema")}`;
    const why = this.validate(ref, await response.json());
    return why ? fail(why) : null;
  }

  /** The request context, every response of which is checked. */
  wrap(context: APIRequestContext): APIRequestContext {
    return new Proxy(context, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== "function" || !["get", "post", "put", "patch", "delete", "fetch", "head"].includes(String(prop))) {
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
        return async (url: string, options?: { method?: string }) => {
          const response = (await (value as (u: string, o?: unknown) => Promise<APIResponse>).call(target, url, options)) as APIResponse;
          const method = prop === "fetch" ? (options?.method ?? "GET") : String(prop).toUpperCase();
          await this.check(method, url, response);
          return response;
        };
      },
    });
  }
}
