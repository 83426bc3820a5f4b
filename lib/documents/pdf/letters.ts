import type { Letter } from "@/db/schema";
import { createT } from "@/lib/i18n/translate";
import type { Letterhead } from "@/lib/offices/settings";
import { NATURE_LABELS, ON_BEHALF_LABELS } from "@/lib/offices/schemas";
import { formatCalendarDate, formatDate, formatTime, todayIn } from "@/lib/time";
import type { Block } from "../content";
import type { MeetingRecord, RecordSpeaker } from "../meeting-records";
import {
  baseSize,
  contentWidth,
  createDoc,
  facts,
  finish,
  FONT,
  heading,
  keepTogether,
  letterhead,
  paragraph,
  paragraphHeight,
  signatures,
  signaturesHeight,
  table,
  type Doc,
  type SignatureBlock,
  type Stamp,
} from "./layout";

/** Official documents are in Bahasa Indonesia whatever the reader's interface language. */
const t = createT("id");

/** The letter as it is printed: the stored row, or a draft ("KONSEP") not issued yet. */
export type LetterView = Pick<
  Letter,
  "kind" | "number" | "letterDate" | "placeName" | "nature" | "subject" | "addressees" | "addresseesAttached" | "copies" | "signerName" | "signerPosition" | "signerNip" | "onBehalfKind" | "onBehalfOf" | "details"
>;

export type LetterContext = {
  record: MeetingRecord;
  letterhead: Letterhead;
  /** Invited units in the hierarchy's order, without the organizer and its ancestors. */
  units: { id: string; name: string; city: string }[];
  /** Surat perubahan jadwal / pemberitahuan pembatalan: the letter it follows. */
  refers: { number: string; letterDate: string; subject: string } | null;
  /** Not issued: printed "KONSEP" across the top. */
  draft: boolean;
  stamp?: Stamp;
};

export const LETTER_TITLES = { invitation: "Surat Undangan", reschedule: "Surat Perubahan Jadwal", cancellation: "Pemberitahuan Pembatalan" } as const;

/** "09.00 s.d. 12.00 WITA (08.00 s.d. 11.00 WIB)": a meeting in another zone than its office's also in the office's time. */
export function timeRangeOf(start: Date, end: Date, tz: string, officeTz: string): string {
  const range = (zone: string) => `${formatTime(start, zone).replace(/ \S+$/, "")} s.d. ${formatTime(end, zone)}`;
  return tz === officeTz ? range(tz) : `${range(tz)} (${range(officeTz)})`;
}

/** Speakers in protocol order: sambutan/pembukaan, arahan, narasumber, moderator; the notulis is not a speaker. */
const PROTOCOL = ["opening_remarks", "keynote", "resource_person", "moderator"] as const;
export function protocolOrder(speakers: readonly RecordSpeaker[]): RecordSpeaker[] {
  return PROTOCOL.flatMap((role) => speakers.filter((s) => s.role === role));
}

const NUMBER_WORDS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"];
const countWord = (n: number) => `${n} (${NUMBER_WORDS[n] ?? String(n)}) berkas`;

/** The signature block: the a.n./u.b./Plt./Plh. line, the position, the name and the NIP, each on its own line. */
export function signerBlock(l: Pick<LetterView, "signerName" | "signerPosition" | "signerNip" | "onBehalfKind" | "onBehalfOf">, dateLine?: string): SignatureBlock {
  const onBehalf = l.onBehalfKind && l.onBehalfOf ? [`${ON_BEHALF_LABELS[l.onBehalfKind]} ${l.onBehalfOf}`] : [];
  return { dateLine, lines: [...onBehalf, `${l.signerPosition},`], name: l.signerName, nip: l.signerNip };
}

/** Whether the letter carries a lampiran: the list of invited units (and the programme of an undangan). */
const hasAttachment = (l: LetterView) => l.kind === "invitation" || l.addresseesAttached;

/** "di tempat" only when every addressee sits in the sender's city (a unit without a city counts as there). */
function inSameCity(x: LetterContext): boolean {
  const city = x.letterhead.placeName.trim().toLowerCase();
  return x.units.every((u) => !u.city || !city || u.city.trim().toLowerCase() === city);
}

function draftMark(doc: Doc) {
  doc.save().font(FONT).fontSize(10).fillColor("#b00").text("KONSEP — belum diterbitkan", doc.page.margins.left, 20, { width: contentWidth(doc), align: "right", lineBreak: false }).restore();
  doc.fillColor("#000");
}

function times(x: LetterContext, start: Date, end: Date) {
  const m = x.record;
  return [
    ["Hari, tanggal", formatDate(start, m.timeZone)],
    ["Waktu", timeRangeOf(start, end, m.timeZone, m.officeTimeZone)],
  ] as const;
}

