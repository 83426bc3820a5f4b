import { createHash } from "node:crypto";
import type { OperationId } from "./operations";

/**
 * Examples for the OpenAPI document (issue 22: "examples on every operation"). Request bodies are
 * written by hand per operation (a coherent rakor of the Kanwil); response bodies, parameters and
 * problems are built from their schemas with realistic values per field name, so they cannot
 * drift from the schemas. lib/api/openapi-examples.test.ts checks that every operation has them
 * and that every example is valid against its own schema.
 */

const MEETING = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
const UNIT = "0b7c1e52-3a4d-4e8f-9a6b-2c1d0e9f8a7b";
const USER = "4e3d2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c1b";
const CATEGORY = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const SPEAKER = "2d4f6a8c-0e1b-4c3d-9e5f-7a9b1c3d5e7f";

/** Hand-written request bodies, per operation. */
export const REQUEST_EXAMPLES: Partial<Record<OperationId, Record<string, unknown>>> = {
  createToken: { name: "Dasbor Biro Perencanaan", expiresAt: "2027-06-30" },
  createMeeting: {
    title: "Rakor Pelayanan Publik Triwulan IV",
    topic: "Peningkatan kualitas pelayanan publik",
    description: "Evaluasi standar pelayanan dan tindak lanjut pengaduan masyarakat.",
    kind: "rakor",
    startsAt: "2026-11-09T09:00:00+07:00",
    endsAt: "2026-11-09T12:00:00+07:00",
    timeZone: "Asia/Jakarta",
    location: "Aula Kanwil Jawa Timur",
    onlineUrl: "https://zoom.us/j/123456789",
    organizerUnitId: UNIT,
    chairUserId: USER,
  },
  updateMeeting: { startsAt: "2026-11-10T09:00:00+07:00", endsAt: "2026-11-10T12:00:00+07:00", version: 3 },
  transitionMeeting: { to: "scheduled", version: 1 },
  createAgendaItem: { title: "Paparan data pengaduan", description: "Rekapitulasi pengaduan triwulan IV per kantor.", durationMinutes: 45, presenterSpeakerId: SPEAKER },
  updateAgendaItem: { durationMinutes: 60, position: 2, version: 1 },
  createSpeaker: { name: "Agus Widiyarta", position: "Kepala Perwakilan", organization: "Ombudsman RI Jawa Timur", role: "resource_person", topic: "Standar pelayanan publik" },
  updateSpeaker: { topic: "Maladministrasi dalam pelayanan keimigrasian", order: 2, version: 1 },
  createInvitation: { workUnitId: UNIT, includeSubUnits: true },
  respondInvitation: { response: "attending", delegates: [{ name: "Siti Rahmawati", position: "Kepala Seksi Lalu Lintas" }], version: 1 },
  createAttendance: { userId: USER, status: "present", version: 0 },
  putMinutes: { summary: "Kepala Divisi Keimigrasian membuka rapat dan menyampaikan arahan.", version: 0 },
  transitionMinutes: { to: "finalized", version: 2 },
  issueLetter: {
    kind: "invitation",
    letterDate: "2026-11-02",
    placeName: "Surabaya",
    nature: "segera",
    subject: "Undangan Rakor Pelayanan Publik Triwulan IV",
    addressees: ["Kepala Kantor Imigrasi Kelas I TPI Surabaya", "Kepala Kantor Imigrasi Kelas I Malang"],
    copies: ["Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur"],
    signerName: "Budi Santoso",
    signerPosition: "Kepala Divisi Keimigrasian",
    signerNip: "197001011990031001",
    onBehalfKind: "an",
    onBehalfOf: "Kepala Kantor Wilayah",
  },
  createDecision: { text: "Setiap kantor imigrasi memublikasikan standar pelayanan paling lambat 31 Desember 2026." },
  updateDecision: { text: "Setiap kantor imigrasi memublikasikan standar pelayanan paling lambat 15 Desember 2026.", version: 1 },
  createActionItem: {
    meetingId: MEETING,
    title: "Publikasi standar pelayanan di setiap kantor",
    description: "Unggah standar pelayanan ke laman dan papan informasi.",
    categoryId: CATEGORY,
    workUnitId: UNIT,
    picUserId: USER,
    dueDate: "2026-12-31",
    priority: "high",
  },
  updateActionItem: { dueDate: "2027-01-15", priority: "medium", version: 2 },
  createActionItemUpdate: { to: "reported", progress: 100, note: "Standar pelayanan telah diunggah.", evidenceUrl: "https://surabaya.imigrasi.go.id/standar-pelayanan", version: 4 },
  createWebhook: { url: "https://data.kemenkumham.go.id/rakor/webhook", kinds: ["meeting.published", "minutes.finalized", "letter.issued"] },
  provision: {
    people: "NIP;Nama;Jabatan;Kode Unit;E-mail;Peran\n197001011990031001;Budi Santoso;Kepala Divisi Keimigrasian;W15.IMI;budi.santoso@kemenkumham.go.id;head\n",
    fullExport: false,
  },
};

