import { createT } from "@/lib/i18n/translate";
import { actualRange } from "@/lib/live/actual-times";
import type { Recap } from "@/lib/meetings/attendance";
import { formatCalendarDate, formatDate, formatTime, todayIn } from "@/lib/time";
import type { SheetGroup, SheetPerson } from "./attendance-sheet";
import type { MeetingRecord, RecordSpeaker } from "./meeting-records";
import type { MinutesRecord } from "./minutes-record";

/**
 * The content of the daftar hadir and the notulen, as data: title, facts, sections, closing,
 * signatures and the attached daftar hadir. The PDF, the Word copy (.docx) and the browser's print
 * view are all drawn from this one model, so the three show the same document in the same order.
 */

export type Column = { header: string; width: number; align?: "left" | "center" | "right" };
export type TableRow =
  | { kind: "group"; text: string }
  | {
      kind: "row";
      cells: readonly string[];
      minHeight?: number;
      bold?: boolean;
      /** The last cell is a space to sign in (the daftar hadir's "Tanda tangan"). */
      sign?: boolean;
    };

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; bold?: boolean }
  | { kind: "facts"; items: readonly (readonly [string, string])[] }
  | { kind: "table"; columns: readonly Column[]; rows: readonly TableRow[]; fontSize?: number };

export type SignatureBlock = {
  /** "Surabaya, 9 November 2018" above the block (optional). */
  dateLine?: string;
  /** "Notulis," / "Pimpinan Rapat," and the position: the lines above the space to sign. */
  lines: string[];
  name: string;
  nip?: string | null;
};

export type OfficialPart = { title: string; subtitle: string; blocks: Block[] };

export type OfficialDocument = OfficialPart & {
  /** The document's name at the foot of every page ("Notulen · Rakor …"). */
  footer: string;
  /** A line in bold under the title: "DRAF — notulen belum final." */
  notice: string | null;
  /** The closing sentence, kept on one page with the signatures and the last lines before them. */
  closing: string | null;
  signatures: SignatureBlock[];
  /** Pages of the same document after the signatures (the notulen's daftar hadir). */
  attachment: OfficialPart | null;
};

/** Official documents are in Bahasa Indonesia whatever the reader's interface language. */
const t = createT("id");

const clock = (d: Date, tz: string) => formatTime(d, tz).replace(/ \S+$/, "");

/** "09.00 s.d. 12.00 WITA (08.00 s.d. 11.00 WIB)": the office's time too when the meeting is held in another zone. */
function timeRange(m: Pick<MeetingRecord, "timeZone" | "officeTimeZone">, start: Date, end: Date | null): string {
  const range = (zone: string) => (end ? `${clock(start, zone)} s.d. ${formatTime(end, zone)}` : `${formatTime(start, zone)} s.d. selesai`);
  return m.timeZone === m.officeTimeZone ? range(m.timeZone) : `${range(m.timeZone)} (${range(m.officeTimeZone)})`;
}

/**
 * When the meeting was actually held: from the first agenda item started to the last ended in
 * the live console; "s.d. selesai" when the end was not recorded; the planned times otherwise.
 */
export function heldTimes(m: Pick<MeetingRecord, "startsAt" | "endsAt" | "agenda">): { start: Date; end: Date | null; actual: boolean } {
  const starts = m.agenda.map((a) => a.actualStartedAt).filter((d): d is Date => !!d);
  if (starts.length === 0) return { start: m.startsAt, end: m.endsAt, actual: false };
  const start = new Date(Math.min(...starts.map((d) => d.getTime())));
  const ends = m.agenda.map((a) => a.actualEndedAt).filter((d): d is Date => !!d && d.getTime() > start.getTime());
  const end = ends.length > 0 ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null;
  return { start, end, actual: true };
}

const placeLine = (m: MeetingRecord) => [m.location, m.onlineUrl ? `daring: ${m.onlineUrl}` : ""].filter(Boolean).join("; ") || "-";
/** "Surabaya, 9 November 2018" (or the date alone when the office has no place name). */
const placeDate = (place: string, date: string) => (place ? `${place}, ${date}` : date);
const meetingDay = (m: MeetingRecord) => formatCalendarDate(todayIn(m.timeZone, m.startsAt));
const who = (s: Pick<RecordSpeaker, "name" | "position" | "organization" | "onBehalfOf">) =>
  [s.name, s.position, s.organization].filter(Boolean).join(", ") + (s.onBehalfOf ? ` (mewakili ${s.onBehalfOf})` : "");

