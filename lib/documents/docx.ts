import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from "docx";
import type { Letterhead } from "@/lib/offices/settings";
import type { Block, Column, OfficialDocument, OfficialPart, SignatureBlock, TableRow as ModelRow } from "./content";
import type { LetterContent } from "./pdf/letters";

/**
 * The Word copies (.docx) of the letters, the notulen and the daftar hadir, for offices that adjust
 * a line before signing: the same content as the PDF, drawn from the same model (content.ts,
 * letterContent), in the same layout — A4, the kop with its double rule, Arial (the PDF's Arimo
 * has Arial's metrics), tables with their header repeated on every page, the signatures kept with
 * the closing lines, "Halaman x dari y" at the foot. Marked "KONSEP" unless it is the issued letter.
 */

const PT = 20; // twips per point
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = { top: 48 * PT, bottom: 60 * PT, left: 68 * PT, right: 56 * PT };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FONT = "Arial";

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

type Ctx = { size: number };

/** Lines of text ("\n") as paragraphs kept together, each a paragraph of its own (what any reader shows as lines). */
function paras(text: string, c: Ctx, o: Parameters<typeof para>[2] = {}): Paragraph[] {
  const lines = text.split("\n");
  return lines.map((line, i) => para(line, c, { ...o, after: i === lines.length - 1 ? o.after : 0, keepNext: i < lines.length - 1 || o.keepNext }));
}

/** A paragraph of one line of text (or more, wrapped by Word). */
function para(text: string, c: Ctx, o: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; keepNext?: boolean; indent?: number; underline?: boolean } = {}) {
  const children: ParagraphChild[] = [new TextRun({ text, bold: o.bold, size: (o.size ?? c.size) * 2, font: FONT, underline: o.underline ? {} : undefined })];
  return new Paragraph({ children, alignment: o.align, spacing: { after: (o.after ?? 4) * PT }, keepNext: o.keepNext, keepLines: true, indent: o.indent ? { left: o.indent * PT } : undefined });
}

const cell = (children: (Paragraph | Table)[], width: number, o: { fill?: string; borders?: typeof GRID | typeof NO_BORDERS; span?: number } = {}) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    shading: o.fill ? { fill: o.fill, color: "auto", type: "clear" } : undefined,
    borders: o.borders === NO_BORDERS ? { top: NONE, bottom: NONE, left: NONE, right: NONE } : undefined,
    columnSpan: o.span,
    margins: { top: 3 * PT, bottom: 3 * PT, left: 4 * PT, right: 4 * PT },
    verticalAlign: VerticalAlign.TOP,
  });

/** The kop: logo on the left, the ministry and office in capitals, address and contacts; a full-width double rule. */
function kop(head: Letterhead, unit: string, c: Ctx): (Paragraph | Table)[] {
  const lines: Paragraph[] = [];
  if (head.ministryLine) lines.push(para(head.ministryLine.toUpperCase(), c, { bold: true, size: 12, align: AlignmentType.CENTER, after: 0 }));
  lines.push(para(head.officeName.toUpperCase(), c, { bold: true, size: 14, align: AlignmentType.CENTER, after: 0 }));
  if (head.showDivisionLine && unit && unit !== head.officeName) lines.push(para(unit.toUpperCase(), c, { bold: true, size: 12, align: AlignmentType.CENTER, after: 0 }));
  if (head.address) lines.push(para(head.address, c, { size: 9, align: AlignmentType.CENTER, after: 0 }));
  const contact = [head.phone ? `Telepon ${head.phone}` : "", head.website ? `Laman ${head.website}` : "", head.email ? `Surel ${head.email}` : ""].filter(Boolean);
  if (contact.length > 0) lines.push(para(contact.join(" · "), c, { size: 9, align: AlignmentType.CENTER, after: 0 }));
  const LOGO = 64 * PT;
  const logo = head.logo && /png|jpe?g/.test(head.logo.contentType) ? head.logo : null;
  const rule = new Paragraph({ children: [], border: { bottom: { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 18, color: "000000", space: 1 } }, spacing: { after: 14 * PT } });
  if (!logo) return [...lines, rule];
  const image = new Paragraph({
    children: [new ImageRun({ type: /png/.test(logo.contentType) ? "png" : "jpg", data: logo.bytes, transformation: { width: 64, height: 64 } })],
  });
  const table = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LOGO + 8 * PT, TEXT_WIDTH - 2 * (LOGO + 8 * PT), LOGO + 8 * PT],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell([image], LOGO + 8 * PT, { borders: NO_BORDERS }), cell(lines, TEXT_WIDTH - 2 * (LOGO + 8 * PT), { borders: NO_BORDERS }), cell([para("", c)], LOGO + 8 * PT, { borders: NO_BORDERS })] })],
  });
  return [table, rule];
}

