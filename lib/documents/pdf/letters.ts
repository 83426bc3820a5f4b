import type { Letter } from "@/db/schema";
import { createT } from "@/lib/i18n/translate";
import type { Letterhead } from "@/lib/offices/settings";
import { NATURE_LABELS, ON_BEHALF_LABELS } from "@/lib/offices/schemas";
import { formatCalendarDate, formatDate, formatTime, todayIn } from "@/lib/time";
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

/**
 * A letter of a meeting — undangan, surat perubahan jadwal, pemberitahuan pembatalan — in the
 * form of the tata naskah dinas: kop, place and date, Nomor/Sifat/Lampiran/Hal, Yth., the body, the
 * signature block (with a.n./u.b. when signed for someone), tembusan; the lampiran with its own
 * heading and the signature again.
 */
export async function letterPdf(l: LetterView, x: LetterContext): Promise<Uint8Array> {
  const m = x.record;
  const doc = createDoc(`${LETTER_TITLES[l.kind]} ${m.title}`, { size: 12 });
  if (x.draft) draftMark(doc);
  letterhead(doc, x.letterhead, m.organizerUnitName);
  const date = formatCalendarDate(l.letterDate);
  const number = l.number || "........................................";
  doc.font(FONT).fontSize(baseSize(doc)).text(l.placeName ? `${l.placeName}, ${date}` : date, { align: "right" });
  doc.moveDown(0.5);
  const attachment = hasAttachment(l);
  facts(
    doc,
    [
      ["Nomor", number],
      ["Sifat", NATURE_LABELS[l.nature]],
      ["Lampiran", attachment ? countWord(1) : "-"],
      ["Hal", l.subject],
    ],
    { labelWidth: 62 },
  );
  const to = l.addressees.length > 0 && !l.addresseesAttached ? l.addressees : ["Daftar terlampir"];
  const yth = to.map((a, i) => (to.length === 1 ? `Yth. ${a}` : `${i === 0 ? "Yth. " : "       "}${i + 1}. ${a}`));
  paragraph(doc, [...yth, ...(inSameCity(x) ? ["di tempat"] : [])].join("\n"), { gap: 0.8 });

  const d = l.details;
  const start = new Date(d.startsAt);
  const end = new Date(d.endsAt);
  const place = [m.location, m.onlineUrl ? `daring: ${m.onlineUrl}` : ""].filter(Boolean).join("; ") || "-";
  const ref = x.refers ? `surat kami Nomor ${x.refers.number} tanggal ${formatCalendarDate(x.refers.letterDate)} hal ${x.refers.subject}` : "";
  let closing = "Demikian disampaikan. Atas perhatian dan kehadiran Saudara, kami ucapkan terima kasih.";
  if (l.kind === "invitation") {
    const about = m.topic ? `Dalam rangka ${m.topic.charAt(0).toLowerCase()}${m.topic.slice(1)}, dengan` : "Dengan";
    paragraph(doc, `${about} hormat kami mengundang Saudara atau pejabat yang mewakili untuk menghadiri ${m.title} yang diselenggarakan oleh ${m.organizerUnitName} pada:`);
    facts(doc, [...times(x, start, end), ["Tempat", place], ["Acara", m.agenda.length > 0 ? "sebagaimana susunan acara terlampir" : m.title]], { indent: 24, labelWidth: 90 });
  } else if (l.kind === "reschedule") {
    const before = d.previousStartsAt && d.previousEndsAt ? times(x, new Date(d.previousStartsAt), new Date(d.previousEndsAt)) : [];
    paragraph(doc, `Menindaklanjuti ${ref}, dengan hormat kami sampaikan bahwa ${m.title} yang semula dijadwalkan pada:`);
    facts(doc, before, { indent: 24, labelWidth: 90 });
    paragraph(doc, "diubah menjadi:");
    facts(doc, [...times(x, start, end), ["Tempat", place]], { indent: 24, labelWidth: 90 });
    closing = "Demikian disampaikan. Atas perhatian dan kehadiran Saudara, kami ucapkan terima kasih.";
  } else {
    paragraph(doc, `Menindaklanjuti ${ref}, dengan hormat kami beritahukan bahwa ${m.title} yang dijadwalkan pada:`);
    facts(doc, [...times(x, start, end), ["Tempat", place]], { indent: 24, labelWidth: 90 });
    paragraph(doc, `dibatalkan${d.reason ? ` karena ${d.reason.charAt(0).toLowerCase()}${d.reason.slice(1).replace(/\.$/, "")}` : ""}.`);
    closing = "Demikian disampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.";
  }
  const sign = signerBlock(l);
  keepTogether(doc, paragraphHeight(doc, closing) + signaturesHeight(doc, [sign]));
  paragraph(doc, closing);
  signatures(doc, [sign]);
  if (l.copies.length > 0) {
    keepTogether(doc, (l.copies.length + 1) * doc.currentLineHeight(true) + 8);
    paragraph(doc, ["Tembusan:", ...l.copies.map((c, i) => `${i + 1}. ${c}`)].join("\n"), { gap: 0.3 });
  }

  if (attachment) {
    doc.addPage();
    const labelX = doc.page.margins.left + contentWidth(doc) * 0.45;
    doc.font(FONT).fontSize(baseSize(doc) - 1);
    const head = [`Lampiran ${LETTER_TITLES[l.kind]}`, ["Nomor", number], ["Tanggal", date], ["Hal", l.subject]] as const;
    doc.text(head[0], labelX, doc.y, { width: contentWidth(doc) * 0.55 });
    for (const [label, value] of head.slice(1) as [string, string][]) {
      const y = doc.y;
      doc.text(label, labelX, y, { width: 52 });
      doc.text(`: ${value}`, labelX + 54, y, { width: contentWidth(doc) * 0.55 - 54 });
    }
    doc.x = doc.page.margins.left;
    doc.moveDown(1);
    heading(doc, "Daftar unit kerja yang diundang");
    table(
      doc,
      [
        { header: "No.", width: 0.08, align: "center" },
        { header: "Unit kerja", width: 0.92 },
      ],
      x.units.length > 0 ? x.units.map((u, i) => ({ kind: "row", cells: [String(i + 1), u.name] })) : [{ kind: "row", cells: ["", "-"] }],
    );
    if (l.kind === "invitation" && m.agenda.length > 0) {
      heading(doc, "Susunan acara");
      table(
        doc,
        [
          { header: "Waktu", width: 0.22 },
          { header: "Acara", width: 0.5 },
          { header: "Penyaji", width: 0.28 },
        ],
        m.agenda.map((item) => ({
          kind: "row" as const,
          cells: [`${formatTime(item.startsAt, m.timeZone).replace(/ \S+$/, "")}–${formatTime(item.endsAt, m.timeZone)}`, item.title, item.presenterName ?? ""],
        })),
      );
    }
    const speakers = protocolOrder(m.speakers);
    if (l.kind === "invitation" && speakers.length > 0) {
      heading(doc, "Pembicara");
      table(
        doc,
        [
          { header: "Peran", width: 0.24 },
          { header: "Nama dan jabatan", width: 0.76 },
        ],
        speakers.map((s) => ({
          kind: "row",
          cells: [t(`meetings.speakers.roles.${s.role}`), [s.name, s.position, s.organization].filter(Boolean).join(", ") + (s.onBehalfOf ? ` (mewakili ${s.onBehalfOf})` : "")],
        })),
      );
    }
    signatures(doc, [sign]);
  }
  return finish(doc, `${LETTER_TITLES[l.kind]} · ${m.title}`, x.stamp);
}

/** The letter date an undangan may carry at most: the meeting's day in its zone. */
export const meetingDayOf = (m: Pick<MeetingRecord, "startsAt" | "timeZone">) => todayIn(m.timeZone, m.startsAt);
