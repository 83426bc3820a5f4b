import fc from "fast-check";
import type { openApiDocument } from "@/lib/api/openapi";
import type { ApiCall } from "./api";

/**
 * Request generators from the OpenAPI document for tests/openapi-property.test.ts: valid values
 * of each schema (by field name where that matters) and the faults to inject.
 */
export type Schema = Record<string, unknown>;
export type Param = { name: string; in: "path" | "query" | "header"; required?: boolean; schema: Schema };
export type Media = { schema: Schema };
export type ResponseObject = { content?: Record<string, Media>; headers?: Record<string, { $ref: string }> };
export type Op = { operationId: string; parameters?: Param[]; requestBody?: { content: Record<string, Media> }; responses: Record<string, ResponseObject> };


/** The text rules of the API (no control characters, no HTML, not blank) are patterns fast-check cannot generate from: filter. */
const patternsOf = (s: Schema) => [s.pattern, ...((s.allOf ?? []) as Schema[]).map((a) => a.pattern)].filter((p): p is string => typeof p === "string").map((p) => new RegExp(p, "u"));

// ---------------------------------------------------------------------------------------------
// Values

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const OFFSETS = ["Z", "z", "+07:00", "+08:00", "+09:00", "+00:00", "-00:00", "+14:00", "-12:00", "+05:45", "-03:30"];
/** A day that exists, mostly near now, sometimes at the ends of the years the server takes. */
const dayArb = fc
  .oneof(
    { weight: 4, arbitrary: fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }) },
    { weight: 1, arbitrary: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }) },
    { weight: 1, arbitrary: fc.constantFrom(new Date("2028-02-29T00:00:00Z"), new Date("2000-01-01T00:00:00Z"), new Date("2100-12-31T00:00:00Z"), new Date("2026-12-31T00:00:00Z")) },
  )
  .map((d) => d.toISOString().slice(0, 10));
const instantArb = fc
  .tuple(dayArb, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 1, max: 999_999_999 }), { nil: undefined }), fc.constantFrom(...OFFSETS))
  .map(([day, h, m, s, frac, offset]) => `${day}T${pad(h)}:${pad(m)}:${pad(s)}${frac === undefined ? "" : `.${String(frac).replace(/0+$/, "") || "0"}`}${offset}`);
/** Dates and instants the document refuses (and a few it admits in an unusual form). */
const ODD_DATES = [
  "2027-02-30",
  "2027-02-29",
  "2026-13-01",
  "2026-00-10",
  "1999-12-31",
  "2101-01-01",
  "0000-01-01",
  "99999-01-01",
  "2026-11-09T09:00",
  "2026-11-09T09:00:00",
  "2026-11-09T24:00:00Z",
  "2026-12-31T23:59:60Z",
  "2026-11-09T09:00:00+15:00",
  "2026-11-09T09:00:00+0700",
  "2026-11-09 09:00:00+07:00",
  "2026-11-09t09:00:00z",
  "09/11/2026",
  "9 November 2026",
  "2026-W45",
  "",
  " 2026-11-09",
  "2026-11-09T09:00:00.1234567890Z",
];
const ODD_VALUES: unknown[] = [null, true, 0, -1, 1.5, 2 ** 31, "", "x".repeat(1001), [], {}, ["a"], { a: 1 }, "\u0000", "<b>x</b>", "a\nb"];

export type Pools = {
  units: string[];
  users: string[];
  meetings: string[];
  categories: string[];
  speakers: string[];
  any: string[];
  /** Ids for a path's {id}, by its first segment (meetings, agenda-items, letters…). */
  byPath: Record<string, string[]>;
};

function idArb(name: string, pools: Pools): fc.Arbitrary<string> {
  const pool = /unitid|officeid/i.test(name) ? pools.units : /userid/i.test(name) ? pools.users : /^meetingid$/i.test(name) ? pools.meetings : /categoryid/i.test(name) ? pools.categories : /speakerid/i.test(name) ? pools.speakers : pools.any;
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) });
}

/** Realistic text that any text rule admits, beside what fast-check makes up. */
const TEXTS = ["Rakor Pelayanan Publik", "Budi Santoso", "Kepala Divisi Keimigrasian", "Surabaya", "Ringkasan: rapat dibuka pukul 09.00.", "Ñandú – café ☕ 東京", "W15.IMI-UM.01.01-9"];