const cancelled = (m: MeetingRecord): Block[] => (m.status === "cancelled" ? [{ kind: "paragraph", text: `RAPAT INI DIBATALKAN. Alasan: ${m.cancelReason ?? "-"}`, bold: true }] : []);

/** Speakers in protocol order: sambutan/pembukaan, arahan, narasumber, moderator; the notulis is not a speaker. */
const PROTOCOL = ["opening_remarks", "keynote", "resource_person", "moderator"] as const;
const inProtocolOrder = (speakers: readonly RecordSpeaker[]) => PROTOCOL.flatMap((role) => speakers.filter((s) => s.role === role));

// ---------------------------------------------------------------------------------------------
// Daftar hadir

/** Not in the room: listed with their status where the signature would go. */
const ABSENT = new Set(["represented", "excused", "sick", "official_duty", "absent"]);

const ATTENDANCE_COLUMNS: Column[] = [
  { header: "No.", width: 0.06, align: "center" },
  { header: "Nama", width: 0.2 },
  { header: "NIP", width: 0.205 },
  { header: "Jabatan", width: 0.19 },
  { header: "Unit kerja", width: 0.165 },
  { header: "Tanda tangan", width: 0.18 },
];

/** The organizer's officers (pimpinan rapat, notulis, moderator), each on the list to sign. */
type Officer = { userId: string | null; role: string; name: string; position: string; nip: string | null };

function officersOf(m: MeetingRecord): Officer[] {
  const out: Officer[] = [];
  if (m.chairName) out.push({ userId: m.chairUserId, role: "Pimpinan rapat", name: m.chairName, position: m.chairPosition ?? "", nip: m.chairNip });
  for (const role of ["minute_taker", "moderator"] as const) {
    for (const s of m.speakers.filter((x) => x.role === role)) {
      if (s.userId && out.some((o) => o.userId === s.userId)) continue;
      out.push({ userId: s.userId, role: t(`meetings.speakers.roles.${role}`), name: s.name, position: [s.position, s.organization].filter(Boolean).join(", "), nip: s.nip });
    }
  }
  return out;
}

/**
 * The rows of the daftar hadir: the organizer's officers first, then every invited unit (two
 * empty lines to sign for a unit nobody was recorded for), other units and guests. Who is present
 * signs; a representative signs in a row of their own ("mewakili …") under the person they stand
 * for; who is excused, sick, on duty elsewhere or absent is listed with that status, no space to sign.
 */
export function attendanceRows(m: MeetingRecord, groups: readonly SheetGroup[]): TableRow[] {
  const rows: TableRow[] = [];
  let n = 0;
  const sign = (extra: Omit<Extract<TableRow, { kind: "row" }>, "kind" | "cells" | "sign">, cells: string[]) => {
    n++;
    rows.push({ kind: "row", sign: true, minHeight: 26, ...extra, cells: [String(n), ...cells, `${n}.`] });
  };
  const person = (p: Pick<SheetPerson, "name" | "nip" | "position" | "status" | "representedBy">, unit: string, position = p.position) => {
    if (!ABSENT.has(p.status)) return sign({}, [p.name, p.nip ?? "", position, unit]);
    n++;
    rows.push({ kind: "row", minHeight: 18, cells: [String(n), p.name, p.nip ?? "", position, unit, t(`meetings.attendance.statuses.${p.status}`)] });
    if (p.status === "represented" && p.representedBy) sign({}, [p.representedBy, "", `mewakili ${p.name}`, unit]);
  };

  const officers = officersOf(m);
  const officerIds = new Set(officers.map((o) => o.userId).filter(Boolean));
  const recorded = new Map(groups.flatMap((g) => g.people).filter((p) => p.userId && officerIds.has(p.userId)).map((p) => [p.userId!, p]));
  if (officers.length > 0) {
    rows.push({ kind: "group", text: `Penyelenggara: ${m.organizerUnitName}` });
    for (const o of officers) {
      const position = [o.position, `(${o.role})`].filter(Boolean).join(" ");
      const as = o.userId ? recorded.get(o.userId) : undefined;
      person({ name: o.name, nip: o.nip, position, status: as?.status ?? "present", representedBy: as?.representedBy ?? null }, m.organizerUnitName);
    }
  }
  for (const g of groups) {
    const unit = g.unitId ? g.unitName : "Tamu / instansi lain";
    const people = g.people.filter((p) => !p.userId || !officerIds.has(p.userId));
    if (people.length === 0 && !(g.invited && g.people.length === 0)) continue;
    rows.push({ kind: "group", text: unit });
    if (people.length === 0) {
      for (let i = 0; i < 2; i++) sign({}, ["", "", "", unit]);
      continue;
    }
    for (const p of people) person(p, g.unitId ? g.unitName : "Tamu");
  }
  return rows;
}

