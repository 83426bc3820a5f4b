import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Letterhead } from "@/lib/offices/settings";
import type { Column, SignatureBlock, TableRow } from "../content";
import { formatCalendarDate, todayIn } from "@/lib/time";

/**
 * Building blocks of the official documents (A4, the office's letterhead, dates in Bahasa
 * Indonesia) on pdfkit. The text is set in Arimo (metric-compatible with Arial, as offices write
 * their letters), embedded (subset) from @expo-google-fonts/arimo; any text Arimo has no glyph for
 * — "Ṣāliḥ", a name in another script — is set in Noto Sans instead, so every name renders.
 */
export type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 48, bottom: 60, left: 68, right: 56 };
export const FONT = "Body";
export const BOLD = "Body-Bold";
export const ITALIC = "Body-Italic";
const FALLBACK: Record<string, string> = { [FONT]: "Fallback", [BOLD]: "Fallback-Bold", [ITALIC]: "Fallback-Italic" };

const FONT_FILES: Record<string, [string, string]> = {
  [FONT]: ["arimo", "400Regular/Arimo_400Regular.ttf"],
  [BOLD]: ["arimo", "700Bold/Arimo_700Bold.ttf"],
  [ITALIC]: ["arimo", "400Regular_Italic/Arimo_400Regular_Italic.ttf"],
  Fallback: ["noto-sans", "400Regular/NotoSans_400Regular.ttf"],
  "Fallback-Bold": ["noto-sans", "700Bold/NotoSans_700Bold.ttf"],
  "Fallback-Italic": ["noto-sans", "400Regular_Italic/NotoSans_400Regular_Italic.ttf"],
};
let fontBytes: Map<string, Buffer> | null = null;

/** The font files, read once per process (node_modules is beside the app in every setup). */
function fonts(): Map<string, Buffer> {
  if (fontBytes) return fontBytes;
  const dir = path.join(process.cwd(), "node_modules", "@expo-google-fonts");
  fontBytes = new Map(Object.entries(FONT_FILES).map(([name, [pkg, file]]) => [name, fs.readFileSync(path.join(dir, pkg, file))]));
  return fontBytes;
}

/** The body size of a document: 12 pt for letters, 11 pt for lists and minutes. */
const BASE_SIZE = new WeakMap<Doc, number>();
export const baseSize = (doc: Doc) => BASE_SIZE.get(doc) ?? 11;

type GlyphFont = { hasGlyphForCodePoint?: (cp: number) => boolean };

/** Sets text that the current font cannot show in its Noto Sans counterpart (text, measurements alike). */
function withFallback(doc: Doc) {
  let current = FONT;
  const d = doc as unknown as Record<string, (...args: unknown[]) => unknown> & { _font?: { font?: GlyphFont } };
  const setFont = d.font!.bind(doc);
  d.font = (name: unknown, ...rest: unknown[]) => {
    if (typeof name === "string" && name in FALLBACK) current = name;
    return setFont(name, ...rest);
  };
  const covers = (text: string) => {
    const f = d._font?.font;
    if (!f?.hasGlyphForCodePoint) return true;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp > 0x20 && !f.hasGlyphForCodePoint(cp)) return false;
    }
    return true;
  };
  for (const method of ["text", "widthOfString", "heightOfString"]) {
    const original = d[method]!.bind(doc);
    d[method] = (text: unknown, ...rest: unknown[]) => {
      if (typeof text !== "string" || !(current in FALLBACK) || covers(text)) return original(text, ...rest);
      const keep = current;
      setFont(FALLBACK[keep]);
      try {
        return original(text, ...rest);
      } finally {
        setFont(keep);
      }
    };
  }
}