type BodyPart = { kind: "paragraph"; text: string } | { kind: "facts"; items: readonly (readonly [string, string])[] };

/**
 * What a letter says, in order, as data: the PDF and the Word copy (.docx) are both drawn from it,
 * so the two carry the same text.
 */
export type LetterContent = {
  title: string;
  draft: boolean;
  /** "Surabaya, 8 Desember 2026" at the top right. */
  dateLine: string;
  /** Nomor, Sifat, Lampiran, Hal. */
  head: readonly (readonly [string, string])[];
  /** "Yth. …" lines, "di tempat" when the addressees are in the sender's city. */
  to: string[];
  body: BodyPart[];
  closing: string;
  signer: SignatureBlock;
  copies: string[];
  /** The lampiran: "Lampiran Surat …" with Nomor, Tanggal, Hal; the units (and the programme), then the signature again. */
  attachment: { title: string; head: readonly (readonly [string, string])[]; blocks: Block[] } | null;
  footer: string;
};

export function letterContent(l: LetterView, x: LetterContext): LetterContent {
  const m = x.record;
  const date = formatCalendarDate(l.letterDate);
  const number = l.number || "........................................";
  const attachment = hasAttachment(l);
  const to = l.addressees.length > 0 && !l.addresseesAttached ? l.addressees : ["Daftar terlampir"];
  const yth = to.map((a, i) => (to.length === 1 ? `Yth. ${a}` : `${i === 0 ? "Yth. " : "       "}${i + 1}. ${a}`));

  const d = l.details;
  const start = new Date(d.startsAt);
  const end = new Date(d.endsAt);
  const place = [m.location, m.onlineUrl ? `daring: ${m.onlineUrl}` : ""].filter(Boolean).join("; ") || "-";
  const ref = x.refers ? `surat kami Nomor ${x.refers.number} tanggal ${formatCalendarDate(x.refers.letterDate)} hal ${x.refers.subject}` : "";
  let closing = "Demikian disampaikan. Atas perhatian dan kehadiran Saudara, kami ucapkan terima kasih.";
  const body: BodyPart[] = [];
  if (l.kind === "invitation") {
    const about = m.topic ? `Dalam rangka ${m.topic.charAt(0).toLowerCase()}${m.topic.slice(1)}, dengan` : "Dengan";
    body.push({ kind: "paragraph", text: `${about} hormat kami mengundang Saudara atau pejabat yang mewakili untuk menghadiri ${m.title} yang diselenggarakan oleh ${m.organizerUnitName} pada:` });
    body.push({ kind: "facts", items: [...times(x, start, end), ["Tempat", place], ["Acara", m.agenda.length > 0 ? "sebagaimana susunan acara terlampir" : m.title]] });
  } else if (l.kind === "reschedule") {
    const before = d.previousStartsAt && d.previousEndsAt ? times(x, new Date(d.previousStartsAt), new Date(d.previousEndsAt)) : [];
    body.push({ kind: "paragraph", text: `Menindaklanjuti ${ref}, dengan hormat kami sampaikan bahwa ${m.title} yang semula dijadwalkan pada:` });
    body.push({ kind: "facts", items: before });
    body.push({ kind: "paragraph", text: "diubah menjadi:" });
    body.push({ kind: "facts", items: [...times(x, start, end), ["Tempat", place]] });
  } else {
    body.push({ kind: "paragraph", text: `Menindaklanjuti ${ref}, dengan hormat kami beritahukan bahwa ${m.title} yang dijadwalkan pada:` });
    body.push({ kind: "facts", items: [...times(x, start, end), ["Tempat", place]] });
    body.push({ kind: "paragraph", text: `dibatalkan${d.reason ? ` karena ${d.reason.charAt(0).toLowerCase()}${d.reason.slice(1).replace(/\.$/, "")}` : ""}.` });
    closing = "Demikian disampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.";
  }

  let lampiran: LetterContent["attachment"] = null;
  if (attachment) {
    const blocks: Block[] = [
      { kind: "heading", text: "Daftar unit kerja yang diundang" },
      {
        kind: "table",
        columns: [
          { header: "No.", width: 0.08, align: "center" },
          { header: "Unit kerja", width: 0.92 },
        ],
        rows: x.units.length > 0 ? x.units.map((u, i) => ({ kind: "row", cells: [String(i + 1), u.name] })) : [{ kind: "row", cells: ["", "-"] }],
      },
    ];
    if (l.kind === "invitation" && m.agenda.length > 0) {
      blocks.push(
        { kind: "heading", text: "Susunan acara" },
        {
          kind: "table",
          columns: [
            { header: "Waktu", width: 0.22 },
            { header: "Acara", width: 0.5 },
            { header: "Penyaji", width: 0.28 },
          ],
          rows: m.agenda.map((item) => ({
            kind: "row" as const,
            cells: [`${formatTime(item.startsAt, m.timeZone).replace(/ \S+$/, "")}–${formatTime(item.endsAt, m.timeZone)}`, item.title, item.presenterName ?? ""],
          })),
        },
      );
    }
    const speakers = protocolOrder(m.speakers);
    if (l.kind === "invitation" && speakers.length > 0) {
      blocks.push(
        { kind: "heading", text: "Pembicara" },
        {
          kind: "table",
          columns: [
            { header: "Peran", width: 0.24 },
            { header: "Nama dan jabatan", width: 0.76 },
          ],
          rows: speakers.map((s) => ({
            kind: "row",
            cells: [t(`meetings.speakers.roles.${s.role}`), [s.name, s.position, s.organization].filter(Boolean).join(", ") + (s.onBehalfOf ? ` (mewakili ${s.onBehalfOf})` : "")],
          })),
        },
      );
    }
    lampiran = { title: `Lampiran ${LETTER_TITLES[l.kind]}`, head: [["Nomor", number], ["Tanggal", date], ["Hal", l.subject]], blocks };
  }

  return {
    title: LETTER_TITLES[l.kind],
    draft: x.draft,
    dateLine: l.placeName ? `${l.placeName}, ${date}` : date,
    head: [
      ["Nomor", number],
      ["Sifat", NATURE_LABELS[l.nature]],
      ["Lampiran", attachment ? countWord(1) : "-"],
      ["Hal", l.subject],
    ],
    to: [...yth, ...(inSameCity(x) ? ["di tempat"] : [])],
    body,
    closing,
    signer: signerBlock(l),
    copies: l.copies,
    attachment: lampiran,
    footer: `${LETTER_TITLES[l.kind]} · ${m.title}`,
  };
}

