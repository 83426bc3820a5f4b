import type { InvitationLetter } from "@/db/schema";
import { createT } from "@/lib/i18n/translate";
import { actualRange } from "@/lib/live/actual-times";
import type { Recap } from "@/lib/meetings/attendance";
import type { Letterhead } from "@/lib/offices/settings";
import { formatCalendarDate, formatDate, formatTime, todayIn } from "@/lib/time";
import type { SheetGroup } from "../attendance-sheet";
import type { MeetingRecord } from "../meeting-records";
import type { MinutesRecord } from "../minutes-record";
import {
  createDoc,
  facts,
  finish,
  heading,
  keepTogether,
  letterDate,
  letterhead,
  paragraph,
  paragraphHeight,
  signatures,
  signaturesHeight,
  table,
  title,
  type Doc,
  type SignatureBlock,
  type Stamp,
  type TableRow,
} from "./layout";

/** Official documents are in Bahasa Indonesia whatever the reader's interface language. */
const t = createT("id");

const timeRange = (m: MeetingRecord) => `${formatTime(m.startsAt, m.timeZone).replace(/ \S+$/, "")} s.d. ${formatTime(m.endsAt, m.timeZone)}`;
const dayDate = (m: MeetingRecord) => formatDate(m.startsAt, m.timeZone);
const placeLine = (m: MeetingRecord) => [m.location, m.onlineUrl ? `daring: ${m.onlineUrl}` : ""].filter(Boolean).join("; ");
const footerOf = (kind: string, m: MeetingRecord) => `${kind} · ${m.title}`;
const DOTS = "........................................";
const chairBlock = (m: MeetingRecord, dateLine?: string): SignatureBlock => ({
  dateLine,
  lines: [`${m.chairPosition || `Pimpinan ${m.organizerUnitName}`},`],
  name: m.chairName ?? "",
  nip: m.chairNip,
});
/** "Surabaya, 9 November 2018" (or the date alone when the office has no place name). */
const placeDate = (place: string, date: string) => (place ? `${place}, ${date}` : date);

function agendaRows(m: MeetingRecord): TableRow[] {
  return m.agenda.map((item) => ({
    kind: "row" as const,
    cells: [`${formatTime(item.startsAt, m.timeZone).replace(/ \S+$/, "")}–${formatTime(item.endsAt, m.timeZone)}`, item.title, item.presenterName ?? ""],
  }));
}

function cancelledBanner(doc: Doc, m: MeetingRecord) {
  if (m.status !== "cancelled") return;
  paragraph(doc, `RAPAT INI DIBATALKAN. Alasan: ${m.cancelReason ?? "-"}`, { bold: true });
}

/** Closing lines and the signatures on one page: a signature is never alone at the top of a page. */
function closeWithSignatures(doc: Doc, closing: string, blocks: SignatureBlock[]) {
  keepTogether(doc, paragraphHeight(doc, closing) + signaturesHeight(doc, blocks));
  paragraph(doc, closing);
  signatures(doc, blocks);
}

export type InvitationExtras = {
  letterhead: Letterhead;
  /** The letter as issued (number, date, place, signer); null: not issued yet (a draft). */
  letter: InvitationLetter | null;
  /** Without an issued letter: the day it was published. */
  fallbackDate: Date;
};

