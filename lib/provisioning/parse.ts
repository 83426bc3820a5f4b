import "server-only";
import { ROLES, TIME_ZONES, WORK_UNIT_KINDS, type Role } from "@/db/schema";
import { stripUnsafeChars } from "@/lib/input";

/**
 * Reading a personnel export (SIMPEG): CSV (";" or ",", UTF-8 with or without BOM, quoted fields)
 * or XLSX (the first sheet). The first row names the columns; each later row is one person (or
 * one unit). Every problem is reported by file, line and column; nothing is guessed.
 */
export type FileKind = "people" | "units";
export type RowError = { file: FileKind; line: number; column: string; message: string; params?: Record<string, string> };

export type PersonRow = { line: number; nip: string; name: string; position: string; unitCode: string; email: string; role: Role | null };
export type UnitRow = { line: number; code: string; name: string; parentCode: string | null; timeZone: string; kind: string | null };

/** A table read from a file: the header as written, and each row's cells with its line number. */
type Table = { header: string[]; rows: { line: number; cells: string[] }[] };

export const MAX_ROWS = 50_000;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Column names as people write them → our field (lower case, letters and digits only). */
const PEOPLE_COLUMNS: Record<string, keyof Omit<PersonRow, "line">> = {
  nip: "nip",
  nama: "name",
  name: "name",
  namalengkap: "name",
  jabatan: "position",
  position: "position",
  kodeunit: "unitCode",
  unitcode: "unitCode",
  kodesatker: "unitCode",
  email: "email",
  surel: "email",
  peran: "role",
  role: "role",
};
const UNIT_COLUMNS: Record<string, keyof Omit<UnitRow, "line">> = {
  kode: "code",
  code: "code",
  kodeunit: "code",
  nama: "name",
  name: "name",
  namaunit: "name",
  kodeinduk: "parentCode",
  parentcode: "parentCode",
  induk: "parentCode",
  zonawaktu: "timeZone",
  timezone: "timeZone",
  zona: "timeZone",
  jenis: "kind",
  kind: "kind",
};
/** The column as the messages name it when the file lacks it. */
const PEOPLE_LABELS: Record<string, string> = { nip: "NIP", name: "Nama", position: "Jabatan", unitCode: "Kode Unit", email: "E-mail", role: "Peran" };
const UNIT_LABELS: Record<string, string> = { code: "Kode", name: "Nama", parentCode: "Kode Induk", timeZone: "Zona Waktu", kind: "Jenis" };

const ROLE_WORDS: Record<string, Role> = {
  admin: "admin",
  administrator: "admin",
  sekretariat: "secretariat",
  secretariat: "secretariat",
  kepala: "head",
  kepaladivisi: "head",
  head: "head",
  peserta: "participant",
  participant: "participant",
  pegawai: "participant",
};
const ZONE_WORDS: Record<string, (typeof TIME_ZONES)[number]> = { wib: "Asia/Jakarta", wita: "Asia/Makassar", wit: "Asia/Jayapura" };
const KIND_WORDS: Record<string, (typeof WORK_UNIT_KINDS)[number]> = {
  kanwil: "regional_office",
  kantorwilayah: "regional_office",
  divisi: "division",
  upt: "technical_unit",
  unit: "technical_unit",
  unitpelaksanateknis: "technical_unit",
};

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const letter = (index: number): string => (index < 26 ? "" : letter(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/** CSV text → rows of cells with the line each row starts on. Quotes may hold separators and line breaks. */
export function parseCsv(text: string): Table {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = "";
      line++;
      start = line;
    } else cell += c;
  }
  if (cell !== "" || cells.length) {
    cells.push(cell);
    records.push({ line: start, cells });
  }
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [head, ...rows] = nonEmpty;
  return { header: head?.cells ?? [], rows };
}

