import { execFileSync } from "node:child_process";
import { extractText, getDocumentProxy } from "unpdf";

let hasPdftotext: boolean | null = null;

/**
 * The text of each page of a PDF, read by pdftotext (poppler-utils, as a person's PDF reader
 * would lay it out). Where poppler is not installed (`apt-get install poppler-utils`), unpdf
 * reads it instead, so `npm test` still runs on a bare machine; CI installs poppler.
 */
export async function pdfPages(bytes: Uint8Array | string): Promise<string[]> {
  if (typeof bytes === "string" || Buffer.from(bytes.subarray(0, 5)).toString() !== "%PDF-") throw new Error("not a PDF");
  if (hasPdftotext === null) {
    try {
      execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
      hasPdftotext = true;
    } catch {
      hasPdftotext = false;
      console.warn("[tests] pdftotext not found (apt-get install poppler-utils): reading PDFs with unpdf");
    }
  }
  if (hasPdftotext) {
    const out = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: Buffer.from(bytes), maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
    return out.split("\f").slice(0, -1).map((p) => p.normalize("NFC"));
  }
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((p) => p.normalize("NFC"));
}

/** All pages' text with runs of white space made one space. */
export async function pdfText(bytes: Uint8Array | string): Promise<string> {
  return (await pdfPages(bytes)).join("\n").replace(/\s+/g, " ");
}