export function createDoc(title: string, opts: { size?: number } = {}): Doc {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    info: { Title: title, Creator: "Rakor", Producer: "Rakor" },
    lang: "id-ID",
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  for (const [name, bytes] of fonts()) doc.registerFont(name, bytes);
  BASE_SIZE.set(doc, opts.size ?? 11);
  withFallback(doc);
  doc.font(FONT).fontSize(baseSize(doc));
  return doc;
}

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const left = (doc: Doc) => doc.page.margins.left;
const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Joins items with " · " into lines no wider than `width`, breaking between items, never inside one. */
export function itemLines(doc: Doc, items: readonly string[], width: number, sep = " · "): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const candidate = line ? `${line}${sep}${item}` : item;
    if (line && doc.widthOfString(candidate) > width) {
      lines.push(line);
      line = item;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The kop surat: the logo on the left; the ministry and the office in capitals (the organizing
 * division only when the office asks for it), then the address and the contact lines, centred; a
 * double rule under it across the whole text width.
 */
export function letterhead(doc: Doc, head: Letterhead, unit?: string) {
  const LOGO = 64;
  const top = doc.page.margins.top;
  const hasLogo = !!head.logo;
  if (head.logo) {
    try {
      doc.image(Buffer.from(head.logo.bytes), left(doc), top, { fit: [LOGO, LOGO], align: "center", valign: "center" });
    } catch {
      // A logo pdfkit cannot read is left out rather than failing the letter.
    }
  }
  const x = left(doc) + (hasLogo ? LOGO + 8 : 0);
  const width = contentWidth(doc) - (hasLogo ? 2 * (LOGO + 8) : 0);
  doc.y = top;
  if (head.ministryLine) doc.font(BOLD).fontSize(12).text(head.ministryLine.toUpperCase(), x, doc.y, { width, align: "center" });
  doc.font(BOLD).fontSize(14).text(head.officeName.toUpperCase(), x, doc.y, { width, align: "center" });
  if (head.showDivisionLine && unit && unit !== head.officeName) doc.font(BOLD).fontSize(12).text(unit.toUpperCase(), x, doc.y, { width, align: "center" });
  doc.font(FONT).fontSize(9);
  if (head.address) doc.text(head.address, x, doc.y, { width, align: "center" });
  const contact = [head.phone ? `Telepon ${head.phone}` : "", head.website ? `Laman ${head.website}` : "", head.email ? `Surel ${head.email}` : ""].filter(Boolean);
  for (const line of itemLines(doc, contact, width)) doc.text(line, x, doc.y, { width, align: "center" });
  const y = Math.max(doc.y, hasLogo ? top + LOGO : 0) + 4;
  // The rule spans the text width, logo or not.
  const x0 = left(doc);
  const x1 = left(doc) + contentWidth(doc);
  doc.moveTo(x0, y).lineTo(x1, y).lineWidth(2).stroke();
  doc.moveTo(x0, y + 3).lineTo(x1, y + 3).lineWidth(0.6).stroke();
  doc.lineWidth(1);
  doc.x = left(doc);
  doc.y = y + 14;
  doc.font(FONT).fontSize(baseSize(doc));
}

export function title(doc: Doc, text: string, sub?: string) {
  const width = contentWidth(doc);
  doc.font(BOLD).fontSize(12).text(text.toUpperCase(), left(doc), doc.y, { width, align: "center" });
  if (sub) doc.font(FONT).fontSize(baseSize(doc)).text(sub, { width, align: "center" });
  doc.moveDown(0.8);
  doc.font(FONT).fontSize(baseSize(doc));
}

export function paragraph(doc: Doc, text: string, opts: { bold?: boolean; indent?: number; gap?: number } = {}) {
  doc.font(opts.bold ? BOLD : FONT).fontSize(baseSize(doc));
  const x = left(doc) + (opts.indent ?? 0);
  doc.text(text, x, doc.y, { width: contentWidth(doc) - (opts.indent ?? 0), align: "justify" });
  doc.moveDown(opts.gap ?? 0.5);
  doc.x = left(doc);
}

export function heading(doc: Doc, text: string) {
  ensureSpace(doc, 40);
  doc.moveDown(0.4);
  doc.font(BOLD).fontSize(11).text(text, left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  doc.font(FONT).fontSize(baseSize(doc));
}

/** "Label : value" lines with aligned colons, as in the facts block of a letter. */
export function facts(doc: Doc, items: readonly (readonly [string, string])[], opts: { labelWidth?: number; indent?: number } = {}) {
  const indent = opts.indent ?? 0;
  const labelWidth = opts.labelWidth ?? 110;
  const x = left(doc) + indent;
  const valueX = x + labelWidth + 12;
  const valueWidth = contentWidth(doc) - indent - labelWidth - 12;
  doc.font(FONT).fontSize(baseSize(doc));
  for (const [label, value] of items) {
    const h = Math.max(doc.heightOfString(value || "-", { width: valueWidth }), doc.heightOfString(label, { width: labelWidth }));
    ensureSpace(doc, h);
    const y = doc.y;
    doc.text(label, x, y, { width: labelWidth });
    doc.text(":", x + labelWidth + 2, y, { width: 8 });
    doc.text(value || "-", valueX, y, { width: valueWidth });
    doc.y = y + h + 2;
  }
  doc.x = left(doc);
  doc.moveDown(0.4);
}

export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottomLimit(doc)) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
}