/** Surat undangan: the letter, the invited units and the programme (agenda with times). */
export async function invitationPdf(m: MeetingRecord, x: InvitationExtras): Promise<Uint8Array> {
  const doc = createDoc(`Undangan ${m.title}`);
  letterhead(doc, x.letterhead, m.organizerUnitName);
  const letter = x.letter;
  const date = letter ? formatCalendarDate(letter.letterDate) : letterDate(m.timeZone, x.fallbackDate);
  const place = letter?.placeName ?? x.letterhead.placeName;
  doc.font("NotoSans").fontSize(10.5).text(placeDate(place, date), { align: "right" });
  doc.moveDown(0.5);
  facts(
    doc,
    [
      ["Nomor", letter?.number ?? DOTS],
      ["Sifat", "Segera"],
      ["Lampiran", "1 (satu) berkas"],
      ["Hal", `Undangan ${m.title}`],
    ],
    { labelWidth: 60 },
  );
  paragraph(doc, "Yth. Kepala unit kerja sebagaimana terlampir\ndi tempat", { gap: 0.8 });
  cancelledBanner(doc, m);
  const about = m.topic ? `Dalam rangka ${m.topic.charAt(0).toLowerCase()}${m.topic.slice(1)}, dengan` : "Dengan";
  paragraph(
    doc,
    `${about} hormat kami mengundang Saudara atau pejabat yang mewakili untuk menghadiri ${m.title} yang diselenggarakan oleh ${m.organizerUnitName} pada:`,
  );
  facts(
    doc,
    [
      ["Hari, tanggal", dayDate(m)],
      ["Waktu", timeRange(m)],
      ["Tempat", m.location || "-"],
      ...(m.onlineUrl ? ([["Tautan daring", m.onlineUrl]] as const) : []),
      ["Acara", m.agenda.length > 0 ? "sebagaimana susunan acara terlampir" : m.title],
    ],
    { indent: 24, labelWidth: 90 },
  );
  const signer: SignatureBlock = letter
    ? { lines: [`${letter.signerPosition},`], name: letter.signerName, nip: letter.signerNip }
    : chairBlock(m);
  closeWithSignatures(doc, "Demikian undangan ini disampaikan. Atas perhatian dan kehadiran Saudara, kami ucapkan terima kasih.", [signer]);

  // The attachment (lampiran) starts on its own page, as in official letters.
  doc.addPage();
  title(doc, "Lampiran Surat Undangan", [letter ? `Nomor ${letter.number}` : "", `Hal: Undangan ${m.title}`].filter(Boolean).join("\n"));
  heading(doc, "Daftar unit kerja yang diundang");
  table(
    doc,
    [
      { header: "No.", width: 0.08, align: "center" },
      { header: "Unit kerja", width: 0.92 },
    ],
    m.invitedUnits.map((u, i) => ({ kind: "row", cells: [String(i + 1), u.name] })),
  );
  if (m.agenda.length > 0) {
    heading(doc, "Susunan acara");
    table(
      doc,
      [
        { header: "Waktu", width: 0.22 },
        { header: "Acara", width: 0.5 },
        { header: "Penyaji", width: 0.28 },
      ],
      agendaRows(m),
    );
  }
  if (m.speakers.length > 0) {
    heading(doc, "Pembicara");
    table(
      doc,
      [
        { header: "Peran", width: 0.22 },
        { header: "Nama dan jabatan", width: 0.78 },
      ],
      m.speakers.map((s) => ({
        kind: "row",
        cells: [
          t(`meetings.speakers.roles.${s.role}`),
          [s.name, s.position, s.organization].filter(Boolean).join(", ") + (s.onBehalfOf ? ` (mewakili ${s.onBehalfOf})` : ""),
        ],
      })),
    );
  }
  return finish(doc, footerOf("Undangan", m));
}

const statusLabel = (status: string, representedBy: string | null) =>
  t(`meetings.attendance.statuses.${status}`) + (status === "represented" && representedBy ? ` oleh ${representedBy}` : "");

/** The daftar hadir table: grouped by unit, with position, status, time and a column to sign. */
function attendanceTable(doc: Doc, m: MeetingRecord, groups: readonly SheetGroup[]) {
  const rows: TableRow[] = [];
  let n = 0;
  for (const g of groups) {
    rows.push({ kind: "group", text: g.unitId ? g.unitName : "Tamu / instansi lain" });
    // A unit nobody has been recorded for gets two empty lines to sign on paper.
    const people = g.people.length > 0 ? g.people : g.invited ? [null, null] : [];
    for (const p of people) {
      n++;
      const sign = n % 2 === 1 ? `${n}.` : `            ${n}.`;
      rows.push({
        kind: "row",
        minHeight: 26,
        cells: p
          ? [String(n), p.name, p.position, statusLabel(p.status, p.representedBy), p.checkedInAt ? formatTime(p.checkedInAt, m.timeZone) : "", sign]
          : [String(n), "", "", "", "", sign],
      });
    }
  }
  table(
    doc,
    [
      { header: "No.", width: 0.06, align: "center" },
      { header: "Nama", width: 0.24 },
      { header: "Jabatan", width: 0.25 },
      { header: "Status", width: 0.14 },
      { header: "Waktu", width: 0.11 },
      { header: "Tanda tangan", width: 0.2 },
    ],
    rows,
    { fontSize: 9 },
  );
}

