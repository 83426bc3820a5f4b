import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems } from "@/db/schema";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { recordAttendance } from "@/lib/meetings/attendance";
import { uid } from "@/tests/fixtures";
import { attendanceCsv } from "./exports";
import { loadMeetingRecord } from "./meeting-records";
import { renderMeetingFile } from "./render";

async function sheetRows(bytes: Uint8Array | string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const out: { values: unknown[]; types: number[] }[] = [];
  sheet.eachRow((row) => {
    const values: unknown[] = [];
    const types: number[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      values.push(cell.value);
      types.push(cell.type);
    });
    out.push({ values, types });
  });
  return out;
}

/** Names a spreadsheet would run as formulas (leading tab/CR are trimmed by the forms; see the CSV test). */
const RISKY = ["=HYPERLINK(\"http://evil\",\"x\")", "+62 811", "-1+1", "@SUM(A1)"];

describe("exports", () => {
  it("attendance XLSX round-trips: every person, unit and status, no formulas", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "present" });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantB.id, status: "sick" });
    const guests = RISKY.map((r) => `${r} ${uid()}`);
    for (const g of guests) await recordAttendance(o.secretariat, m.id, { guestName: g, status: "official_duty" });
    const file = await renderMeetingFile(o.secretariat, m.id, "attendanceXlsx");
    expect(file.fileName).toMatch(/^kehadiran-\d{4}-\d{2}-\d{2}-.*\.xlsx$/);
    const rows = await sheetRows(file.body);
    expect(rows[0]!.values[0]).toBe(m.title);
    const body = rows.slice(2).map((r) => r.values);
    const byName = new Map(body.map((v) => [String(v[2]), v]));
    const a = byName.get(o.participantA.name)!;
    expect([a[1], a[2], a[4], a[7]]).toEqual([o.unitA.name, o.participantA.name, "Hadir", "dicatat"]);
    expect(String(a[6])).toMatch(/^\d{2}\.\d{2} WIB$/);
    expect(byName.get(o.participantB.name)?.[1]).toBe(o.unitB.name);
    expect(byName.get(o.participantB.name)?.[4]).toBe("Sakit");
    for (const g of guests) {
      const row = body.find((v) => String(v[2]).endsWith(g.slice(-8)))!;
      expect(row).toBeDefined();
      expect(String(row[2]).startsWith("'")).toBe(true);
      expect(row[2]).toBe(`'${g}`);
    }
    for (const r of rows) expect(r.types).not.toContain(ExcelJS.ValueType.Formula);
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
    for (const g of guests) {
      const quoted = /[",\r\n;]/.test(g) ? `"'${g.replace(/"/g, '""')}"` : `'${g}`;
      expect(text).toContain(quoted);
    }
    expect(text).toContain(o.participantA.name);
    // No field starts with a risky character once the BOM and quoting are taken away.
    for (const line of text.slice(1).split("\r\n").filter(Boolean)) {
      for (const field of line.split(",")) expect(field.replace(/^"/, "")).not.toMatch(/^[=+\-@]/);
    }
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
    const rows = (await sheetRows(file.body)).slice(2).map((r) => r.values);
    expect(rows).toHaveLength(2);
    const byUnit = new Map(rows.map((r) => [r[1], r.slice(1, 8)]));
    // Due dates are date cells (sortable in a spreadsheet), not text.
    expect(byUnit.get(o.unitA.name)).toEqual([o.unitA.name, titles[0], category.nameId, o.participantA.name, new Date("2033-06-30T00:00:00Z"), "Terbuka", 0]);
    expect(byUnit.get(o.unitB.name)).toEqual([o.unitB.name, `'${titles[1]}`, category.nameId, "", new Date("2033-07-31T00:00:00Z"), "Dilaporkan selesai", 100]);
    const types = (await sheetRows(file.body)).slice(2).map((r) => r.types[5]);
    expect(types).toEqual([ExcelJS.ValueType.Date, ExcelJS.ValueType.Date]);
  });
});
