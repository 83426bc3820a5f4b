import { describe, expect, it } from "vitest";
import { detectFileType, evidenceFileName } from "./file-type";
import { PDF_BYTES, makeDocx, makeZip } from "@/tests/follow-ups";

const XLSX_TYPES = `<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;

describe("evidence file types are judged from the content", () => {
  it("recognises pdf, png, jpg", () => {
    expect(detectFileType(PDF_BYTES)).toBe("pdf");
    expect(detectFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("png");
    expect(detectFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toBe("jpg");
  });

  it("recognises docx and xlsx by their zip parts and content types", async () => {
    expect(detectFileType(makeDocx())).toBe("docx");
    expect(detectFileType(makeZip({ "[Content_Types].xml": XLSX_TYPES, "xl/workbook.xml": "<workbook/>" }))).toBe("xlsx");
    // A real workbook written by ExcelJS (deflated entries).
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("a").addRow(["x"]);
    expect(detectFileType(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))).toBe("xlsx");
  });

  it("refuses other content whatever the name says", () => {
    expect(detectFileType(new TextEncoder().encode("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(detectFileType(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]))).toBeNull(); // an .exe
    expect(detectFileType(makeZip({ "readme.txt": "hello", "word/x.xml": "" }))).toBeNull(); // a plain zip
    // A macro-enabled document (.docm) declares another main content type.
    const docm = makeZip({
      "[Content_Types].xml": `<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>`,
      "word/document.xml": "",
    });
    expect(detectFileType(docm)).toBeNull();
    expect(detectFileType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toBeNull(); // truncated zip
    expect(detectFileType(new Uint8Array(0))).toBeNull();
  });

  it("gives the stored name the extension of the detected type", () => {
    expect(evidenceFileName("laporan.exe", "pdf")).toBe("laporan.exe.pdf");
    expect(evidenceFileName("C:\\docs\\foto.JPEG", "jpg")).toBe("foto.JPEG");
    expect(evidenceFileName('a"b<c>.pdf', "pdf")).toBe("a_b_c_.pdf");
  });
});