const meetingDay = (m: MeetingRecord) => formatCalendarDate(todayIn(m.timeZone, m.startsAt));

/** Daftar hadir: the list, signed by the chair. */
export async function attendancePdf(m: MeetingRecord, groups: readonly SheetGroup[], head: Letterhead): Promise<Uint8Array> {
  const doc = createDoc(`Daftar Hadir ${m.title}`);
  letterhead(doc, head, m.organizerUnitName);
  title(doc, "Daftar Hadir", m.title);
  facts(doc, [
    ["Hari, tanggal", dayDate(m)],
    ["Waktu", timeRange(m)],
    ["Tempat", placeLine(m) || "-"],
  ], { labelWidth: 80 });
  cancelledBanner(doc, m);
  attendanceTable(doc, m, groups);
  signatures(doc, [chairBlock(m, placeDate(head.placeName, meetingDay(m)))]);
  return finish(doc, footerOf("Daftar hadir", m));
}

/**
 * "hadir 3 dari 12 unit kerja yang diundang": the units that sent someone (present or
 * represented), of those invited — never the invited count alone.
 */
export function attendanceSentence(recap: Pick<Recap, "invitedUnits" | "unitsPresent" | "people">): string {
  if (recap.invitedUnits === 0) return recap.people > 0 ? `${recap.people} orang tercatat hadir` : "belum ada unit kerja yang diundang";
  return `hadir ${recap.unitsPresent} dari ${recap.invitedUnits} unit kerja yang diundang`;
}

export type MinutesExtras = {
  letterhead: Letterhead;
  recap: Recap;
  attendance: readonly SheetGroup[];
  /** The finalized record (issue 19): the moment the follow-up statuses are shown "per", and the verification stamp. */
  frozen?: { at: Date; stamp?: Stamp };
};

/**
 * Notulen: facts (with a truthful attendance sentence), speakers, summary, decisions, the
 * follow-up matrix; the notulis and the chair sign together with the closing lines; the daftar
 * hadir follows as pages of the same PDF.
 */