/** "Label : value" lines as a borderless table (aligned colons, values that wrap under themselves). */
function facts(items: readonly (readonly [string, string])[], c: Ctx, o: { labelWidth?: number; indent?: number } = {}) {
  const indent = (o.indent ?? 0) * PT;
  const label = (o.labelWidth ?? 110) * PT;
  const colon = 12 * PT;
  const value = TEXT_WIDTH - indent - label - colon;
  const widths = [...(indent ? [indent] : []), label, colon, value];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: items.map(
      ([l, v]) =>
        new TableRow({
          cantSplit: true,
          children: [
            ...(indent ? [cell([para("", c, { after: 0 })], indent, { borders: NO_BORDERS })] : []),
            cell([para(l, c, { after: 0 })], label, { borders: NO_BORDERS }),
            cell([para(":", c, { after: 0 })], colon, { borders: NO_BORDERS }),
            cell([para(v || "-", c, { after: 0 })], value, { borders: NO_BORDERS }),
          ],
        }),
    ),
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A bordered table; the header row repeats on every page, a row never splits across pages. */
function grid(columns: readonly Column[], rows: readonly ModelRow[], c: Ctx, fontSize?: number) {
  const size = fontSize ?? c.size - 1.5;
  const widths = columns.map((col) => Math.round(col.width * TEXT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((col, i) => cell([para(col.header, c, { bold: true, size, after: 0, align: ALIGN[col.align ?? "left"] })], widths[i]!, { fill: "E5E7EB" })),
  });
  const body = rows.map((r) =>
    r.kind === "group"
      ? new TableRow({ cantSplit: true, children: [cell([para(r.text, c, { bold: true, size, after: 0, keepNext: true })], TEXT_WIDTH, { fill: "F3F4F6", span: columns.length })] })
      : new TableRow({
          cantSplit: true,
          height: r.minHeight ? { value: r.minHeight * PT, rule: "atLeast" } : undefined,
          children: r.cells.map((text, i) => cell([para(text, c, { bold: r.bold, size, after: 0, align: ALIGN[columns[i]?.align ?? "left"] })], widths[i]!)),
        }),
  );
  return new Table({ layout: TableLayoutType.FIXED, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, borders: GRID, rows: [header, ...body] });
}

const SIGN_WIDTH = 250 * PT;

/** One signature block on the right, or two side by side; each with its lines, room to sign, name (bold, underlined) and NIP. */
function signatures(blocks: readonly SignatureBlock[], c: Ctx) {
  const content = (b: SignatureBlock) => [
    ...[...(b.dateLine ? [b.dateLine] : []), ...b.lines].map((l) => para(l, c, { align: AlignmentType.CENTER, after: 0, keepNext: true })),
    para("", c, { align: AlignmentType.CENTER, after: 40, keepNext: true }),
    para(b.name || "........................................", c, { bold: true, underline: !!b.name, align: AlignmentType.CENTER, after: 0, keepNext: true }),
    ...(b.nip !== undefined ? [para(b.nip ? `NIP ${b.nip}` : "NIP ..............................", c, { align: AlignmentType.CENTER, after: 0 })] : []),
  ];
  const half = Math.floor(TEXT_WIDTH / 2);
  const cells =
    blocks.length === 1
      ? [cell([para("", c)], TEXT_WIDTH - SIGN_WIDTH, { borders: NO_BORDERS }), cell(content(blocks[0]!), SIGN_WIDTH, { borders: NO_BORDERS })]
      : [cell(content(blocks[0]!), half, { borders: NO_BORDERS }), cell(content(blocks[1]!), TEXT_WIDTH - half, { borders: NO_BORDERS })];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: blocks.length === 1 ? [TEXT_WIDTH - SIGN_WIDTH, SIGN_WIDTH] : [half, TEXT_WIDTH - half],
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: cells })],
  });
}

function blocks(list: readonly Block[], c: Ctx): (Paragraph | Table)[] {
  return list.flatMap((b) => {
    switch (b.kind) {
      case "heading":
        return para(b.text, c, { bold: true, size: 11, keepNext: true, after: 3 });
      case "paragraph":
        return paras(b.text, c, { bold: b.bold, align: AlignmentType.JUSTIFIED });
      case "facts":
        return facts(b.items, c, { labelWidth: 90 });
      case "table":
        return grid(b.columns, b.rows, c, b.fontSize);
    }
  });
}