export type { Column, TableRow } from "../content";

const PAD = 4;

/**
 * A bordered table; widths are fractions of the content width. The header row is repeated on
 * every page; a group row (e.g. the unit of the people below it) is never left alone at a page end.
 */
export function table(doc: Doc, columns: readonly Column[], rows: readonly TableRow[], opts: { fontSize?: number; tail?: number } = {}) {
  const fontSize = opts.fontSize ?? 9.5;
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const x0 = left(doc);

  // Cells are wrapped here, word by word with the font's widths, and drawn line by line without
  // pdfkit's line wrapper (the costly part of a daftar hadir of thousands of rows); each cell's
  // lines are measured once and kept for the drawing.
  const wrapped = new Map<string, string[]>();
  const linesOf = (text: string, i: number, font: string): string[] => {
    const key = `${font}\u0000${i}\u0000${text}`;
    const known = wrapped.get(key);
    if (known) return known;
    const room = widths[i]! - 2 * PAD;
    const out: string[] = [];
    for (const para of text.split("\n")) {
      // Leading spaces stay (the daftar hadir's even numbers stand further right).
      let line = /^ */.exec(para)![0];
      for (const word of para.trimStart().split(/ +/)) {
        const candidate = line.trim() ? `${line} ${word}` : `${line}${word}`;
        if (doc.widthOfString(candidate) <= room) {
          line = candidate;
          continue;
        }
        if (line) out.push(line);
        // A word wider than the cell (a long e-mail, a NIP in a narrow column) breaks where it must.
        let rest = word;
        while (doc.widthOfString(rest) > room && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && doc.widthOfString(rest.slice(0, cut)) > room) cut--;
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      out.push(line);
    }
    wrapped.set(key, out);
    return out;
  };
  const cellHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    const line = doc.currentLineHeight(true);
    return Math.max(...cells.map((text, i) => linesOf(text, i, font).length)) * line + 2 * PAD;
  };
  const drawCells = (cells: readonly string[], y: number, h: number, font: string, fill?: string) => {
    let x = x0;
    doc.fillColor("#000").font(font).fontSize(fontSize);
    const lineHeight = doc.currentLineHeight(true);
    cells.forEach((text, i) => {
      const w = widths[i]!;
      if (fill) doc.rect(x, y, w, h).fillAndStroke(fill, "#000");
      else doc.rect(x, y, w, h).stroke();
      doc.fillColor("#000");
      const align = columns[i]?.align ?? "left";
      if (text) {
        linesOf(text, i, font).forEach((line, n) => {
          const room = w - 2 * PAD - doc.widthOfString(line);
          const dx = align === "center" ? room / 2 : align === "right" ? room : 0;
          doc.text(line, x + PAD + dx, y + PAD + n * lineHeight, { lineBreak: false });
        });
      }
      x += w;
    });
  };
  const header = columns.map((c) => c.header);
  const headerHeight = cellHeight(header, BOLD);
  const drawHeader = () => {
    const y = doc.y;
    drawCells(header, y, headerHeight, BOLD, "#e5e7eb");
    doc.y = y + headerHeight;
  };

  const drawGroup = (text: string) => {
    doc.font(BOLD).fontSize(fontSize);
    const h = doc.heightOfString(text, { width: total - 2 * PAD }) + 2 * PAD;
    const y = doc.y;
    doc.rect(x0, y, total, h).fillAndStroke("#f3f4f6", "#000");
    doc.fillColor("#000").text(text, x0 + PAD, y + PAD, { width: total - 2 * PAD });
    doc.y = y + h;
  };

  doc.lineWidth(0.6);
  // The header row never stands alone at the foot of a page: it goes with the first row.
  const first = rows.find((r) => r.kind === "row");
  ensureSpace(doc, headerHeight + (first && first.kind === "row" ? Math.max(cellHeight(first.cells, first.bold ? BOLD : FONT), first.minHeight ?? 0) : 20) + (rows[0]?.kind === "group" ? 20 : 0));
  drawHeader();
  let group: string | null = null;
  rows.forEach((row, index) => {
    if (row.kind === "group") {
      doc.font(BOLD).fontSize(fontSize);
      const h = doc.heightOfString(row.text, { width: total - 2 * PAD }) + 2 * PAD;
      const next = rows[index + 1];
      const nextHeight = next && next.kind === "row" ? Math.max(cellHeight(next.cells, FONT), next.minHeight ?? 0) : 0;
      if (doc.y + h + nextHeight > bottomLimit(doc)) {
        doc.addPage();
        doc.y = doc.page.margins.top;
        drawHeader();
      }
      drawGroup(row.text);
      group = row.text;
      return;
    }
    const font = row.bold ? BOLD : FONT;
    const h = Math.max(cellHeight(row.cells, font), row.minHeight ?? 0);
    // `tail` (the closing and the signatures) stays with the last rows: when the last two rows
    // and it do not fit here, the rows go over with it rather than leave it alone on a page.
    const keep = opts.tail && index === Math.max(0, rows.length - 2) ? rows.slice(index).reduce((sum, r) => sum + (r.kind === "row" ? Math.max(cellHeight(r.cells, r.bold ? BOLD : FONT), r.minHeight ?? 0) : 0), 0) + opts.tail : 0;
    const fresh = bottomLimit(doc) - doc.page.margins.top - headerHeight;
    if (doc.y + h > bottomLimit(doc) || (keep > 0 && doc.y + keep > bottomLimit(doc) && keep <= fresh && doc.y > doc.page.margins.top + headerHeight + 1)) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      drawHeader();
      // A unit's list that goes on over the page says so.
      if (group) drawGroup(`${group} (lanjutan)`);
    }
    const y = doc.y;
    drawCells(row.cells, y, h, font);
    doc.y = y + h;
  });
  doc.lineWidth(1);
  doc.x = x0;
  doc.moveDown(0.8);
  doc.font(FONT).fontSize(baseSize(doc));
}