const INSTANT_EXAMPLE = "2026-11-09T02:00:00.000Z";
/** Realistic values by field name (used when the value fits the field's schema). */
const BY_NAME: Record<string, unknown> = {
  title: "Rakor Pelayanan Publik Triwulan IV",
  topic: "Peningkatan kualitas pelayanan publik",
  description: "Evaluasi standar pelayanan dan tindak lanjut pengaduan masyarakat.",
  location: "Aula Kanwil Jawa Timur",
  onlineUrl: "https://zoom.us/j/123456789",
  name: "Budi Santoso",
  email: "budi.santoso@kemenkumham.go.id",
  position: "Kepala Divisi Keimigrasian",
  organization: "Ombudsman RI Jawa Timur",
  workUnitName: "Divisi Keimigrasian",
  organizerUnitName: "Divisi Keimigrasian",
  unitName: "Kantor Imigrasi Kelas I TPI Surabaya",
  nip: "197001011990031001",
  signerNip: "197001011990031001",
  signerName: "Budi Santoso",
  signerPosition: "Kepala Divisi Keimigrasian",
  onBehalfOf: "Kepala Kantor Wilayah",
  placeName: "Surabaya",
  subject: "Undangan Rakor Pelayanan Publik Triwulan IV",
  summary: "Kepala Divisi Keimigrasian membuka rapat dan menyampaikan arahan.",
  text: "Setiap kantor imigrasi memublikasikan standar pelayanan paling lambat 31 Desember 2026.",
  note: "Standar pelayanan telah diunggah.",
  reason: "Bertepatan dengan kunjungan kerja Menteri.",
  cancelReason: "Bertepatan dengan kunjungan kerja Menteri.",
  representedBy: "Siti Rahmawati",
  code: "W15.IMI",
  nameId: "Pelayanan publik",
  nameEn: "Public service",
  building: "Gedung A",
  url: "https://data.kemenkumham.go.id/rakor/webhook",
  evidenceUrl: "https://surabaya.imigrasi.go.id/standar-pelayanan",
  token: "rk_8Jx2mQ4vT9nW1cL6pR3sY7bK0dF5hG2a",
  secret: "whsec_Zk3n8Qm2Vx7cT1pR9sL4yB6dF0hJ5gW",
  number: "W15.IMI-UM.01.01-123/2026",
  addressees: ["Kepala Kantor Imigrasi Kelas I TPI Surabaya"],
  copies: ["Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur"],
  sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  verificationCode: "K7M2Q9XD",
  month: "2026-11",
  detail: "The request has invalid fields.",
  message: "Required.",
  path: "title",
  suggestion: "Rakor Pelayanan Publik Triwulan IV",
  endsAt: "2026-11-09T05:00:00.000Z",
  startsAt: INSTANT_EXAMPLE,
  durationMinutes: 45,
  totalMinutes: 180,
  progress: 60,
  version: 3,
  total: 1,
  limit: 25,
  year: 2026,
  timeZone: "Asia/Jakarta",
  lastResponseBody: "ok",
  payload: '{"id":"1234.56","kind":"meeting.published"}',
  lastError: null,
  nextCursor: "1234.56",
  prevCursor: null,
  include: "agenda,speakers",
  kinds: "meeting.published,letter.issued",
  q: "Budi",
  after: "1234.56",
  cursor: "eyJkIjoibiIsImsiOlsiMjAyNi0xMS0wOSIsIjZmMWQyYzNiIl0sImIiOiJxMXcyZTNyNHQ1eTZ1N2k4In0",
  id: "1234.56",
  eventId: "1234.56",
  data: { status: "scheduled", startsAt: "2026-11-09T02:00:00.000Z" },
  "If-Match": 'W/"3"',
  "If-None-Match": 'W/"3-q1w2e3r4t5y6u7i8o9p0a1"',
};

