import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { operations, type Operation, type OperationId } from "@/lib/api/operations";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { insertItem } from "@/tests/follow-ups";
import { makeUser } from "./fixtures";
import { callApi, tokenOf, type ApiCall } from "./api";
import { runQueuedJobs } from "./jobs";

/**
 * Fuzzing the JSON API: well over a thousand generated malformed requests across every /api/v1
 * operation — NUL and control characters, line breaks in one-line fields, wrong types, ids that are
 * not ids, impossible dates and years, meetings of 8 days, versions beyond 2^31, bad cursors and
 * limits, bad If-Match, unknown fields, broken JSON, wrong content types, oversized bodies, bad
 * tokens. Every answer must be a 4xx problem+json (never a 5xx, never a success) and nothing may
 * be stored: the rows that the test's own users, units and meetings own are counted before and
 * after (the database is shared with the other test files running at the same time).
 *
 * The handlers are called in-process against the real database (tests/api.ts), so the run takes
 * seconds; the per-token rate limit is lifted for it.
 */
process.env.API_RATE_LIMIT = "1000000";

type FieldKind = "line" | "para" | "uuid" | "instant" | "date" | "int" | "version" | "minutesVersion" | "enum" | "bool" | "url";
type Template = {
  op: OperationId;
  token: string;
  params?: Record<string, string>;
  body?: Record<string, unknown>;
  fields?: Record<string, FieldKind>;
  /** Fields without which the body is invalid. */
  required?: string[];
  /** z.strictObject: an unknown field is an error. */
  strict?: boolean;
  /** The version may come as If-Match instead (the body's version is then left out). */
  ifMatch?: boolean;
  query?: Record<string, string>;
};

const BAD: Record<FieldKind, unknown[]> = {
  line: ["Rakor\u0000Pusat", "a\u0007b", "Rakor\r\nBEGIN:VEVENT\r\nUID:x@evil", "a\nb", "a\u2028b", "x".repeat(60_001), 42, { a: 1 }, ["x"], true],
  para: ["a\u0000b", "a\u001bb", "a\u007fb", "x".repeat(60_001), 42, { a: 1 }, false],
  url: ["https://x.test/a\u0000", "https://x.test/\r\nX-Injected: 1", "javascript:alert(1)", 42],
  uuid: ["nope", "' or 1=1 --", "00000000-0000-0000-0000-00000000000z", "\u0000", 42, { id: 1 }],
  instant: [
    "2027-02-30T09:00:00+07:00",
    "2027-02-28T25:61:00+07:00",
    "0000-01-01T09:00:00Z",
    "2101-01-01T00:00:00Z",
    "275760-09-13T00:00:00Z",
    "2027-02-28 09:00",
    "2027-02-28T09:00:00+25:00",
    "besok",
    1_700_000_000_000,
  ],
  date: ["2027-02-30", "2027-13-01", "0000-01-01", "1999-12-31", "99999-01-01", "1.1.2030", "2027-02-28T00:00", 20300101],
  int: [1e10, -1e10, 1.5, "10", true, null],
  version: [2 ** 31, 2 ** 53, -1, 0, 1.5, "3", null],
  minutesVersion: [2 ** 31, -1, 1.5, "0", null],
  enum: ["bogus", "", 1, null],
  bool: ["yes", 1, "true"],
};
const BAD_IDS = ["nope", "%zz", "00000000-0000-0000-0000-000000000000", "1; drop table meetings", "\u0000"];
const BAD_IF_MATCH = ["abc", '"2147483648"', 'W/"-1"', '"1.5"', "99999999999"];
const BAD_JSON = ["{", '{"title": "x",}', "null", "[]", "42", '"x"', ""];
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const BAD_LIST_QUERY = [
  "limit=0",
  "limit=101",
  "limit=-5",
  "limit=abc",
  "limit=1e9",
  "limit=2.5",
  "cursor=!!!",
  `cursor=${b64({ o: 1e15 })}`,
  `cursor=${b64({ o: -1 })}`,
  `cursor=${b64({ o: 1.5 })}`,
  `cursor=${b64("x")}`,
  `cursor=${b64(null)}`,
  `cursor=${"A".repeat(300)}`,
  `cursor=${Buffer.from("not json").toString("base64url")}`,
];