export type { SignatureBlock } from "../content";

const SIGN_WIDTH = 250;
const SIGN_SPACE = 52;

/** The height of the lines above the space to sign. */
function aboveHeight(doc: Doc, b: SignatureBlock) {
  doc.font(FONT).fontSize(baseSize(doc));
  return [...(b.dateLine ? [b.dateLine] : []), ...b.lines].reduce((h, l) => h + doc.heightOfString(l, { width: SIGN_WIDTH }), 0);
}

function blockHeight(doc: Doc, b: SignatureBlock) {
  const above = aboveHeight(doc, b);
  doc.font(BOLD);
  const name = doc.heightOfString(b.name || " ", { width: SIGN_WIDTH });
  doc.font(FONT);
  return above + SIGN_SPACE + name + (b.nip !== undefined ? doc.heightOfString("NIP", { width: SIGN_WIDTH }) : 0);
}

/** The height `signatures` will take with these blocks. */
export function signaturesHeight(doc: Doc, blocks: readonly SignatureBlock[]) {
  return Math.max(...blocks.map((b) => blockHeight(doc, b))) + doc.currentLineHeight(true) * 1.8;
}

/**
 * Signature blocks: one on the right, or two side by side (left, right); each with its lines,
 * room to sign, the name (bold, underlined) and the NIP. Callers keep them on the page of the
 * text before them with `keepTogether`.
 */
