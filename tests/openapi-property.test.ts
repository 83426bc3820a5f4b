import { sql } from "drizzle-orm";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { openApiDocument } from "@/lib/api/openapi";
import { issueLetter } from "@/lib/documents/letters";
import { saveOfficeSettings } from "@/lib/offices/settings";
import { todayIn } from "@/lib/time";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { insertItem } from "@/tests/follow-ups";
import { makeUser } from "./fixtures";
import { callApi, tokenOf, type ApiResult } from "./api";
import { requestArb, type Generated, type Op, type Pools } from "./openapi-arbitraries";

/**
 * A property-based run from the OpenAPI document (issue 22's "Schemathesis or an equivalent"):
 * for every operation, fast-check generates requests from the operation's own schemas — valid
 * values (realistic ids of the test's records, any text the schemas allow, dates and instants in
 * every form the document admits: offsets from −12:00 to +14:00, `z`, fractions of a second) and
 * invalid ones (odd dates, wrong types, unknown fields and parameters, missing fields, bad
 * If-Match and Idempotency-Key) — and sends them to the real route handlers against the real
 * database. Every answer must:
 *
 * - never be a 5xx (not_a_server_error);
 * - have a status the operation documents (status_code_conformance) and a documented content type;
 * - match the documented schema, headers included (response_schema_conformance; ajv with formats:
 *   every date and date-time in a response is checked against its format and pattern);
 * - not refuse, for a request the document says is valid, a date or instant for its format
 *   (the "document-valid input refused" class of the fuzzing run that filed issue 22).
 *
 * Short by default (PROPERTY_RUNS runs per operation, 8 unless set; well under a minute);
 * a long run: `PROPERTY_RUNS=300 npx vitest run tests/openapi-property.test.ts`
 * (PROPERTY_SEED picks another seed). See docs/api-testing.md.
 */
process.env.API_RATE_LIMIT = "1000000";

const RUNS = Math.max(1, Number(process.env.PROPERTY_RUNS ?? 8));
const SEED = Number(process.env.PROPERTY_SEED ?? 20_181_109);
const DOC_ID = "https://rakor.test/openapi.json";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

// ---------------------------------------------------------------------------------------------

