import { inflateRawSync } from "node:zlib";
import { stripUnsafeChars } from "@/lib/input";
import type { EvidenceKind } from "./schemas";

/**
 * The type of an uploaded file, judged from its bytes (never from its name or the browser's
 * claim). docx/xlsx are zip packages: the zip's central directory must list
 * `[Content_Types].xml` and `word/` or `xl/` parts, and the content-types part must declare the
 * main document of that kind (so a macro-enabled .docm/.xlsm or a plain zip is refused).
 */
export const CONTENT_TYPES: Record<EvidenceKind, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const MAIN_PART: Record<"docx" | "xlsx", { dir: string; contentType: string }> = {
  docx: { dir: "word/", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" },
  xlsx: { dir: "xl/", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" },
};

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function detectFileType(bytes: Uint8Array): EvidenceKind | null {
  if (bytes.length < 8) return null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectOfficeZip(bytes);
  return null;
}

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

/**
 * The most all parts of an uploaded docx/xlsx may expand to together (a zip bomb — a 1 MB file
 * whose parts expand to 1 GiB — is refused). Real documents of up to 10 MB stay far below it.
 */
export const ZIP_EXPANSION_BUDGET = 100 * 1024 * 1024;

/** The zip's central directory (no extraction). Null when it is not a well-formed zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: at the end, before a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > bytes.length) return null;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes (stored or deflated), capped so a zip bomb cannot exhaust memory. */
function readEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes = 1024 * 1024): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) return null;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
}

/**
 * Whether every part of a zip expands within the budget, all parts together. The declared sizes
 * are checked first (cheap), then each part is really inflated with the remaining budget as its
 * ceiling, since a zip may lie about its sizes. Nothing is kept.
 */
export function zipExpandsWithin(bytes: Uint8Array, budget = ZIP_EXPANSION_BUDGET): boolean {
  const entries = zipEntries(bytes);
  if (!entries) return false;
  if (entries.reduce((sum, e) => sum + e.size, 0) > budget) return false;
  let remaining = budget;
  for (const entry of entries) {
    if (entry.method === 0) {
      remaining -= entry.compressedSize;
    } else {
      // One byte over the remaining budget tells "too big" from "exactly fits".
      const data = readEntry(bytes, entry, remaining + 1);
      if (!data || data.length > remaining) return false;
      remaining -= data.length;
    }
    if (remaining < 0) return false;
  }
  return true;
}

function detectOfficeZip(bytes: Uint8Array): EvidenceKind | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const contentTypes = entries.find((e) => e.name === "[Content_Types].xml");
  if (!contentTypes) return null;
  const xml = readEntry(bytes, contentTypes);
  if (!xml) return null;
  const text = new TextDecoder().decode(xml);
  for (const kind of ["docx", "xlsx"] as const) {
    const main = MAIN_PART[kind];
    if (entries.some((e) => e.name.startsWith(main.dir)) && text.includes(`"${main.contentType}"`)) return kind;
  }
  return null;
}

/** A safe file name that ends with the extension of the detected type. */
export function evidenceFileName(original: string, kind: EvidenceKind): string {
  // Bidirectional controls are removed (a right-to-left override makes "fdp.exe" look like "exe.pdf").
  const base = stripUnsafeChars(original.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "_")
    .trim()
    .slice(0, 180);
  const extensions = kind === "jpg" ? [".jpg", ".jpeg"] : [`.${kind}`];
  const name = base || "bukti";
  return extensions.some((ext) => name.toLowerCase().endsWith(ext)) ? name : `${name}.${kind}`;
}
