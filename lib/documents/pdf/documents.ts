import { createT } from "@/lib/i18n/translate";
import { formatCalendarDate, formatDate, formatTime, todayIn } from "@/lib/time";
import type { SheetGroup } from "../attendance-sheet";
import type { MeetingRecord } from "../meeting-records";
import type { MinutesRecord } from "../minutes-record";
import { createDoc, facts, finish, heading, letterDate, letterhead, paragraph, signature, table, title, type TableRow } from "./layout";

/** Official documents are in Bahasa Indonesia whatever the reader's interface language. */
const t = createT("id");

const timeRange = (m: MeetingRecord) => `${formatTime(m.startsAt, m.timeZone).replace(/ \S+$/, "")} s.d. ${formatTime(m.endsAt, m.timeZone)}`;
const dayDate = (m: MeetingRecord) => formatDate(m.startsAt, m.timeZone);
const placeLine = (m: MeetingRecord) => [m.location, m.onlineUrl ? `daring: ${m.onlineUrl}` : ""].filter(Boolean).join("; ");
const footerOf = (kind: string, m: MeetingRecord) => `${kind} · ${m.title}`;
const signer = (m: MeetingRecord) => ({ position: m.chairPosition || `Pimpinan ${m.organizerUnitName}`, name: m.chairName || "........................................" });

function agendaRows(m: MeetingRecord): TableRow[] {
  return m.agenda.map((item) => ({
    kind: "row" as const,
    cells: [`${formatTime(item.startsAt, m.timeZone).replace(/ \S+$/, "")}–${formatTime(item.endsAt, m.timeZone)}`, item.title, item.presenterName ?? ""],
  }));
}

function cancelledBanner(doc: PDFKit.PDFDocument, m: MeetingRecord) {
  if (m.status !== "cancelled") return;
  paragraph(doc, `RAPAT INI DIBATALKAN. Alasan: ${m.cancelReason ?? "-"}`, { bold: true });
}

/** Surat undangan: the letter, the invited units and the programme (agenda with times). */
export async function invitationPdf(m: MeetingRecord, now = new Date()): Promise<Uint8Array> {
  const doc = createDoc(`Undangan ${m.title}`);
  letterhead(doc, m.officeName, m.organizerUnitName);
  doc.font("Helvetica").fontSize(10.5).text(letterDate(m.timeZone, now), { align: "right" });
  doc.moveDown(0.5);
  facts(doc, [
    ["Nomor", "........................................"],
    ["Sifat", "Segera"],
    ["Lampiran", "1 (satu) berkas"],
    ["Hal", `Undangan ${m.title}`],
  ], { labelWidth: 60 });
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
  paragraph(doc, "Demikian undangan ini disampaikan. Atas perhatian dan kehadiran Saudara, kami ucapkan terima kasih.");
  signature(doc, { date: letterDate(m.timeZone, now), ...signer(m) });

  // The attachment (lampiran) starts on its own page, as in official letters.
  doc.addPage();
  title(doc, "Lampiran Surat Undangan", `Hal: Undangan ${m.title}`);
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

/** Daftar hadir: grouped by unit, with position, status, time and a column to sign. */
export async function attendancePdf(m: MeetingRecord, groups: readonly SheetGroup[]): Promise<Uint8Array> {
  const doc = createDoc(`Daftar Hadir ${m.title}`);
  letterhead(doc, m.officeName, m.organizerUnitName);
  title(doc, "Daftar Hadir", m.title);
  facts(doc, [
    ["Hari, tanggal", dayDate(m)],
    ["Waktu", timeRange(m)],
    ["Tempat", placeLine(m) || "-"],
  ], { labelWidth: 80 });
  cancelledBanner(doc, m);
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
  signature(doc, { date: formatCalendarDate(todayIn(m.timeZone, m.startsAt)), ...signer(m) });
  return finish(doc, footerOf("Daftar hadir", m));
}

/** Notulen: facts, speakers, summary, decisions and the follow-up matrix. */
export async function minutesPdf(m: MeetingRecord, rec: MinutesRecord): Promise<Uint8Array> {
  const doc = createDoc(`Notulen ${m.title}`);
  letterhead(doc, m.officeName, m.organizerUnitName);
  title(doc, "Notulen Rapat", m.title);
  const chair = m.chairName ? `${m.chairName}${m.chairPosition ? `, ${m.chairPosition}` : ""}` : "-";
  const minuteTaker = m.speakers.find((s) => s.role === "minute_taker");
  facts(doc, [
    ["Hari, tanggal", dayDate(m)],
    ["Waktu", timeRange(m)],
    ["Tempat", placeLine(m) || "-"],
    ["Pimpinan rapat", chair],
    ["Notulis", minuteTaker ? minuteTaker.name : "-"],
    ["Peserta", `${m.invitedUnits.length} unit kerja (daftar hadir terlampir)`],
  ], { labelWidth: 90 });
  cancelledBanner(doc, m);
  if (!rec.minutes?.finalizedAt) paragraph(doc, "DRAF — notulen belum final.", { bold: true });
  const speakers = m.speakers.filter((s) => s.role !== "minute_taker");
  if (speakers.length > 0) {
    heading(doc, "Pembicara");
    for (const s of speakers) {
      const who = [s.name, s.position, s.organization].filter(Boolean).join(", ") + (s.onBehalfOf ? ` (mewakili ${s.onBehalfOf})` : "");
      paragraph(doc, `${t(`meetings.speakers.roles.${s.role}`)}: ${who}${s.topic ? ` — ${s.topic}` : ""}`, { gap: 0.2 });
    }
  }
  heading(doc, "Ringkasan");
  paragraph(doc, rec.minutes?.summary.trim() || "-");
  heading(doc, "Keputusan");
  if (rec.decisions.length === 0) paragraph(doc, "-");
  for (const d of rec.decisions) paragraph(doc, `${d.number}. ${d.text}`, { gap: 0.3 });
  heading(doc, "Matriks tindak lanjut");
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
  signature(doc, { date: formatCalendarDate(todayIn(m.timeZone, m.startsAt)), ...signer(m) });
  return finish(doc, footerOf("Notulen", m));
}