/** Nullable fields whose usual value is null (a letter not withdrawn, a meeting not in a series…). */
const NULL_BY_DEFAULT = new Set([
  "withdrawnAt",
  "withdrawReason",
  "refersToLetterId",
  "previousStartsAt",
  "previousEndsAt",
  "cancelReason",
  "seriesId",
  "seriesIndex",
  "lastError",
  "decisionId",
  "evidenceFileId",
  "expiresAt",
  "checkedInAt",
  "representedBy",
  "room",
  "roomId",
  "parentId",
  "fromStatus",
  "actionItemId",
  "deliveredAt",
  "nextCursor",
  "prevCursor",
]);

const INSTANT = INSTANT_EXAMPLE;
const DATE = "2026-11-09";
/** A stable, valid UUID per field name (the same name, the same id across examples). */
function uuidFor(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Schema = Record<string, unknown>;
const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v);

function fits(value: unknown, s: Schema): boolean {
  if (Array.isArray(s.enum)) return s.enum.includes(value);
  if (s.const !== undefined) return s.const === value;
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  const t = typeOf(value);
  if (types.length && !types.includes(t) && !(t === "integer" && types.includes("number"))) return false;
  if (typeof value === "string") {
    const patterns = [s.pattern, ...((s.allOf ?? []) as Schema[]).map((a) => a.pattern)].filter((x): x is string => typeof x === "string");
    if (patterns.some((pattern) => !new RegExp(pattern, "u").test(value))) return false;
    if (typeof s.maxLength === "number" && value.length > s.maxLength) return false;
    if (s.format === "uuid" && !/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(value)) return false;
    if (s.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    if (s.format === "date-time" && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return false;
  }
  if (typeof value === "number" && ((typeof s.minimum === "number" && value < s.minimum) || (typeof s.maximum === "number" && value > s.maximum))) return false;
  return types.length > 0 || Array.isArray(s.enum);
}

/**
 * An example value of a JSON Schema (refs resolved against the document's components): every
 * property filled (optional ones too), the first non-null branch of a union, one item per array.
 */
export function exampleOf(schema: Schema, components: Record<string, Schema>, name = "", depth = 0): unknown {
  if (depth > 12) return null;
  if (typeof schema.$ref === "string") {
    const id = schema.$ref.split("/").pop()!;
    return exampleOf(components[id] ?? {}, components, name, depth + 1);
  }
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (Array.isArray(schema.allOf) && !schema.type && !schema.properties) {
    return Object.assign({}, ...(schema.allOf as Schema[]).map((s) => exampleOf(s, components, name, depth + 1)));
  }
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union) {
    const nullable = union.some((s) => s.type === "null");
    if (nullable && NULL_BY_DEFAULT.has(name)) return null;
    if (name in BY_NAME && union.some((s) => fits(BY_NAME[name], s) || (BY_NAME[name] === null && s.type === "null"))) return BY_NAME[name];
    const branch = union.find((s) => s.type !== "null") ?? union[0]!;
    return exampleOf(branch, components, name, depth + 1);
  }
  if (Array.isArray(schema.type) && schema.type.includes("null") && NULL_BY_DEFAULT.has(name)) return null;
  if (name in BY_NAME && fits(BY_NAME[name], schema)) return BY_NAME[name];
  if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null) ?? null;
  if (schema.const !== undefined) return schema.const;
  const types = Array.isArray(schema.type) ? (schema.type as string[]).filter((t) => t !== "null") : [schema.type];
  const type = types[0];
  if (type === "object" || (!type && schema.properties)) {
    const out: Record<string, unknown> = {};
    for (const [key, s] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) out[key] = exampleOf(s, components, key, depth + 1);
    return out;
  }
  if (type === "array") {
    if (name in BY_NAME && Array.isArray(BY_NAME[name])) return BY_NAME[name];
    const items = (schema.items ?? {}) as Schema;
    return [exampleOf(items, components, name.replace(/s$/, ""), depth + 1)];
  }
  if (type === "string") {
    if (schema.format === "uuid") return uuidFor(name);
    if (schema.format === "date-time") return INSTANT;
    if (schema.format === "date") return DATE;
    if (schema.format === "email") return "budi.santoso@kemenkumham.go.id";
    if (schema.format === "uri") return "https://rakor.example.go.id";
    return typeof schema.minLength === "number" && schema.minLength > 6 ? "x".repeat(schema.minLength) : "Rakor";
  }
  if (type === "integer" || type === "number") return typeof schema.minimum === "number" ? Math.max(schema.minimum, 1) : 1;
  if (type === "boolean") return false;
  if (type === "null") return null;
  return null;
}