/**
 * A letter of a meeting — undangan, surat perubahan jadwal, pemberitahuan pembatalan — in the
 * form of the tata naskah dinas: kop, place and date, Nomor/Sifat/Lampiran/Hal, Yth., the body, the
 * signature block (with a.n./u.b. when signed for someone), tembusan; the lampiran with its own
 * heading and the signature again.
 */
export async function letterPdf(l: LetterView, x: LetterContext): Promise<Uint8Array> {
  const m = x.record;
  const c = letterContent(l, x);
  const doc = createDoc(`${c.title} ${m.title}`, { size: 12 });
  if (c.draft) draftMark(doc);
  letterhead(doc, x.letterhead, m.organizerUnitName);
  doc.font(FONT).fontSize(baseSize(doc)).text(c.dateLine, { align: "right" });
  doc.moveDown(0.5);
  facts(doc, c.head, { labelWidth: 62 });
  paragraph(doc, c.to.join("\n"), { gap: 0.8 });
  for (const part of c.body) {
    if (part.kind === "paragraph") paragraph(doc, part.text);
    else facts(doc, part.items, { indent: 24, labelWidth: 90 });
  }
  keepTogether(doc, paragraphHeight(doc, c.closing) + signaturesHeight(doc, [c.signer]));
  paragraph(doc, c.closing);
  signatures(doc, [c.signer]);
  if (c.copies.length > 0) {
    keepTogether(doc, (c.copies.length + 1) * doc.currentLineHeight(true) + 8);
    paragraph(doc, ["Tembusan:", ...c.copies.map((copy, i) => `${i + 1}. ${copy}`)].join("\n"), { gap: 0.3 });
  }

  if (c.attachment) {
    doc.addPage();
    const labelX = doc.page.margins.left + contentWidth(doc) * 0.45;
    doc.font(FONT).fontSize(baseSize(doc) - 1);
    doc.text(c.attachment.title, labelX, doc.y, { width: contentWidth(doc) * 0.55 });
    for (const [label, value] of c.attachment.head) {
      const y = doc.y;
      doc.text(label, labelX, y, { width: 52 });
      doc.text(`: ${value}`, labelX + 54, y, { width: contentWidth(doc) * 0.55 - 54 });
    }
    doc.x = doc.page.margins.left;
    doc.moveDown(1);
    for (const b of c.attachment.blocks) {
      if (b.kind === "heading") heading(doc, b.text);
      else if (b.kind === "table") table(doc, b.columns, b.rows);
      else if (b.kind === "paragraph") paragraph(doc, b.text);
    }
    signatures(doc, [c.signer]);
  }
  return finish(doc, c.footer, x.stamp);
}

/** The letter date an undangan may carry at most: the meeting's day in its zone. */
export const meetingDayOf = (m: Pick<MeetingRecord, "startsAt" | "timeZone">) => todayIn(m.timeZone, m.startsAt);