/** The first sheet of an XLSX workbook as a table (cells as the sheet shows them). */
export async function parseXlsx(data: Buffer): Promise<Table> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // An 18-digit NIP typed as a number has already lost digits in Excel: keep what it shows, the check refuses it.
      cells.push(typeof cell.value === "number" && !Number.isSafeInteger(cell.value) ? String(cell.value) : cell.text ?? "");
    }
    if (cells.some((x) => x.trim() !== "")) rows.push({ line: rowNumber, cells });
  });
  const [head, ...rest] = rows;
  return { header: head?.cells ?? [], rows: rest };
}

/** A file by its name and first bytes: XLSX is a ZIP ("PK"), everything else is read as CSV text. */
export async function readTable(data: Buffer): Promise<Table> {
  if (data.length >= 2 && data[0] === 0x50 && data[1] === 0x4b) return parseXlsx(data);
  return parseCsv(data.toString("utf8"));
}

function columnsOf<F extends string>(table: Table, file: FileKind, aliases: Record<string, F>, required: F[], labels: Record<string, string>, errors: RowError[]) {
  const index = new Map<F, { at: number; column: string }>();
  table.header.forEach((raw, at) => {
    const field = aliases[key(raw)];
    if (field && !index.has(field)) index.set(field, { at, column: `${stripUnsafeChars(raw).trim()} (${letter(at)})` });
  });
  for (const field of required) {
    if (!index.has(field)) errors.push({ file, line: 1, column: labels[field]!, message: "provisioning.errors.missingColumn" });
  }
  return index;
}

const clean = (value: string | undefined, max: number) => stripUnsafeChars(value ?? "").replace(/\s+/g, " ").trim().slice(0, max + 1);