const title = (p: OfficialPart, c: Ctx) => [
  para(p.title.toUpperCase(), c, { bold: true, size: 12, align: AlignmentType.CENTER, after: 0 }),
  para(p.subtitle, c, { align: AlignmentType.CENTER, after: 10 }),
];

function footer(label: string) {
  const small = { size: 16, font: FONT, color: "444444" };
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: "right", position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: label, ...small }),
          new TextRun({ children: ["\tHalaman ", PageNumber.CURRENT, " dari ", PageNumber.TOTAL_PAGES], ...small }),
        ],
      }),
    ],
  });
}

/** At the top of the first page, as on the PDF: what is not the issued record says so. */
const draftMark = () => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: "KONSEP — bukan dokumen resmi", size: 20, font: FONT, color: "BB0000" })] });

async function pack(children: (Paragraph | Table)[], o: { title: string; footer: string; draft: boolean; size: number }): Promise<Uint8Array> {
  const doc = new Document({
    creator: "Rakor",
    title: o.title,
    styles: { default: { document: { run: { font: FONT, size: o.size * 2 } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: 20 * PT, footer: 24 * PT } } },
        footers: { default: footer(o.footer) },
        children: o.draft ? [draftMark(), ...children] : children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The daftar hadir or the notulen (with the daftar hadir attached) as a Word copy, marked "KONSEP". */
export async function officialDocx(d: OfficialDocument, head: Letterhead, organizerUnitName: string): Promise<Uint8Array> {
  const c: Ctx = { size: 11 };
  const children: (Paragraph | Table)[] = [...kop(head, organizerUnitName, c), ...title(d, c)];
  if (d.notice) children.push(...paras(d.notice, c, { bold: true }));
  children.push(...blocks(d.blocks, c));
  if (d.closing) children.push(...paras(d.closing, c, { align: AlignmentType.JUSTIFIED, keepNext: true, after: 10 }));
  if (d.signatures.length > 0) children.push(signatures(d.signatures, c));
  if (d.attachment) {
    children.push(new Paragraph({ children: [new PageBreak()] }), ...title(d.attachment, c), ...blocks(d.attachment.blocks, c));
  }
  return pack(children, { title: `${d.title} ${d.subtitle}`, footer: d.footer, draft: true, size: 11 });
}

/** A letter as a Word copy: the issued letter as issued, a draft marked "KONSEP". */
export async function letterDocx(l: LetterContent, head: Letterhead, organizerUnitName: string): Promise<Uint8Array> {
  const c: Ctx = { size: 12 };
  const children: (Paragraph | Table)[] = [...kop(head, organizerUnitName, c)];
  children.push(para(l.dateLine, c, { align: AlignmentType.RIGHT, after: 6 }));
  children.push(facts(l.head, c, { labelWidth: 62 }));
  children.push(para("", c, { after: 0 }), ...paras(l.to.join("\n"), c, { after: 10 }));
  for (const part of l.body) children.push(...(part.kind === "paragraph" ? paras(part.text, c, { align: AlignmentType.JUSTIFIED, after: 6 }) : [facts(part.items, c, { indent: 24, labelWidth: 90 })]));
  children.push(para(l.closing, c, { align: AlignmentType.JUSTIFIED, keepNext: true, after: 10 }), signatures([l.signer], c));
  if (l.copies.length > 0) children.push(...paras(["Tembusan:", ...l.copies.map((copy, i) => `${i + 1}. ${copy}`)].join("\n"), c, { after: 6 }));
  if (l.attachment) {
    const a = l.attachment;
    const left = Math.round(TEXT_WIDTH * 0.45);
    const small: Ctx = { size: c.size - 1 };
    children.push(
      new Paragraph({ children: [new PageBreak()] }),
      new Table({
        layout: TableLayoutType.FIXED,
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [left, TEXT_WIDTH - left],
        borders: NO_BORDERS,
        rows: [new TableRow({ children: [cell([para("", small)], left, { borders: NO_BORDERS }), cell([para(a.title, small, { after: 0 }), facts(a.head, small, { labelWidth: 52 })], TEXT_WIDTH - left, { borders: NO_BORDERS })] })],
      }),
      para("", c),
      ...blocks(a.blocks, c),
      signatures([l.signer], c),
    );
  }
  return pack(children, { title: `${l.title} ${l.head.find(([k]) => k === "Hal")?.[1] ?? ""}`, footer: l.footer, draft: l.draft, size: 12 });
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" as const;