/** Valid values of a schema (as the document states it), by field name where that matters. */
export function arbOf(schema: Schema, name: string, doc: { components: { schemas: Record<string, Schema> } }, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === "string") return arbOf(doc.components.schemas[schema.$ref.split("/").pop()!] ?? {}, name, doc, pools, depth + 1);
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union) return fc.oneof(...union.map((s) => arbOf({ ...s }, name, doc, pools, depth + 1)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (schema.const !== undefined) return fc.constant(schema.const);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  if (types.length > 1) return fc.oneof(...types.map((t) => arbOf({ ...schema, type: t }, name, doc, pools, depth + 1)));
  const type = types[0] ?? (schema.properties ? "object" : undefined);
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const min = typeof schema.minimum === "number" ? schema.minimum : -1000;
      const max = typeof schema.maximum === "number" ? schema.maximum : 1000;
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 200) }), fc.constantFrom(min, max));
    }
    case "array": {
      const max = Math.min(typeof schema.maxItems === "number" ? schema.maxItems : 3, 3);
      const min = typeof schema.minItems === "number" ? schema.minItems : 0;
      return fc.array(arbOf((schema.items ?? {}) as Schema, name, doc, pools, depth + 1), { minLength: min, maxLength: Math.max(min, max) });
    }
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const shape = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, arbOf(s, k, doc, pools, depth + 1)]));
      return fc.record(shape, { requiredKeys: required.filter((k) => k in props) });
    }
    case "string": {
      if (schema.format === "uuid") return idArb(name, pools);
      if (schema.format === "date") return dayArb;
      if (schema.format === "date-time") return instantArb;
      if (schema.format === "email") return fc.emailAddress();
      if (name === "url") return fc.constantFrom("https://10.1.2.3/hook", "http://127.0.0.1:9/hook", "https://[::1]/x");
      if (name === "people" || name === "units") return fc.constantFrom("NIP;Nama;Jabatan;Kode Unit;E-mail;Peran\n", "Kode;Nama;Kode Induk;Zona Waktu\n");
      const patterns = patternsOf(schema);
      const maxLength = Math.min(typeof schema.maxLength === "number" ? schema.maxLength : 60, 60);
      const minLength = typeof schema.minLength === "number" ? Math.min(schema.minLength, maxLength) : 0;
      // A pattern that says what the value is (a link, a NIP, a list of kinds), not one of the text rules.
      const own = [schema.pattern, ...((schema.allOf ?? []) as Schema[]).map((a) => a.pattern)].find((p): p is string => typeof p === "string" && !/\\u0000|\(\?!|^\\S$/.test(p)) ?? null;
      const base = own
        ? fc.stringMatching(new RegExp(own))
        : fc.oneof(fc.constantFrom(...TEXTS), fc.string({ minLength, maxLength }), fc.string({ unit: "grapheme", minLength, maxLength }));
      return base.filter((v) => v.length >= minLength && v.length <= (typeof schema.maxLength === "number" ? schema.maxLength : Infinity) && patterns.every((re) => re.test(v)));
    }
    default:
      return fc.constant("x");
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

export type Generated = ApiCall & { label: string };

export function requestArb(path: string, method: string, op: Op, doc: ReturnType<typeof openApiDocument>, pools: Pools, tokens: string[]): fc.Arbitrary<Generated> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === "path");
  const queryParams = params.filter((p) => p.in === "query");
  const bodySchema = op.requestBody?.content["application/json"]?.schema;
  const d = doc as unknown as { components: { schemas: Record<string, Schema> } };

  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        p.schema.enum
          ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(p.schema.enum as string[])) }, { weight: 1, arbitrary: fc.constantFrom("nope", "%zz") })
          : fc.oneof(
              { weight: 8, arbitrary: fc.constantFrom(...(pools.byPath[path.split("/")[1]!]?.length ? pools.byPath[path.split("/")[1]!]! : pools.any)) },
              { weight: 1, arbitrary: fc.constantFrom(...pools.any) },
              { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
              { weight: 1, arbitrary: fc.constantFrom("nope", "%zz", "1;drop") },
            ),
      ]),
    ),
  );
  const queryArb = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, arbOf(p.schema, p.name, d, pools)])), { requiredKeys: [] });
  const bodyArb = bodySchema ? arbOf(bodySchema, "", d, pools) : fc.constant(undefined);
  // What to break (weights: valid requests first).
  const faultArb = fc.oneof(
    { weight: 6, arbitrary: fc.constant<Fault>({ kind: "none" }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("unknownField" as const), name: fc.constantFrom("isAdmin", "extra", "__proto__x", "id") }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("wrongValue" as const), pick: fc.nat(), value: fc.constantFrom(...ODD_VALUES, ...ODD_DATES) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("oddDate" as const), pick: fc.nat(), value: fc.constantFrom(...ODD_DATES) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropField" as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("unknownParam" as const), name: fc.constantFrom("updatedsince", "foo", "limt", "include") }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("oddParam" as const), pick: fc.nat(), value: fc.constantFrom("", "abc", "-1", "1e3", "0", "2027-02-30", "2026-11-09T09:00", "true", "x".repeat(600)) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("rawBody" as const), value: fc.constantFrom("null", "[]", "42", '"x"', "{", "") }) },
  );
  const headerArb = fc.record(
    {
      ifMatch: fc.constantFrom('W/"1"', '"2"', "3", 'W/"0"', "abc", 'W/"2147483648"', "*"),
      idempotencyKey: fc.oneof(fc.uuid(), fc.constantFrom("with space", "", "ü", "x".repeat(300))),
    },
    { requiredKeys: [] },
  );
  return fc.record({ path: pathArb, query: queryArb, body: bodyArb, fault: faultArb, headers: headerArb, token: fc.constantFrom(...tokens) }).map(({ path: pathValues, query, body, fault, headers, token }) => {
    let sentBody: unknown = body;
    const q = { ...(query as Record<string, unknown>) };
    const fields = sentBody && typeof sentBody === "object" && !Array.isArray(sentBody) ? Object.keys(sentBody) : [];
    const qNames = Object.keys(q);
    const what = fault.kind;
    if (fault.kind === "unknownField" && bodySchema) sentBody = { ...(sentBody as object), [fault.name]: true };
    if ((fault.kind === "wrongValue" || fault.kind === "oddDate") && bodySchema && fields.length) {
      const field = fields[fault.pick % fields.length]!;
      sentBody = { ...(sentBody as object), [field]: fault.value };
    }
    if ((fault.kind === "wrongValue" || fault.kind === "oddDate") && !bodySchema && qNames.length) q[qNames[fault.pick % qNames.length]!] = fault.value;
    if (fault.kind === "dropField" && fields.length) {
      const copy = { ...(sentBody as Record<string, unknown>) };
      delete copy[fields[fault.pick % fields.length]!];
      sentBody = copy;
    }
    if (fault.kind === "unknownParam") q[fault.name] = "1";
    if (fault.kind === "oddParam" && qNames.length) q[qNames[fault.pick % qNames.length]!] = fault.value;
    if (fault.kind === "rawBody" && bodySchema) sentBody = fault.value;
    const h: Record<string, string> = {};
    if (headers.ifMatch !== undefined && params.some((p) => p.name === "If-Match")) h["if-match"] = headers.ifMatch;
    if (headers.idempotencyKey !== undefined && method === "post") h["idempotency-key"] = headers.idempotencyKey;
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) search.set(k, typeof v === "string" ? v : JSON.stringify(v));
    return {
      method: method.toUpperCase() as ApiCall["method"],
      path,
      params: pathValues as Record<string, string>,
      query: search.toString() || undefined,
      body: bodySchema ? (sentBody === undefined ? {} : sentBody) : undefined,
      headers: h,
      token,
      label: what,
    };
  });
}
type Fault =
  | { kind: "none" }
  | { kind: "unknownField"; name: string }
  | { kind: "wrongValue" | "oddDate"; pick: number; value: unknown }
  | { kind: "dropField"; pick: number }
  | { kind: "unknownParam"; name: string }
  | { kind: "oddParam"; pick: number; value: string }
  | { kind: "rawBody"; value: string };