const attendanceTable = (m: MeetingRecord, groups: readonly SheetGroup[]): Block => ({ kind: "table", columns: ATTENDANCE_COLUMNS, rows: attendanceRows(m, groups), fontSize: 8.5 });

/** The chair signs the list: place and date, "Pimpinan Rapat," the position, name and NIP. */
const chairSignature = (m: MeetingRecord, place: string): SignatureBlock => ({
  dateLine: placeDate(place, meetingDay(m)),
  lines: ["Pimpinan Rapat,", ...(m.chairPosition ? [m.chairPosition] : [])],
  name: m.chairName ?? "",
  nip: m.chairNip,
});

/** Daftar hadir: the meeting's identity, the list, the chair's signature. */
export function attendanceDocument(m: MeetingRecord, groups: readonly SheetGroup[], placeName: string): OfficialDocument {
  return {
    title: "Daftar Hadir",
    subtitle: m.title,
    footer: `Daftar hadir · ${m.title}`,
    notice: null,
    blocks: [
      {
        kind: "facts",
        items: [
          ["Hari, tanggal", formatDate(m.startsAt, m.timeZone)],
          ["Waktu", timeRange(m, m.startsAt, m.endsAt)],
          ["Tempat", placeLine(m)],
          ["Penyelenggara", m.organizerUnitName],
        ],
      },
      ...cancelled(m),
      attendanceTable(m, groups),
    ],
    closing: null,
    signatures: [chairSignature(m, placeName)],
    attachment: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Notulen

/**
 * "hadir 3 dari 12 unit kerja yang diundang": the units that sent someone (present or
 * represented), of those invited — never the invited count alone.
 */
export function attendanceSentence(recap: Pick<Recap, "invitedUnits" | "unitsPresent" | "people">): string {
  if (recap.invitedUnits === 0) return recap.people > 0 ? `${recap.people} orang tercatat hadir` : "belum ada unit kerja yang diundang";
  return `hadir ${recap.unitsPresent} dari ${recap.invitedUnits} unit kerja yang diundang`;
}

export type MinutesInputs = {
  placeName: string;
  recap: Recap;
  attendance: readonly SheetGroup[];
  /** The finalized record: the moment the follow-up statuses are shown "per". */
  frozenAt?: Date;
  /** Now, for a draft's "status per". */
  now?: Date;
};

/**
 * Notulen as tata naskah dinas writes it: Hari/tanggal, Waktu as held, Tempat, Pimpinan rapat,
 * Notulis, Peserta; Acara; Pembicara; Pembahasan per agenda item (text, who spoke, decisions);
 * Kesimpulan; Keputusan; Tindak lanjut (status per the finalization); closing; the notulis and the
 * chair sign; the daftar hadir attached.
 */
export function minutesDocument(m: MeetingRecord, rec: MinutesRecord, x: MinutesInputs): OfficialDocument {
  const tz = m.timeZone;
  const held = heldTimes(m);
  const chair = m.chairName ? `${m.chairName}${m.chairPosition ? `, ${m.chairPosition}` : ""}` : "-";
  const minuteTaker = m.speakers.find((s) => s.role === "minute_taker");
  const blocks: Block[] = [
    {
      kind: "facts",
      items: [
        ["Hari, tanggal", formatDate(held.start, tz)],
        ["Waktu", timeRange(m, held.start, held.end)],
        ["Tempat", placeLine(m)],
        ["Pimpinan rapat", chair],
        ["Notulis", minuteTaker ? [minuteTaker.name, minuteTaker.position].filter(Boolean).join(", ") : "-"],
        ["Peserta", `${attendanceSentence(x.recap)} (daftar hadir terlampir)`],
      ],
    },
    ...cancelled(m),
  ];

  // Acara: the agenda, each item at the times it was held (the plan where none was recorded).
  blocks.push({ kind: "heading", text: "Acara" });
  if (m.agenda.length === 0) blocks.push({ kind: "paragraph", text: m.title });
  else
    blocks.push({
      kind: "table",
      fontSize: 9,
      columns: [
        { header: "No.", width: 0.06, align: "center" },
        { header: "Waktu", width: 0.22 },
        { header: "Acara", width: 0.46 },
        { header: "Penyaji", width: 0.26 },
      ],
      rows: m.agenda.map((a, i) => ({
        kind: "row" as const,
        cells: [String(i + 1), actualRange(a.actualStartedAt, a.actualEndedAt, tz) ?? `${clock(a.startsAt, tz)}–${formatTime(a.endsAt, tz)}`, a.title, a.presenterName ?? ""],
      })),
    });

  const speakers = inProtocolOrder(m.speakers);
  if (speakers.length > 0) {
    blocks.push({ kind: "heading", text: "Pembicara" });
    for (const s of speakers) blocks.push({ kind: "paragraph", text: `${t(`meetings.speakers.roles.${s.role}`)}: ${who(s)}${s.topic ? ` — ${s.topic}` : ""}` });
  }

  // Pembahasan per agenda item: its text (live console or minutes editor), who spoke, its decisions.
  const turnLine = (x: MinutesRecord["turns"][number]) =>
    `- ${x.name}${x.unitName ? ` (${x.unitName})` : ""} ${actualRange(x.startedAt, x.endedAt, tz) ?? ""}${x.topic ? `: ${x.topic}` : ""}`.replace(/ +$/, "");
  const itemIds = new Set(m.agenda.map((a) => a.id));
  const loose = rec.turns.filter((x) => !x.agendaItemId || !itemIds.has(x.agendaItemId));
  if (m.agenda.length > 0 || loose.length > 0) {
    blocks.push({ kind: "heading", text: "Pembahasan" });
    m.agenda.forEach((a, i) => {
      const range = actualRange(a.actualStartedAt, a.actualEndedAt, tz);
      blocks.push({ kind: "paragraph", text: `${i + 1}. ${a.title}${range ? ` ${range}` : ""}`, bold: true });
      blocks.push({ kind: "paragraph", text: a.liveNote.trim() || "-" });
      const turns = rec.turns.filter((x) => x.agendaItemId === a.id);
      if (turns.length > 0) blocks.push({ kind: "paragraph", text: ["Giliran bicara:", ...turns.map(turnLine)].join("\n") });
      const decided = rec.decisions.filter((d) => d.agendaItemId === a.id);
      if (decided.length > 0) blocks.push({ kind: "paragraph", text: ["Keputusan:", ...decided.map((d) => `${d.number}. ${d.text}`)].join("\n") });
    });
    if (loose.length > 0) blocks.push({ kind: "paragraph", text: ["Giliran bicara di luar susunan acara:", ...loose.map(turnLine)].join("\n") });
  }

  blocks.push({ kind: "heading", text: "Kesimpulan" }, { kind: "paragraph", text: rec.minutes?.summary.trim() || "-" });
  blocks.push({ kind: "heading", text: "Keputusan" });
  if (rec.decisions.length === 0) blocks.push({ kind: "paragraph", text: "-" });
  for (const d of rec.decisions) blocks.push({ kind: "paragraph", text: `${d.number}. ${d.text}` });

  blocks.push({ kind: "heading", text: `Tindak lanjut (status per ${formatCalendarDate(todayIn(tz, x.frozenAt ?? x.now ?? new Date()))})` });
  blocks.push({
    kind: "table",
    fontSize: 8.5,
    columns: [
      { header: "No.", width: 0.05, align: "center" },
      { header: "Unit kerja", width: 0.2 },
      { header: "Tindak lanjut", width: 0.3 },
      { header: "PIC", width: 0.15 },
      { header: "Tenggat", width: 0.14 },
      { header: "Status", width: 0.16 },
    ],
    rows:
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
  });

  const draft = !x.frozenAt && !rec.minutes?.finalizedAt;
  return {
    title: "Notulen Rapat",
    subtitle: m.title,
    footer: `Notulen · ${m.title}`,
    notice: draft ? "DRAF — notulen belum final." : null,
    blocks,
    closing: "Demikian notulen rapat ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
    signatures: [
      { lines: ["Notulis,"], name: minuteTaker?.name ?? "", nip: minuteTaker ? minuteTaker.nip : null },
      chairSignature(m, x.placeName),
    ],
    attachment: {
      title: "Lampiran Notulen: Daftar Hadir",
      subtitle: m.title,
      blocks: [
        {
          kind: "facts",
          items: [
            ["Hari, tanggal", formatDate(m.startsAt, tz)],
            ["Peserta", attendanceSentence(x.recap)],
          ],
        },
        attendanceTable(m, x.attendance),
      ],
    },
  };
}