describe("a property-based run from the OpenAPI document", () => {
  const doc = openApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID } as object);
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  const validate = (where: string[], value: unknown) => {
    const ref = `${DOC_ID}#/${pointer(...where)}`;
    let check = validators.get(ref);
    if (!check) validators.set(ref, (check = ajv.compile({ $ref: ref })));
    return check(value) ? null : ajv.errorsText(check.errors, { dataVar: "body" });
  };
  let pools: Pools;
  let tokens: string[];

  beforeAll(async () => {
    const o = await office();
    const admin = await makeUser("admin", o.division.id);
    await saveOfficeSettings(admin, o.division.id, 0, { officeName: "Kanwil Uji", placeName: "Surabaya", letterNumberFormat: "PBT-{n}/{yyyy}" });
    const [m1, m2] = [await publishedMeeting(o), await publishedMeeting(o)];
    const category = await someCategory();
    const item = await insertItem({ workUnitId: o.unitA.id, status: "in_progress", categoryId: category.id });
    const letter = await issueLetter(o.secretariat, m1.id, { numberMode: "sequence", letterDate: todayIn("Asia/Jakarta"), placeName: "Surabaya", signerName: "Budi Santoso", signerPosition: "Kepala Divisi" });
    const idsOf = async (table: "agenda_items" | "speakers" | "invitations") => (await rows<{ id: string }>(sql`select id from ${sql.raw(table)} where meeting_id in (${m1.id}, ${m2.id})`)).map((r) => r.id);
    const [agenda, speakers, invitations] = [await idsOf("agenda_items"), await idsOf("speakers"), await idsOf("invitations")];
    pools = {
      units: [o.division.id, o.unitA.id, o.unitB.id],
      users: [o.secretariat.id, o.head.id, o.participantA.id],
      meetings: [m1.id, m2.id],
      categories: [category.id],
      speakers,
      any: [m1.id, m2.id, item.id, letter.id, ...agenda, ...speakers, ...invitations],
      byPath: { meetings: [m1.id, m2.id], "agenda-items": agenda, speakers, invitations, "action-items": [item.id], letters: [letter.id] },
    };
    tokens = [await tokenOf(o.secretariat), await tokenOf(o.secretariat), await tokenOf(o.participantA)];
  }, 120_000);

  /** What is wrong with one answer (empty: nothing). */
  async function check(path: string, method: string, op: Op, call: Generated, res: ApiResult): Promise<string[]> {
    const out: string[] = [];
    const status = String(res.status);
    if (res.status >= 500) out.push(`not_a_server_error: ${status} ${JSON.stringify(res.json)?.slice(0, 200)}`);
    const documented = op.responses[status];
    if (!documented) return [...out, `status_code_conformance: ${status} not documented (${Object.keys(op.responses).join(", ")})`];
    const type = res.contentType.split(";")[0]!.trim();
    for (const [name, h] of Object.entries(documented.headers ?? {})) {
      const value = res.headers.get(name);
      if (value === null) {
        // A refusal's ETag names the current record; there is none to name when `current` is null.
        const noRecord = name === "ETag" && res.status >= 400 && (res.json?.current ?? null) === null;
        if ((name === "ETag" && !noRecord) || name === "WWW-Authenticate") out.push(`response_headers_conformance: ${name} missing`);
        continue;
      }
      const why = validate(["components", "headers", h.$ref.split("/").pop()!, "schema"], value);
      if (why) out.push(`response_headers_conformance: ${name}: ${why}`);
    }
    if (!documented.content) {
      if (type && res.json !== null) out.push(`content_type_conformance: a body where none is documented`);
      return out;
    }
    if (!documented.content[type]) return [...out, `content_type_conformance: ${type} not documented (${Object.keys(documented.content).join(", ")})`];
    if (type.includes("json")) {
      const why = validate(["paths", path, method, "responses", status, "content", type, "schema"], res.json);
      if (why) out.push(`response_schema_conformance: ${why}`);
    }
    // A request the document says is valid must not be refused for a date's or an instant's format.
    if (res.status === 422 && isDocumentValid(path, method, op, call)) {
      const errors = (res.json?.errors ?? []) as { path: string; message: string }[];
      const dateRefusals = errors.filter((e) => /ISO 8601|date that exists|YYYY-MM-DD|year/i.test(e.message));
      if (dateRefusals.length) out.push(`document-valid date refused: ${JSON.stringify(dateRefusals)}`);
    }
    return out;
  }

  function isDocumentValid(path: string, method: string, op: Op, call: Generated): boolean {
    if (op.requestBody) {
      if (typeof call.body === "string") return false;
      if (validate(["paths", path, method, "requestBody", "content", "application/json", "schema"], call.body)) return false;
    }
    const query = new URLSearchParams(call.query ?? "");
    const params = op.parameters ?? [];
    for (const name of query.keys()) if (!params.some((p) => p.in === "query" && p.name === name)) return false;
    for (const [i, p] of params.entries()) {
      if (p.in !== "query" || !query.has(p.name)) continue;
      const raw = query.get(p.name)!;
      const type = (p.schema as { type?: string }).type;
      const value = type === "integer" || type === "number" ? Number(raw) : raw;
      if (validate(["paths", path, method, "parameters", String(i), "schema"], value)) return false;
    }
    return true;
  }

  it("the checks can fail: a 500, an undocumented status, a body off its schema, a date in another format", async () => {
    const op = doc.paths["/meetings/{id}/minutes"]!.get as unknown as Op;
    const call: Generated = { method: "GET", path: "/meetings/{id}/minutes", params: { id: pools.meetings[0]! }, label: "none" };
    const fake = (status: number, json: Record<string, unknown> | null, type = "application/json"): ApiResult => ({ status, contentType: type, headers: new Headers({ ETag: 'W/"h1"' }), json });
    const good = { meetingId: pools.meetings[0]!, summary: "", finalizedAt: null, version: 0, decisions: [], updatedAt: null };
    expect(await check("/meetings/{id}/minutes", "get", op, call, fake(200, good))).toEqual([]);
    expect((await check("/meetings/{id}/minutes", "get", op, call, fake(500, { status: 500 }, "application/problem+json")))[0]).toMatch(/^not_a_server_error/);
    expect((await check("/meetings/{id}/minutes", "get", op, call, fake(418, null)))[0]).toMatch(/^status_code_conformance/);
    expect((await check("/meetings/{id}/minutes", "get", op, call, fake(200, { ...good, extra: 1 })))[0]).toMatch(/^response_schema_conformance/);
    expect((await check("/meetings/{id}/minutes", "get", op, call, fake(200, { ...good, finalizedAt: "2026-11-09 09:00" })))[0]).toMatch(/^response_schema_conformance/);
    expect((await check("/meetings/{id}/minutes", "get", op, call, fake(200, { ...good, finalizedAt: "2026-11-09T09:00:00" })))[0]).toMatch(/^response_schema_conformance/);
  });

  it(`answers generated requests for every operation without a 5xx, as documented (${RUNS} runs per operation, seed ${SEED})`, async () => {
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    let positive = 0;
    let total = 0;
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops as Record<string, Op>).map(([method, op]) => ({ path, method, op })));
    for (const { path, method, op } of operations) {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(requestArb(path, method, op, doc, pools, tokens), async (call) => {
          const res = await callApi(call);
          total++;
          statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
          if (res.status < 300) positive++;
          for (const problem of await check(path, method, op, call, res)) {
            const kind = problem.split(":")[0]!;
            if (seen.has(kind)) continue;
            seen.add(kind);
            failures.push(`${op.operationId} (${method.toUpperCase()} ${path}) [${call.label}] ${problem}\n    request: ${JSON.stringify({ params: call.params, query: call.query, body: call.body, headers: call.headers }).slice(0, 400)}`);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    console.log(`[openapi-property] ${operations.length} operations, ${total} requests (${positive} succeeded), statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(failures).toEqual([]);
  }, 600_000);
});
