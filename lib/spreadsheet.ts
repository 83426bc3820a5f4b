/**
 * CSV and XLSX files as an Indonesian office opens them (issue 19): CSV with `;` between fields
 * (Excel with Indonesian settings uses the comma as the decimal sign, so a comma-separated file
 * opens in one column) and a UTF-8 BOM; XLSX with a title block above the table (office, what the
 * list is, meeting, date, place, filters), the header row repeated on every printed page, a print
 * area, A4 landscape fitted to the page width and page numbers in the footer.
 */

/**
 * A cell safe to open in a spreadsheet: text starting with = + - @ tab or CR would be read as a
 * formula (CSV/formula injection), so it gets a leading apostrophe.
 */
export function safeCell(value: unknown): string {
  const s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The field separator of our CSV files: what Excel in an Indonesian locale splits on. */
export const CSV_SEPARATOR = ";";

function csvField(value: unknown): string {
  const s = safeCell(value);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows → CSV: UTF-8 BOM (so Excel reads the names' accents right; a `sep=;` line would make Excel
 * ignore the BOM, so there is none), `;` between fields, CRLF as RFC 4180 says.
 */
export function toCsv(rows: unknown[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(CSV_SEPARATOR)).join("\r\n")}\r\n`;
}

/** A calendar date ("2027-03-31") as a spreadsheet date (midnight UTC, no zone shift). */
export function dateCell(date: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : safeCell(date);
}

export type Cell = string | number | Date | null;

export type SheetSpec = {
  /** The tab's name (cut to Excel's 31 characters). */
  name: string;
  /** The first line of the title block, bold ("DAFTAR HADIR", "MATRIKS TINDAK LANJUT"). */
  title: string;
  /** The lines under it: office, meeting, date, place, filters — empty ones are left out. */
  lines: readonly (string | null | undefined | false)[];
  header: readonly string[];
  body: readonly (readonly Cell[])[];
  /** Column widths in characters. */
  widths: readonly number[];
  /** 0-based columns holding calendar dates (shown as 31/03/2027). */
  dateColumns?: readonly number[];
  /** Footer text on the left of every printed page (the page number is on the right). */
  footer?: string;
  /** The page number's text in the footer, with Excel's codes: "Halaman &P dari &N". */
  pageLabel?: string;
};

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** Text in a page header/footer: "&" starts a code there, so it is doubled. */
const footerText = (s: string) => s.replace(/&/g, "&&").slice(0, 120);

/** One or more sheets, each a title block and a table, set up for printing. */
export async function titledWorkbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "Rakor";
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name.replace(/[*?:\\/[\]]/g, "-").slice(0, 31) || "Sheet1");
    const columns = Math.max(1, s.header.length);
    const last = columnLetter(columns);
    const titleRows = [s.title, ...s.lines.filter((l): l is string => typeof l === "string" && l.trim() !== "")];
    titleRows.forEach((text, i) => {
      const row = sheet.addRow([safeCell(text)]);
      row.font = i === 0 ? { bold: true, size: 13 } : { bold: i === 1 };
      sheet.mergeCells(`A${row.number}:${last}${row.number}`);
    });
    sheet.addRow([]);
    const headerRow = sheet.addRow(s.header.map(safeCell));
    headerRow.font = { bold: true };
    headerRow.alignment = { vertical: "middle", wrapText: true };
    headerRow.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
      cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
    });
    // Text is written as string values (never formulas) and escaped like the CSV.
    for (const r of s.body) {
      const row = sheet.addRow(r.map((v) => (v === null ? "" : typeof v === "number" || v instanceof Date ? v : safeCell(v))));
      row.alignment = { vertical: "top", wrapText: true };
    }
    for (const c of s.dateColumns ?? []) sheet.getColumn(c + 1).numFmt = "dd/mm/yyyy";
    for (let i = 0; i < columns; i++) sheet.getColumn(i + 1).width = s.widths[i] ?? 15;
    const h = headerRow.number;
    const lastRow = Math.max(h, h + s.body.length);
    sheet.views = [{ state: "frozen", ySplit: h }];
    if (s.body.length > 0) sheet.autoFilter = `A${h}:${last}${lastRow}`;
    sheet.pageSetup = {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${h}:${h}`,
      printArea: `A1:${last}${lastRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
    sheet.headerFooter = { oddFooter: `&L${footerText(s.footer ?? s.title)}&R${s.pageLabel ?? "Halaman &P dari &N"}` };
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
