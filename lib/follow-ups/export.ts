import type { CurrentUser } from "@/lib/auth/types";
import { createT } from "@/lib/i18n/translate";
import { listForExport } from "./list-action-items";
import type { ListFilters } from "./schemas";

/**
 * A cell safe to open in a spreadsheet: text starting with = + - @ tab or CR would be read as a
 * formula (CSV/formula injection), so it gets a leading apostrophe.
 */
export function safeCell(value: unknown): string {
  const s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvField(value: unknown): string {
  const s = safeCell(value);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The due date's column in the export (0-based). */
const DUE_COLUMN = 7;

/** A calendar date ("2027-03-31") as a spreadsheet date (midnight UTC, no zone shift). */
export function dateCell(date: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : safeCell(date);
}

export function toCsv(rows: unknown[][]): string {
  // BOM so spreadsheet programs read UTF-8; CRLF as RFC 4180 says.
  return `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

async function exportTable(user: CurrentUser, filters: Partial<ListFilters>) {
  const t = createT(user.locale);
  const items = await listForExport(user, filters);
  const header = ["title", "unit", "category", "pic", "status", "progress", "priority", "dueDate", "overdue", "meeting"].map((k) => t(`followUps.fields.${k}`));
  const body = items.map((i) => [
    i.title,
    i.unitName,
    user.locale === "en" ? i.categoryNameEn : i.categoryNameId,
    i.picName ?? "",
    t(`followUps.status.${i.status}`),
    i.progress,
    t(`followUps.priority.${i.priority}`),
    i.dueDate,
    i.overdue ? t("common.yes") : t("common.no"),
    i.meetingTitle ?? "",
  ]);
  return { header, body };
}

export async function exportCsv(user: CurrentUser, filters: Partial<ListFilters>): Promise<string> {
  const { header, body } = await exportTable(user, filters);
  return toCsv([header, ...body]);
}

export async function exportXlsx(user: CurrentUser, filters: Partial<ListFilters>): Promise<Uint8Array> {
  const { header, body } = await exportTable(user, filters);
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rakor";
  const sheet = workbook.addWorksheet(createT(user.locale)("followUps.title").slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  // Every text cell is written as a string value (never a formula), and escaped like the CSV;
  // the due date is a real date cell (sortable, filterable), shown as 31/03/2027.
  for (const row of body) sheet.addRow(row.map((v, i) => (i === DUE_COLUMN ? dateCell(String(v)) : typeof v === "number" ? v : safeCell(v))));
  sheet.getColumn(DUE_COLUMN + 1).numFmt = "dd/mm/yyyy";
  sheet.columns.forEach((col, i) => (col.width = [50, 40, 30, 25, 15, 10, 10, 12, 10, 40][i] ?? 15));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
