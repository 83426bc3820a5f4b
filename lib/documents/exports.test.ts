import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems, meetings, users } from "@/db/schema";
import { parseCsv, readSheet } from "@/tests/spreadsheet";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { recordAttendance } from "@/lib/meetings/attendance";
import { uid } from "@/tests/fixtures";
import { attendanceCsv } from "./exports";
import { loadMeetingRecord } from "./meeting-records";
import { renderMeetingFile } from "./render";

/** Names a spreadsheet would run as formulas (leading tab/CR are trimmed by the forms; see the CSV test). */
const RISKY = ["=HYPERLINK(\"http://evil\",\"x\")", "+62 811", "-1+1", "@SUM(A1)"];

describe("exports", () => {
  it("attendance XLSX round-trips: every person, unit and status, no formulas", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const nip = `19${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 1e10)).padStart(10, "0")}`;
    await db.update(users).set({ nip }).where(eq(users.id, o.participantA.id));
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "present" });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantB.id, status: "sick" });
    const guests = RISKY.map((r) => `${r} ${uid()}`);
    for (const g of guests) await recordAttendance(o.secretariat, m.id, { guestName: g, status: "official_duty" });
    const file = await renderMeetingFile(o.secretariat, m.id, "attendanceXlsx");
    expect(file.fileName).toMatch(/^kehadiran-\d{4}-\d{2}-\d{2}-.*\.xlsx$/);
    const read = await readSheet(file.body);
    const body = read.body;
    const byName = new Map(body.map((v) => [String(v[2]), v]));
    const a = byName.get(o.participantA.name)!;
    expect([a[1], a[2], a[5], a[8]]).toEqual([o.unitA.name, o.participantA.name, "Hadir", "dicatat"]);
    // The NIP whole, as text (a number would lose its last digits).
    expect(read.header[3]).toBe("NIP");
    expect(a[3]).toBe(nip);
    expect(String(a[7])).toMatch(/^\d{2}\.\d{2} WIB$/);
    expect(byName.get(o.participantB.name)?.[1]).toBe(o.unitB.name);
    expect(byName.get(o.participantB.name)?.[5]).toBe("Sakit");
    for (const g of guests) {
      const row = body.find((v) => String(v[2]).endsWith(g.slice(-8)))!;
      expect(row).toBeDefined();
      expect(String(row[2]).startsWith("'")).toBe(true);
      expect(row[2]).toBe(`'${g}`);
    }
    expect(read.allTypes).not.toContain(ExcelJS.ValueType.Formula);
  });

  it("attendance CSV prefixes cells that start with = + - @ tab or CR", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const guests = RISKY.map((r) => `${r} ${uid()}`);
    for (const g of guests) await recordAttendance(o.secretariat, m.id, { guestName: g, status: "present" });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "present" });
    const file = await renderMeetingFile(o.secretariat, m.id, "attendanceCsv");
    // Leading tab and CR cannot come through the forms (trimmed), but a CSV cell with them is escaped too.
    const record = (await loadMeetingRecord(m.id))!;
    const direct = attendanceCsv(record, [{ unitId: null, unitName: "", invited: false, people: ["\tTab", "\rCR"].map((name) => ({ name, position: "", status: "present", representedBy: null, checkedInAt: null, method: "manual" })) }], "id");
    expect(direct).toContain("'\tTab");
    expect(direct).toContain("\"'\rCR\"");
    expect(file.fileName).toMatch(/^kehadiran-\d{4}-\d{2}-\d{2}-.*\.csv$/);
    const text = String(file.body);
    expect(text.startsWith("\uFEFF")).toBe(true);
    // Split as Excel with Indonesian settings splits it (`;`): every guest's name whole in its own field.
    const table = parseCsv(text.slice(1));
    const names = table.slice(1).map((r) => r[2]);
    for (const g of guests) expect(names).toContain(`'${g}`);
    expect(names).toContain(o.participantA.name);
    // No field starts with a risky character once the quoting is taken away.
    for (const field of table.flat()) expect(field).not.toMatch(/^[=+\-@]/);
  });

  it("the follow-up matrix XLSX round-trips", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const category = await someCategory();
    const titles = [`Perbarui standar pelayanan ${uid()}`, `=cmd|' /C calc'!A0 ${uid()}`];
    await db.insert(actionItems).values([
      { meetingId: m.id, title: titles[0]!, categoryId: category.id, workUnitId: o.unitA.id, picUserId: o.participantA.id, dueDate: "2033-06-30", status: "open" },
      { meetingId: m.id, title: titles[1]!, categoryId: category.id, workUnitId: o.unitB.id, dueDate: "2033-07-31", status: "reported", progress: 100 },
    ]);
    const file = await renderMeetingFile(o.head, m.id, "matrixXlsx");
    expect(file.fileName).toMatch(/^matriks-tindak-lanjut-\d{4}-\d{2}-\d{2}-.*\.xlsx$/);
    const read = await readSheet(file.body);
    const rows = read.body;
    expect(rows).toHaveLength(2);
    const byUnit = new Map(rows.map((r) => [r[1], r.slice(1, 8)]));
    // Due dates are date cells (sortable in a spreadsheet), not text.
    expect(byUnit.get(o.unitA.name)).toEqual([o.unitA.name, titles[0], category.nameId, o.participantA.name, new Date("2033-06-30T00:00:00Z"), "Terbuka", 0]);
    expect(byUnit.get(o.unitB.name)).toEqual([o.unitB.name, `'${titles[1]}`, category.nameId, "", new Date("2033-07-31T00:00:00Z"), "Dilaporkan selesai", 100]);
    expect(read.types.map((r) => r[5])).toEqual([ExcelJS.ValueType.Date, ExcelJS.ValueType.Date]);
  });

  it("the attendance CSV opens in columns in Excel with Indonesian settings: `;` between fields, a UTF-8 BOM, names with commas whole", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const guest = `Dr. Siti Aisyah, S.H., M.Hum. ${uid()}`;
    await recordAttendance(o.secretariat, m.id, { guestName: guest, guestPosition: "Kepala Bagian; Tata Usaha", status: "present" });
    const file = await renderMeetingFile(o.secretariat, m.id, "attendanceCsv");
    const text = String(file.body);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1, 40)).not.toMatch(/^sep=/);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(["No.", "Unit", "Nama", "NIP", "Jabatan", "Status kehadiran", "Diwakili oleh", "Waktu", "Cara"]);
    const row = rows.find((r) => r[2] === guest)!;
    expect(row).toBeDefined();
    expect(row).toHaveLength(9);
    // A guest has no NIP.
    expect(row[3]).toBe("");
    expect(row[4]).toBe("Kepala Bagian; Tata Usaha");
    expect(row[5]).toBe("Hadir");
  });

  it("the attendance XLSX has a title block, the header on every printed page, A4 landscape fitted to the width and page numbers", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    // Held in WITA, organized by a WIB office: the time is also given in WIB.
    await db.update(meetings).set({ timeZone: "Asia/Makassar" }).where(eq(meetings.id, m.id));
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "present" });
    const file = await renderMeetingFile(o.secretariat, m.id, "attendanceXlsx");
    const read = await readSheet(file.body);
    const record = (await loadMeetingRecord(m.id))!;
    expect(read.titleLines[0]).toBe("DAFTAR HADIR");
    expect(read.titleLines).toContain(o.division.name);
    expect(read.titleLines).toContain(`Rapat: ${m.title}`);
    expect(read.titleLines).toContain(`Tempat: ${record.location} · ${record.onlineUrl}`);
    const when = read.titleLines.find((l) => l.startsWith("Hari/tanggal: "))!;
    expect(when).toMatch(/^Hari\/tanggal: \S+, \d{1,2} \S+ \d{4}, 10\.00–13\.00 WITA \(09\.00–12\.00 WIB\)$/);
    expect(read.titleLines.some((l) => l.startsWith("Diunduh ") && l.endsWith(`oleh ${o.secretariat.name}`))).toBe(true);
    expect(read.header).toEqual(["No.", "Unit", "Nama", "NIP", "Jabatan", "Status kehadiran", "Diwakili oleh", "Waktu", "Cara"]);
    expect(read.body.map((r) => r[2])).toContain(o.participantA.name);
    expect(read.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${read.headerRow}:${read.headerRow}` });
    expect(read.pageSetup.printArea).toBe(`A1:I${read.headerRow + read.body.length}`);
    expect(read.footer).toContain("Halaman &P dari &N");
  });

  it("the follow-up matrix XLSX says as of when its statuses are", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const file = await renderMeetingFile(o.head, m.id, "matrixXlsx");
    const read = await readSheet(file.body);
    expect(read.titleLines[0]).toBe("MATRIKS TINDAK LANJUT");
    expect(read.titleLines).toContain(`Rapat: ${m.title}`);
    expect(read.titleLines.some((l) => /^Status per \S+, \d{1,2} \S+ \d{4}, \d{2}\.\d{2} WIB$/.test(l))).toBe(true);
    expect(read.body).toHaveLength(0);
    expect(read.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
  });
});