/** A small seeded generator: the same run every time. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MEETING_OPS_WITH_ID = ["getMeeting", "listAgendaItems", "listSpeakers", "listInvitations", "listAttendances", "attendanceSummary", "getMinutes"] as const;

describe("the API under fuzzing", () => {
  let templates: Template[] = [];
  let scope: { units: string[]; users: string[]; emails: string[] };
  let revoked: string;

  beforeAll(async () => {
    const o = await office();
    const admin = await makeUser("admin", o.division.id);
    const [sec, partA, adm] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA), tokenOf(admin)]);
    const m = await publishedMeeting(o);
    // Publishing notifies the invited units through a job: run it now (and wait for one another
    // test file's runner may have taken), so its notices are in the footprint before the fuzzing,
    // not written during it.
    await runQueuedJobs("notices");
    for (let i = 0; i < 100; i++) {
      const [pending] = await rows<{ n: number }>(
        sql`select count(*)::int as n from pgboss.job where name = 'notices' and state in ('created', 'retry', 'active') and data->>'meetingId' = ${m.id}`,
      );
      if (!pending?.n) break;
      await runQueuedJobs("notices");
      await new Promise((r) => setTimeout(r, 200));
    }
    const category = await someCategory();
    const item = await insertItem({ workUnitId: o.unitA.id, status: "in_progress", categoryId: category.id });
    const ids = await rows<{ agenda: string; agendaVersion: number; speaker: string; invitation: string; invitationVersion: number }>(sql`
      select (select id from agenda_items where meeting_id = ${m.id} order by position limit 1) as agenda,
             (select version from agenda_items where meeting_id = ${m.id} order by position limit 1) as agenda_version,
             (select id from speakers where meeting_id = ${m.id} limit 1) as speaker,
             (select id from invitations where meeting_id = ${m.id} and work_unit_id = ${o.unitA.id}) as invitation,
             (select version from invitations where meeting_id = ${m.id} and work_unit_id = ${o.unitA.id}) as invitation_version`);
    const f = ids[0]!;
    const gone = await createApiToken(o.secretariat, { name: "revoked" });
    await revokeApiToken(o.secretariat, gone.id);
    revoked = gone.token;
    const ownToken = await createApiToken(o.secretariat, { name: "kept" });
    scope = {
      units: [o.division.id, o.unitA.id, o.unitB.id],
      users: [o.secretariat.id, o.head.id, o.participantA.id, o.participantB.id, admin.id],
      emails: [o.secretariat.email, o.head.email, o.participantA.email, o.participantB.email, admin.email],
    };
    const meeting = { id: m.id };
    const later = (days: number, hour: number) => new Date(Date.UTC(2034, 5, 1 + days, hour - 7)).toISOString();
    templates = [
      { op: "getMe", token: sec },
      { op: "listTokens", token: sec },
      { op: "createToken", token: sec, body: { name: "Fuzz", expiresAt: "2035-01-01" }, fields: { name: "line", expiresAt: "date" }, required: ["name"] },
      { op: "revokeToken", token: adm, params: { id: ownToken.id } }, // another user's token: 404 as well
      { op: "listWorkUnits", token: adm },
      { op: "listCategories", token: partA },
      { op: "followUpDashboard", token: sec },
      { op: "listMeetings", token: sec, query: { from: "2030-01-01", to: "2040-01-01", status: "scheduled", unitId: o.unitA.id, q: "Rakor" } },
      {
        op: "createMeeting",
        token: sec,
        strict: true,
        body: {
          title: "Rakor Fuzz",
          topic: "Uji",
          description: "Baris 1\nBaris 2",
          kind: "rakor",
          startsAt: later(0, 9),
          endsAt: later(0, 12),
          timeZone: "Asia/Jakarta",
          location: "Ruang Fuzz",
          onlineUrl: "https://meet.example/fuzz",
          organizerUnitId: o.division.id,
          chairUserId: o.head.id,
          acknowledgeConflicts: true,
        },
        fields: {
          title: "line",
          topic: "line",
          description: "para",
          kind: "enum",
          startsAt: "instant",
          endsAt: "instant",
          timeZone: "enum",
          location: "line",
          onlineUrl: "url",
          organizerUnitId: "uuid",
          chairUserId: "uuid",
          acknowledgeConflicts: "bool",
        },
        required: ["title", "startsAt", "endsAt", "timeZone", "organizerUnitId"],
      },
      ...MEETING_OPS_WITH_ID.map((op): Template => ({ op, token: sec, params: meeting })),
      {
        op: "updateMeeting",
        token: sec,
        params: meeting,
        strict: true,
        ifMatch: true,
        body: { title: "Rakor Fuzz 2", topic: "Uji", location: "Ruang Fuzz 2", startsAt: later(3, 9), endsAt: later(3, 11), acknowledgeConflicts: true, version: m.version },
        fields: { title: "line", topic: "line", location: "line", startsAt: "instant", endsAt: "instant", acknowledgeConflicts: "bool", version: "version" },
        required: ["version"],
      },
      { op: "transitionMeeting", token: sec, params: meeting, strict: true, body: { to: "cancelled", reason: "Uji", version: m.version }, fields: { to: "enum", reason: "para", version: "version" }, required: ["to"] },
      {
        op: "createAgendaItem",
        token: sec,
        params: meeting,
        strict: true,
        body: { title: "Acara", description: "Isi", durationMinutes: 15, presenterSpeakerId: f.speaker, position: 1 },
        fields: { title: "line", description: "para", durationMinutes: "int", presenterSpeakerId: "uuid", position: "int" },
        required: ["title", "durationMinutes"],
      },
      {
        op: "updateAgendaItem",
        token: sec,
        params: { id: f.agenda },
        strict: true,
        ifMatch: true,
        body: { title: "Acara 2", description: "Isi", durationMinutes: 20, version: f.agendaVersion },
        fields: { title: "line", description: "para", durationMinutes: "int", position: "int", version: "version" },
        required: ["version"],
      },
      { op: "deleteAgendaItem", token: sec, params: { id: f.agenda }, ifMatch: true },
      {
        op: "createSpeaker",
        token: sec,
        params: meeting,
        strict: true,
        body: { name: "Narasumber", position: "Kepala", organization: "Ombudsman", role: "resource_person", onBehalfOf: "Kakanwil", topic: "Pelayanan", order: 3 },
        fields: { name: "line", position: "line", organization: "line", role: "enum", onBehalfOf: "line", topic: "line", order: "int", userId: "uuid" },
        required: ["role"],
      },
      { op: "createInvitation", token: sec, params: meeting, strict: true, body: { workUnitId: o.unitB.id, includeSubUnits: false }, fields: { workUnitId: "uuid", includeSubUnits: "bool", acknowledgeConflicts: "bool" }, required: ["workUnitId"] },
      {
        op: "respondInvitation",
        token: partA,
        params: { id: f.invitation },
        strict: true,
        body: { response: "declined", reason: "Bentrok", version: f.invitationVersion },
        fields: { response: "enum", reason: "para", representedBy: "line", version: "version" },
        required: ["response"],
      },
      {
        op: "createAttendance",
        token: sec,
        params: meeting,
        strict: true,
        body: { name: "Tamu", position: "Staf", organization: "Dinas", status: "present", workUnitId: o.unitA.id },
        fields: { name: "line", position: "line", organization: "line", status: "enum", workUnitId: "uuid", representedBy: "line", userId: "uuid" },
        required: ["status"],
      },
      { op: "putMinutes", token: sec, params: meeting, strict: true, ifMatch: true, body: { summary: "Ringkasan\nrapat", version: 0 }, fields: { summary: "para", version: "minutesVersion" }, required: ["summary"] },
      { op: "createDecision", token: sec, params: meeting, strict: true, body: { text: "Keputusan\nsatu" }, fields: { text: "para" }, required: ["text"] },
      { op: "transitionMinutes", token: sec, params: meeting, strict: true, ifMatch: true, body: { to: "open", reason: "Salah ketik", version: 1 }, fields: { to: "enum", reason: "para", version: "minutesVersion" }, required: ["to"] },
      {
        op: "issueLetter",
        token: sec,
        params: meeting,
        strict: true,
        body: { letterDate: "2033-01-01", placeName: "Surabaya", signerName: "Budi", signerPosition: "Kepala", nature: "biasa", subject: "Undangan", addressees: ["Kepala Divisi"], copies: ["Kakanwil"], signerNip: "197001011990031001", onBehalfKind: "an", onBehalfOf: "Kakanwil", kind: "invitation", number: "X-1" },
        fields: { letterDate: "date", placeName: "line", signerName: "line", signerPosition: "line", nature: "enum", subject: "line", onBehalfOf: "line", kind: "enum", number: "line" },
        required: ["letterDate", "placeName", "signerName", "signerPosition"],
      },
      { op: "listLetters", token: sec, query: { officeId: o.division.id, year: "2033", meetingId: m.id } },
      { op: "getLetterPdf", token: sec, params: { id: f.speaker } },
      { op: "listActionItems", token: sec, query: { unitId: o.unitA.id, status: "open", categoryId: category.id, meetingId: m.id, overdue: "true", dueFrom: "2030-01-01", dueTo: "2040-01-01" } },
      {
        op: "createActionItem",
        token: sec,
        strict: true,
        body: { title: "Tindak lanjut", description: "Isi", categoryId: category.id, workUnitId: o.unitA.id, dueDate: "2035-01-31", priority: "high", meetingId: m.id },
        fields: { title: "line", description: "para", categoryId: "uuid", workUnitId: "uuid", dueDate: "date", priority: "enum", meetingId: "uuid", picUserId: "uuid", decisionId: "uuid" },
        required: ["title", "categoryId", "workUnitId", "dueDate"],
      },
      { op: "getActionItem", token: sec, params: { id: item.id } },
      {
        op: "updateActionItem",
        token: sec,
        params: { id: item.id },
        strict: true,
        ifMatch: true,
        body: { title: "Rencana baru", description: "Isi", priority: "low", dueDate: "2035-02-28", version: item.version },
        fields: { title: "line", description: "para", categoryId: "uuid", picUserId: "uuid", dueDate: "date", priority: "enum", version: "version" },
        required: ["version"],
      },
      { op: "listActionItemUpdates", token: sec, params: { id: item.id } },
      { op: "getMeetingDocument", token: sec, params: { id: m.id, kind: "ics" } },
      { op: "deleteMeeting", token: sec, params: meeting, ifMatch: true },
      {
        op: "updateSpeaker",
        token: sec,
        params: { id: f.speaker },
        strict: true,
        ifMatch: true,
        body: { name: "Narasumber", topic: "Pelayanan", order: 3, version: 1 },
        fields: { name: "line", position: "line", organization: "line", role: "enum", onBehalfOf: "line", topic: "line", order: "int", userId: "uuid", version: "version" },
      },
      { op: "deleteSpeaker", token: sec, params: { id: f.speaker }, ifMatch: true },
      { op: "updateDecision", token: sec, params: { id: f.speaker }, strict: true, ifMatch: true, body: { text: "Keputusan", version: 1 }, fields: { text: "para", version: "version" }, required: ["text"] },
      { op: "deleteDecision", token: sec, params: { id: f.speaker }, ifMatch: true },
      { op: "withdrawInvitation", token: sec, params: { id: f.invitation }, ifMatch: true },
      { op: "deleteAttendance", token: sec, params: { id: f.invitation }, ifMatch: true },
      { op: "listEvents", token: partA, query: { limit: "10", kinds: "meeting.created,follow-up.verified", meetingId: m.id } },
      { op: "listWebhooks", token: sec },
      { op: "listPeople", token: partA, query: { q: "Peserta", workUnitId: o.unitA.id } },
      { op: "createWebhook", token: sec, strict: true, body: { url: "https://example.org/hook", kinds: ["meeting.created"] }, fields: { url: "url", kinds: "enum" }, required: ["url"] },
      { op: "getWebhook", token: sec, params: { id: f.speaker } },
      { op: "deleteWebhook", token: sec, params: { id: f.speaker }, ifMatch: true },
      { op: "listWebhookDeliveries", token: sec, params: { id: f.speaker } },
      { op: "redeliverWebhook", token: sec, params: { id: f.speaker } },
      {
        op: "createActionItemUpdate",
        token: partA,
        params: { id: item.id },
        strict: true,
        body: { to: "reported", progress: 100, note: "Selesai", evidenceUrl: "https://bukti.example/2", version: item.version },
        fields: { to: "enum", progress: "int", note: "para", evidenceUrl: "url", version: "version" },
        required: ["note"],
      },
      // A participant's token: a well-formed body is refused (403) too, so nothing is ever read into a run.
      {
        op: "provision",
        token: partA,
        strict: true,
        query: { dryRun: "true" },
        body: { people: "NIP;Nama;Jabatan;Kode Unit;E-mail;Peran\n", fullExport: false },
        fields: { people: "para", units: "para", fullExport: "bool" },
        required: ["people"],
      },
    ];
  }, 120_000);

  /** Every malformed variant of every template, plus random two-fault combinations up to `total`. */
  function generate(total: number): (ApiCall & { op: OperationId; why: string })[] {
    const out: (ApiCall & { op: OperationId; why: string })[] = [];
    const rand = prng(20_181_109);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    for (const t of templates) {
      const op: Operation = operations[t.op];
      const base = (): ApiCall & { op: OperationId } => ({ op: t.op, method: op.method, path: op.path, params: t.params, token: t.token, body: t.body ? { ...t.body } : undefined, query: t.query ? new URLSearchParams(t.query).toString() : undefined });
      const add = (why: string, c: ApiCall & { op: OperationId }) => out.push({ ...c, why });
      // Credentials.
      add("no credentials", { ...base(), token: null });
      add("revoked token", { ...base(), token: revoked });
      for (const header of ["Bearer rk_nope", "Basic Zm9vOmJhcg==", `Bearer ${"a".repeat(500)}`, "Bearer", "Bearer rk_x rk_y"]) add(`authorization ${header.slice(0, 20)}`, { ...base(), token: null, headers: { authorization: header } });
      // Path ids.
      if (t.params?.id) for (const id of BAD_IDS) add(`id ${JSON.stringify(id)}`, { ...base(), params: { id } });
      // Queries.
      if (op.query) {
        for (const q of BAD_LIST_QUERY) add(`query ${q.slice(0, 40)}`, { ...base(), query: q });
        const own: Record<string, string[]> =
          t.op === "listMeetings"
            ? { from: ["2027-02-30", "2027-13-01", "0000-01-01", "2018-11-09T09:00"], to: ["2101-01-01", "x"], status: ["bogus"], unitId: ["nope", "%00"], q: ["a\u0000b", "a\u0007", "x".repeat(201)] }
            : { unitId: ["nope"], categoryId: ["1"], meetingId: ["%zz"], picUserId: ["\u0000"], status: ["bogus"], overdue: ["maybe", "2"], dueFrom: ["2027-02-30", "0000-01-01"], dueTo: ["1999-12-31", "2027-02-28T00:00"] };
        for (const [k, values] of Object.entries(own)) for (const v of values) add(`query ${k}=${JSON.stringify(v).slice(0, 30)}`, { ...base(), query: new URLSearchParams({ ...t.query, [k]: v }).toString() });
      }
      // If-Match (the body's version left out, else it would win).
      if (t.ifMatch) {
        for (const v of BAD_IF_MATCH) {
          const c = base();
          if (c.body) delete (c.body as Record<string, unknown>).version;
          add(`If-Match ${v}`, { ...c, headers: { "if-match": v } });
        }
      }
      if (!t.body) continue;
      // Raw bodies: broken JSON, other content types, too large.
      for (const raw of BAD_JSON) add(`json ${JSON.stringify(raw)}`, { ...base(), body: raw });
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) add(`content-type ${type}`, { ...base(), headers: { "content-type": type } });
      add("body over 1 MB", { ...base(), body: JSON.stringify({ ...t.body, description: "x".repeat(1_000_001) }) });
      // Field by field.
      for (const [field, kind] of Object.entries(t.fields ?? {})) {
        for (const value of BAD[kind]) {
          const c = base();
          (c.body as Record<string, unknown>)[field] = value;
          add(`${field}=${JSON.stringify(value)?.slice(0, 30)}`, c);
        }
      }
      for (const field of t.required ?? []) {
        const c = base();
        delete (c.body as Record<string, unknown>)[field];
        add(`missing ${field}`, c);
      }
      if (t.strict) for (const extra of ["isAdmin", "__proto__x", "id"]) add(`unknown field ${extra}`, { ...base(), body: { ...t.body, [extra]: true } });
      if (t.op === "createMeeting" || t.op === "updateMeeting") {
        const start = String(t.body.startsAt);
        const plus = (h: number) => new Date(new Date(start).getTime() + h * 3_600_000).toISOString();
        add("meeting of 8 days", { ...base(), body: { ...t.body, endsAt: plus(8 * 24) } });
        add("meeting of 132 years", { ...base(), body: { ...t.body, startsAt: "2030-01-01T00:00:00Z", endsAt: "2162-01-01T00:00:00Z" } });
        add("ends before it starts", { ...base(), body: { ...t.body, endsAt: plus(-1) } });
      }
    }
    // Random combinations of two faults (each alone is already refused).
    const withFields = templates.filter((t) => t.fields && Object.keys(t.fields).length > 1);
    while (out.length < total) {
      const t = pick(withFields);
      const op = operations[t.op];
      const names = Object.keys(t.fields!);
      const a = pick(names);
      const b = pick(names.filter((n) => n !== a));
      const body = { ...t.body, [a]: pick(BAD[t.fields![a]!]), [b]: pick(BAD[t.fields![b]!]) };
      out.push({ op: t.op, method: op.method, path: op.path, params: t.params, token: t.token, body, why: `combined ${a} + ${b}` });
    }
    return out;
  }

  /** The rows the test's own units, users and meetings own, and the versions of what they own. */
  async function footprint() {
    const units = sql`array[${sql.join(scope.units.map((u) => sql`${u}::uuid`), sql`, `)}]`;
    const people = sql`array[${sql.join(scope.users.map((u) => sql`${u}::uuid`), sql`, `)}]`;
    const emails = sql`array[${sql.join(scope.emails.map((e) => sql`${e}`), sql`, `)}]::text[]`;
    const ms = sql`(select id from meetings where organizer_unit_id = any(${units}))`;
    const items = sql`(select id from action_items where work_unit_id = any(${units}))`;
    const [row] = await rows<Record<string, string | number>>(sql`select
      (select count(*) from meetings where organizer_unit_id = any(${units}) or created_by = any(${people})) as meetings,
      (select coalesce(sum(version), 0) from meetings where organizer_unit_id = any(${units})) as meeting_versions,
      (select count(*) || ':' || coalesce(sum(version), 0) from agenda_items where meeting_id in ${ms}) as agenda_items,
      (select count(*) || ':' || coalesce(sum(version), 0) from speakers where meeting_id in ${ms}) as speakers,
      (select count(*) || ':' || coalesce(sum(version), 0) from invitations where meeting_id in ${ms} or work_unit_id = any(${units})) as invitations,
      (select count(*) from attendances where meeting_id in ${ms} or recorded_by = any(${people})) as attendances,
      (select count(*) || ':' || coalesce(sum(version), 0) from minutes where meeting_id in ${ms}) as minutes,
      (select count(*) from decisions where meeting_id in ${ms} or created_by = any(${people})) as decisions,
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(progress), 0) from action_items where work_unit_id = any(${units})) as action_items,
      (select count(*) from action_item_updates where action_item_id in ${items} or author_id = any(${people})) as updates,
      (select count(*) from evidence_files where action_item_id in ${items}) as evidence,
      (select count(*) || ':' || count(revoked_at) from api_tokens where user_id = any(${people})) as tokens,
      (select count(*) from audit_logs where actor_id = any(${people})) as audit,
      (select count(*) from notifications where user_id = any(${people})) as notifications,
      (select count(*) from outbox_emails where to_address = any(${emails})) as emails,
      (select count(*) || ':' || coalesce(sum(version), 0) from users where work_unit_id = any(${units})) as users`);
    return row!;
  }

  it("answers ≥ 1,000 malformed requests across every operation with a 4xx problem+json and stores nothing", async () => {
    const requests = generate(1_200);
    expect(requests.length).toBeGreaterThanOrEqual(1_000);
    const covered = new Set(requests.map((r) => r.op));
    expect([...Object.keys(operations)].filter((id) => !covered.has(id as OperationId))).toEqual([]);

    const before = await footprint();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    // A few at a time, as clients would send them.
    for (let i = 0; i < requests.length; i += 4) {
      await Promise.all(
        requests.slice(i, i + 4).map(async (r) => {
          const res = await callApi(r);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const problem = res.contentType.includes("application/problem+json") && res.json?.status === res.status;
          if (res.status < 400 || res.status >= 500 || !problem) failures.push(`${r.op} [${r.why}] → ${res.status} ${res.contentType} ${JSON.stringify(res.json)?.slice(0, 200)}`);
        }),
      );
    }
    const after = await footprint();
    console.log(`[fuzz] ${requests.length} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(failures.slice(0, 25)).toEqual([]);
    expect(after).toEqual(before);
  }, 300_000);
});
