import { dateCell, safeCell, toCsv } from "@/lib/follow-ups/export";
import { createT, type Locale } from "@/lib/i18n/translate";
import { formatTime } from "@/lib/time";
import type { SheetGroup } from "./attendance-sheet";
import type { MeetingRecord } from "./meeting-records";
import type { MinutesRecord } from "./minutes-record";

type Table = { header: string[]; body: (string | number | Date)[][]; dateColumns?: number[] };

function attendanceTable(m: MeetingRecord, groups: readonly SheetGroup[], locale: Locale): Table {
  const t = createT(locale);
  const header = [
    t("agenda.export.no"),
    t("meetings.attendance.unit"),
    t("agenda.export.name"),
    t("meetings.attendance.guestPosition"),
    t("meetings.attendance.status"),
    t("meetings.attendance.representedBy"),
    t("meetings.attendance.time"),
    t("agenda.export.method"),
  ];
  const body: (string | number)[][] = [];
  for (const g of groups) {
    for (const p of g.people) {
      body.push([
        body.length + 1,
        g.unitId ? g.unitName : t("agenda.export.guests"),
        p.name,
        p.position,
        t(`meetings.attendance.statuses.${p.status}`),
        p.representedBy ?? "",
        p.checkedInAt ? formatTime(p.checkedInAt, m.timeZone, locale) : "",
        t(`meetings.attendance.method.${p.method}`),
      ]);
    }
  }
  return { header, body };
}

/** Attendance as CSV (UTF-8 with BOM, CRLF); every cell is safe against formula injection. */
export function attendanceCsv(m: MeetingRecord, groups: readonly SheetGroup[], locale: Locale): string {
  const { header, body } = attendanceTable(m, groups, locale);
  return toCsv([header, ...body]);
}

async function workbook(sheets: { name: string; title: string; table: Table; widths: number[] }[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "Rakor";
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name.slice(0, 31));
    sheet.addRow([safeCell(s.title)]).font = { bold: true, size: 12 };
    sheet.addRow(s.table.header).font = { bold: true };
    // Text is written as string values (never formulas) and escaped like the CSV.
    for (const row of s.table.body) sheet.addRow(row.map((v) => (typeof v === "number" || v instanceof Date ? v : safeCell(v))));
    for (const c of s.table.dateColumns ?? []) sheet.getColumn(c + 1).numFmt = "dd/mm/yyyy";
    sheet.columns.forEach((col, i) => (col.width = s.widths[i] ?? 15));
    sheet.views = [{ state: "frozen", ySplit: 2 }];
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function attendanceXlsx(m: MeetingRecord, groups: readonly SheetGroup[], locale: Locale): Promise<Uint8Array> {
  const t = createT(locale);
  return workbook([
    { name: t("meetings.attendance.title"), title: m.title, table: attendanceTable(m, groups, locale), widths: [6, 40, 30, 35, 16, 25, 12, 16] },
  ]);
}

/** The follow-up matrix of a meeting: unit, follow-up, category, PIC, due date, status, progress. */
export async function followUpMatrixXlsx(m: MeetingRecord, rec: MinutesRecord, locale: Locale): Promise<Uint8Array> {
  const t = createT(locale);
  const header = [
    t("agenda.export.no"),
    t("followUps.fields.unit"),
    t("followUps.fields.title"),
    t("followUps.fields.category"),
    t("followUps.fields.pic"),
    t("followUps.fields.dueDate"),
    t("followUps.fields.status"),
    t("followUps.fields.progress"),
    t("followUps.fields.decision"),
  ];
  const body = rec.matrix.map((r, i) => [
    i + 1,
    r.unitName,
    r.title,
    r.categoryName,
    r.picName ?? "",
    dateCell(r.dueDate),
    t(`followUps.status.${r.status}`),
    r.progress,
    r.decisionNumber ?? "",
  ]);
  return workbook([{ name: t("agenda.export.matrix"), title: m.title, table: { header, body, dateColumns: [5] }, widths: [6, 40, 50, 30, 25, 12, 18, 10, 10] }]);
}