/** People rows, every cell checked; duplicates of a NIP or e-mail name the line they repeat. */
export function readPeople(table: Table): { rows: PersonRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  if (table.rows.length > MAX_ROWS) return { rows: [], errors: [{ file: "people", line: MAX_ROWS + 2, column: "-", message: "provisioning.errors.tooManyRows", params: { max: String(MAX_ROWS) } }] };
  const cols = columnsOf(table, "people", PEOPLE_COLUMNS, ["nip", "name", "unitCode", "email"], PEOPLE_LABELS, errors);
  if (errors.length) return { rows: [], errors };
  const rows: PersonRow[] = [];
  const seenNip = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const get = (field: keyof Omit<PersonRow, "line">) => {
      const c = cols.get(field);
      return c ? { value: cells[c.at], column: c.column } : { value: "", column: PEOPLE_LABELS[field]! };
    };
    const fail = (column: string, message: string, params?: Record<string, string>) => errors.push({ file: "people", line, column, message, ...(params ? { params } : {}) });
    const nip = get("nip");
    const nipValue = clean(nip.value, 40).replace(/[\s.'-]/g, "");
    if (!nipValue) fail(nip.column, "errors.required");
    else if (!/^[0-9]{18}$/.test(nipValue)) fail(nip.column, "errors.invalidNip");
    else if (seenNip.has(nipValue)) fail(nip.column, "provisioning.errors.duplicate", { line: String(seenNip.get(nipValue)) });
    else seenNip.set(nipValue, line);
    const name = get("name");
    const nameValue = clean(name.value, 200);
    if (!nameValue) fail(name.column, "errors.required");
    else if (nameValue.length > 200) fail(name.column, "provisioning.errors.tooLong", { max: "200" });
    const position = get("position");
    const positionValue = clean(position.value, 200);
    if (positionValue.length > 200) fail(position.column, "provisioning.errors.tooLong", { max: "200" });
    const unit = get("unitCode");
    const unitValue = clean(unit.value, 40);
    if (!unitValue) fail(unit.column, "errors.required");
    else if (!/^[A-Za-z0-9-]{1,40}$/.test(unitValue)) fail(unit.column, "admin.errors.code");
    const email = get("email");
    const emailValue = clean(email.value, 200).toLowerCase();
    if (!emailValue) fail(email.column, "errors.required");
    else if (emailValue.length > 200 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(emailValue)) fail(email.column, "errors.invalidEmail");
    else if (seenEmail.has(emailValue)) fail(email.column, "provisioning.errors.duplicate", { line: String(seenEmail.get(emailValue)) });
    else seenEmail.set(emailValue, line);
    const role = get("role");
    const roleText = clean(role.value, 40);
    const roleValue = roleText ? (ROLE_WORDS[key(roleText)] ?? null) : null;
    if (roleText && !roleValue) fail(role.column, "provisioning.errors.role", { allowed: "admin, sekretariat, kepala, peserta" });
    rows.push({ line, nip: nipValue, name: nameValue, position: positionValue, unitCode: unitValue, email: emailValue, role: roleValue && (ROLES as readonly string[]).includes(roleValue) ? roleValue : null });
  }
  return { rows, errors };
}

/** Unit rows: code, name, parent code (empty: at the top), time zone (WIB/WITA/WIT or the zone's name), optional kind. */
export function readUnits(table: Table): { rows: UnitRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  if (table.rows.length > 5_000) return { rows: [], errors: [{ file: "units", line: 5_002, column: "-", message: "provisioning.errors.tooManyRows", params: { max: "5000" } }] };
  const cols = columnsOf(table, "units", UNIT_COLUMNS, ["code", "name"], UNIT_LABELS, errors);
  if (errors.length) return { rows: [], errors };
  const rows: UnitRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const get = (field: keyof Omit<UnitRow, "line">) => {
      const c = cols.get(field);
      return c ? { value: cells[c.at], column: c.column } : { value: "", column: UNIT_LABELS[field]! };
    };
    const fail = (column: string, message: string, params?: Record<string, string>) => errors.push({ file: "units", line, column, message, ...(params ? { params } : {}) });
    const code = get("code");
    const codeValue = clean(code.value, 40);
    if (!codeValue) fail(code.column, "errors.required");
    else if (!/^[A-Za-z0-9-]{1,40}$/.test(codeValue)) fail(code.column, "admin.errors.code");
    else if (seen.has(codeValue.toUpperCase())) fail(code.column, "provisioning.errors.duplicate", { line: String(seen.get(codeValue.toUpperCase())) });
    else seen.set(codeValue.toUpperCase(), line);
    const name = get("name");
    const nameValue = clean(name.value, 200);
    if (!nameValue) fail(name.column, "errors.required");
    else if (nameValue.length > 200) fail(name.column, "provisioning.errors.tooLong", { max: "200" });
    const parent = get("parentCode");
    const parentValue = clean(parent.value, 40);
    if (parentValue && !/^[A-Za-z0-9-]{1,40}$/.test(parentValue)) fail(parent.column, "admin.errors.code");
    else if (parentValue && parentValue.toUpperCase() === codeValue.toUpperCase()) fail(parent.column, "provisioning.errors.ownParent");
    const zone = get("timeZone");
    const zoneText = clean(zone.value, 40);
    const zoneValue = !zoneText ? "Asia/Jakarta" : (ZONE_WORDS[key(zoneText)] ?? TIME_ZONES.find((z) => z.toLowerCase() === zoneText.toLowerCase()) ?? null);
    if (!zoneValue) fail(zone.column, "provisioning.errors.timeZone");
    const kind = get("kind");
    const kindText = clean(kind.value, 40);
    const kindValue = !kindText ? null : (KIND_WORDS[key(kindText)] ?? WORK_UNIT_KINDS.find((k) => k === kindText) ?? null);
    if (kindText && !kindValue) fail(kind.column, "provisioning.errors.kind");
    rows.push({ line, code: codeValue, name: nameValue, parentCode: parentValue || null, timeZone: zoneValue ?? "Asia/Jakarta", kind: kindValue });
  }
  return { rows, errors };
}