export async function minutesPdf(m: MeetingRecord, rec: MinutesRecord, x: MinutesExtras): Promise<Uint8Array> {
  const doc = createDoc(`Notulen ${m.title}`);
  letterhead(doc, x.letterhead, m.organizerUnitName);
  title(doc, "Notulen Rapat", m.title);
  const chair = m.chairName ? `${m.chairName}${m.chairPosition ? `, ${m.chairPosition}` : ""}` : "-";
  const minuteTaker = m.speakers.find((s) => s.role === "minute_taker");
  facts(doc, [
    ["Hari, tanggal", dayDate(m)],
    ["Waktu", timeRange(m)],
    ["Tempat", placeLine(m) || "-"],
    ["Pimpinan rapat", chair],
    ["Notulis", minuteTaker ? minuteTaker.name : "-"],
    ["Peserta", `${attendanceSentence(x.recap)} (daftar hadir terlampir)`],
  ], { labelWidth: 90 });
  cancelledBanner(doc, m);
  if (!x.frozen && !rec.minutes?.finalizedAt) paragraph(doc, "DRAF — notulen belum final.", { bold: true });
  const speakers = m.speakers.filter((s) => s.role !== "minute_taker");
  if (speakers.length > 0) {
    heading(doc, "Pembicara");
    for (const s of speakers) {
      const who = [s.name, s.position, s.organization].filter(Boolean).join(", ") + (s.onBehalfOf ? ` (mewakili ${s.onBehalfOf})` : "");
      paragraph(doc, `${t(`meetings.speakers.roles.${s.role}`)}: ${who}${s.topic ? ` — ${s.topic}` : ""}`, { gap: 0.2 });
    }
  }
  // Pembahasan (issue 23): every agenda item with its text — written in the console while it ran
  // or in the minutes editor afterwards — its actual times, who spoke (from–to) and its decisions.
  const turnLine = (x: MinutesRecord["turns"][number]) =>
    `- ${x.name}${x.unitName ? ` (${x.unitName})` : ""} ${actualRange(x.startedAt, x.endedAt, m.timeZone) ?? ""}${x.topic ? `: ${x.topic}` : ""}`;
  const itemIds = new Set(m.agenda.map((a) => a.id));
  const loose = rec.turns.filter((x) => !x.agendaItemId || !itemIds.has(x.agendaItemId));
  if (m.agenda.length > 0 || loose.length > 0) {
    heading(doc, "Pembahasan");
    m.agenda.forEach((a, i) => {
      const range = actualRange(a.actualStartedAt, a.actualEndedAt, m.timeZone);
      paragraph(doc, `${i + 1}. ${a.title}${range ? ` ${range}` : ""}`, { bold: true, gap: 0.1 });
      paragraph(doc, a.liveNote.trim() || "-", { gap: 0.2 });
      const turns = rec.turns.filter((x) => x.agendaItemId === a.id);
      if (turns.length > 0) {
        paragraph(doc, "Giliran bicara:", { gap: 0.05 });
        for (const x of turns) paragraph(doc, turnLine(x), { gap: 0.05 });
      }
      const decided = rec.decisions.filter((d) => d.agendaItemId === a.id);
      if (decided.length > 0) {
        paragraph(doc, "Keputusan:", { gap: 0.05 });
        for (const d of decided) paragraph(doc, `${d.number}. ${d.text}`, { gap: 0.05 });
      }
      doc.moveDown(0.3);
    });
    if (loose.length > 0) {
      paragraph(doc, "Giliran bicara di luar susunan acara:", { bold: true, gap: 0.05 });
      for (const x of loose) paragraph(doc, turnLine(x), { gap: 0.05 });
    }
  }
  heading(doc, "Ringkasan");
  paragraph(doc, rec.minutes?.summary.trim() || "-");
  heading(doc, "Keputusan");
  if (rec.decisions.length === 0) paragraph(doc, "-");
  for (const d of rec.decisions) paragraph(doc, `${d.number}. ${d.text}`, { gap: 0.3 });
  heading(doc, `Matriks tindak lanjut (status per ${formatCalendarDate(todayIn(m.timeZone, x.frozen?.at ?? new Date()))})`);
  table(
    doc,
    [
      { header: "No.", width: 0.05, align: "center" },
      { header: "Unit kerja", width: 0.2 },
      { header: "Tindak lanjut", width: 0.3 },
      { header: "PIC", width: 0.15 },
      { header: "Tenggat", width: 0.14 },
      { header: "Status", width: 0.16 },
    ],
    rec.matrix.length === 0
      ? [{ kind: "row", cells: ["", "-", "", "", "", ""] }]
      : rec.matrix.map((r, i) => ({
          kind: "row",
          cells: [
            String(i + 1),
            r.unitName,
            r.decisionNumber ? `${r.title} (keputusan ${r.decisionNumber})` : r.title,
            r.picName ?? "-",
            formatCalendarDate(r.dueDate),
            `${t(`followUps.status.${r.status}`)} (${r.progress}%)`,
          ],
        })),
    { fontSize: 8.5 },
  );
  const notulis: SignatureBlock = { lines: ["Notulis,"], name: minuteTaker?.name ?? "", nip: minuteTaker ? minuteTaker.nip : null };
  const chairSign: SignatureBlock = { ...chairBlock(m, placeDate(x.letterhead.placeName, meetingDay(m))), lines: ["Pimpinan Rapat,", ...(m.chairPosition ? [m.chairPosition] : [])] };
  closeWithSignatures(doc, "Demikian notulen rapat ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.", [notulis, chairSign]);

  // Lampiran: the daftar hadir, as pages of the same document.
  doc.addPage();
  title(doc, "Lampiran Notulen: Daftar Hadir", m.title);
  facts(doc, [
    ["Hari, tanggal", dayDate(m)],
    ["Peserta", attendanceSentence(x.recap)],
  ], { labelWidth: 90 });
  attendanceTable(doc, m, x.attendance);
  return finish(doc, footerOf("Notulen", m), x.frozen?.stamp);
}
