import ExcelJS from "exceljs";

/**
 * An XLSX file read back as a reader sees it: the title block (the lines above the table), the
 * header row (the frozen one, printed on every page), the body rows, cell types, and the print
 * setup.
 */
export async function readSheet(bytes: Uint8Array | string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const headerRow = (sheet.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 1;
  const width = sheet.columnCount;
  const cells = (n: number) => Array.from({ length: width }, (_, i) => sheet.getRow(n).getCell(i + 1));
  const titleLines: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    const v = sheet.getRow(r).getCell(1).value;
    if (v !== null && v !== undefined && v !== "") titleLines.push(String(v));
  }
  const bodyRows = Array.from({ length: Math.max(0, sheet.rowCount - headerRow) }, (_, i) => cells(headerRow + 1 + i));
  return {
    sheet,
    titleLines,
    headerRow,
    header: cells(headerRow).map((c) => c.value),
    body: bodyRows.map((r) => r.map((c) => c.value)),
    types: bodyRows.map((r) => r.map((c) => c.type)),
    allTypes: Array.from({ length: sheet.rowCount }, (_, i) => cells(i + 1).map((c) => c.type)).flat(),
    pageSetup: sheet.pageSetup,
    footer: sheet.headerFooter.oddFooter ?? "",
  };
}

/** A CSV of ours split as Excel with Indonesian settings does: `;` between fields, quotes respected. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
