import type { Recap } from "@/lib/meetings/attendance";
import type { Letterhead } from "@/lib/offices/settings";
import type { SheetGroup } from "../attendance-sheet";
import { attendanceDocument, minutesDocument, type Block, type OfficialDocument, type OfficialPart, type TableRow } from "../content";
import type { MeetingRecord } from "../meeting-records";
import type { MinutesRecord } from "../minutes-record";
import {
  createDoc,
  facts,
  finish,
  heading,
  keepTogether,
  letterhead,
  paragraph,
  paragraphHeight,
  signatures,
  signaturesHeight,
  table,
  title,
  type Doc,
  type Stamp,
} from "./layout";

export { attendanceSentence } from "../content";

/** The space to sign: odd numbers on the left, even ones further right, as on a paper daftar hadir. */
const signCells = (rows: readonly TableRow[]): TableRow[] =>
  rows.map((r) => {
    if (r.kind !== "row" || !r.sign) return r;
    const last = r.cells[r.cells.length - 1] ?? "";
    return Number.parseInt(last, 10) % 2 === 0 ? { ...r, cells: [...r.cells.slice(0, -1), `            ${last}`] } : r;
  });

function drawBlock(doc: Doc, b: Block, tail = 0) {
  switch (b.kind) {
    case "heading":
      return heading(doc, b.text);
    case "paragraph":
      if (tail) keepTogether(doc, paragraphHeight(doc, b.text, { bold: b.bold }) + tail);
      return paragraph(doc, b.text, { bold: b.bold, gap: 0.3 });
    case "facts":
      return facts(doc, b.items, { labelWidth: 90 });
    case "table":
      return table(doc, b.columns, signCells(b.rows), { fontSize: b.fontSize, tail });
  }
}

function drawPart(doc: Doc, part: OfficialPart, notice: string | null, tail: number) {
  title(doc, part.title, part.subtitle);
  if (notice) paragraph(doc, notice, { bold: true });
  part.blocks.forEach((b, i) => {
    // A heading stays with the start of the table under it (its header and first rows).
    if (b.kind === "heading" && part.blocks[i + 1]?.kind === "table") keepTogether(doc, 110);
    drawBlock(doc, b, i === part.blocks.length - 1 ? tail : 0);
  });
}

/**
 * An official document from its model: the kop, the title, the blocks; the closing sentence and
 * the signatures kept on one page with the last lines before them (never alone on a page); the
 * attachment on pages of its own; page numbers and (when stamped) the verification code.
 */
export async function officialPdf(d: OfficialDocument, head: Letterhead, organizerUnitName: string, stamp?: Stamp): Promise<Uint8Array> {
  const doc = createDoc(`${d.title} ${d.subtitle}`);
  letterhead(doc, head, organizerUnitName);
  const closing = d.closing ?? "";
  const tail = (closing ? paragraphHeight(doc, closing) : 0) + (d.signatures.length > 0 ? signaturesHeight(doc, d.signatures) : 0) + 16;
  drawPart(doc, d, d.notice, tail);
  if (closing || d.signatures.length > 0) {
    keepTogether(doc, tail - 16);
    if (closing) paragraph(doc, closing);
    if (d.signatures.length > 0) signatures(doc, d.signatures);
  }
  if (d.attachment) {
    doc.addPage();
    drawPart(doc, d.attachment, null, 0);
  }
  return finish(doc, d.footer, stamp);
}

/** Daftar hadir: the list, signed by the chair. */
export async function attendancePdf(m: MeetingRecord, groups: readonly SheetGroup[], head: Letterhead): Promise<Uint8Array> {
  return officialPdf(attendanceDocument(m, groups, head.placeName), head, m.organizerUnitName);
}

export type MinutesExtras = {
  letterhead: Letterhead;
  recap: Recap;
  attendance: readonly SheetGroup[];
  /** The finalized record (issue 19): the moment the follow-up statuses are shown "per", and the verification stamp. */
  frozen?: { at: Date; stamp?: Stamp };
};

/** Notulen with the daftar hadir attached as pages of the same PDF. */
export async function minutesPdf(m: MeetingRecord, rec: MinutesRecord, x: MinutesExtras): Promise<Uint8Array> {
  const d = minutesDocument(m, rec, { placeName: x.letterhead.placeName, recap: x.recap, attendance: x.attendance, frozenAt: x.frozen?.at });
  return officialPdf(d, x.letterhead, m.organizerUnitName, x.frozen?.stamp);
}