export function signatures(doc: Doc, blocks: readonly SignatureBlock[]) {
  ensureSpace(doc, signaturesHeight(doc, blocks));
  doc.moveDown(0.8);
  const top = doc.y;
  const xs = blocks.length === 1 ? [doc.page.width - doc.page.margins.right - SIGN_WIDTH] : [left(doc), doc.page.width - doc.page.margins.right - SIGN_WIDTH];
  let bottom = top;
  blocks.slice(0, 2).forEach((b, i) => {
    const x = xs[i]!;
    // The names stand on one line: a block with fewer lines above starts lower.
    const maxAbove = Math.max(...blocks.slice(0, 2).map((o) => aboveHeight(doc, o)));
    doc.y = top + maxAbove - aboveHeight(doc, b);
    doc.font(FONT).fontSize(baseSize(doc));
    for (const line of [...(b.dateLine ? [b.dateLine] : []), ...b.lines]) doc.text(line, x, doc.y, { width: SIGN_WIDTH, align: "center" });
    doc.y += SIGN_SPACE;
    doc.font(BOLD).text(b.name || "........................................", x, doc.y, { width: SIGN_WIDTH, align: "center", underline: !!b.name });
    doc.font(FONT);
    if (b.nip !== undefined) doc.text(b.nip ? `NIP ${b.nip}` : "NIP ..............................", x, doc.y, { width: SIGN_WIDTH, align: "center" });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = left(doc);
  doc.y = bottom;
  doc.moveDown(1);
}

/**
 * Starts a new page unless `height` fits on this one: what is drawn next stays together (the
 * closing lines of a letter with its signatures, never a signature alone on a page).
 */
export function keepTogether(doc: Doc, height: number) {
  ensureSpace(doc, height);
}

/** The height of a paragraph as `paragraph` sets it. */
export function paragraphHeight(doc: Doc, text: string, opts: { bold?: boolean; gap?: number } = {}) {
  doc.font(opts.bold ? BOLD : FONT).fontSize(baseSize(doc));
  const h = doc.heightOfString(text, { width: contentWidth(doc), align: "justify" }) + doc.currentLineHeight(true) * (opts.gap ?? 0.5);
  doc.font(FONT);
  return h;
}

/** What an issued document carries to be checked: its short code and the public page's address. */
export type Stamp = { code: string; url: string };

/** A QR code drawn as vector squares (no image), `size` points wide, its top left at x, y. */
function qr(doc: Doc, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  doc.save().fillColor("#000");
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  }
  doc.fill().restore();
}

const QR_SIZE = 38;

/** "Halaman 1 dari 3" and the document name at the foot of every page; the verification QR and code when stamped. */
function footers(doc: Doc, label: string, stamp?: Stamp) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 36;
    doc.font(FONT).fontSize(8).fillColor("#444");
    // One line: a long meeting title is cut with "…" rather than run into the verification line.
    let shown = label;
    while (shown.length > 1 && doc.widthOfString(shown) > contentWidth(doc) / 2 - 4) shown = `${shown.slice(0, -2).trimEnd()}…`;
    doc.text(shown, left(doc), y, { width: contentWidth(doc) / 2, lineBreak: false });
    const pageWidth = contentWidth(doc) / 2 - (stamp ? QR_SIZE + 6 : 0);
    doc.text(`Halaman ${i + 1} dari ${range.count}`, left(doc) + contentWidth(doc) / 2, y, { width: pageWidth, align: "right", lineBreak: false });
    if (stamp) {
      doc.fontSize(7).text(`Verifikasi: ${stamp.url} · kode ${stamp.code}`, left(doc), y + 10, { width: contentWidth(doc) - QR_SIZE - 6, lineBreak: false });
      qr(doc, stamp.url, left(doc) + contentWidth(doc) - QR_SIZE, doc.page.height - QR_SIZE - 14, QR_SIZE);
    }
    doc.fillColor("#000");
    doc.page.margins.bottom = bottom;
  }
}

/** Finishes the document (footers on every page) and returns its bytes. */
export function finish(doc: Doc, footerLabel: string, stamp?: Stamp): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    footers(doc, footerLabel, stamp);
    doc.end();
  });
}

/** Today's date in Bahasa Indonesia for a zone: "9 November 2018". */
export const letterDate = (timeZone: string, now = new Date()) => formatCalendarDate(todayIn(timeZone, now), "id");
