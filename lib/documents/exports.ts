import { createT, type Locale } from "@/lib/i18n/translate";
import { dateCell, titledWorkbook, toCsv, type Cell } from "@/lib/spreadsheet";
import { formatDateTime, formatRangeWithReference, formatTime, referenceZone } from "@/lib/time";
import type { SheetGroup } from "./attendance-sheet";
import type { MeetingRecord } from "./meeting-records";
import type { MinutesRecord } from "./minutes-record";

/** Who downloads a file: named in the title block with the moment, in their zone. */
export type Viewer = { name: string; timeZone: string };

function attendanceTable(m: MeetingRecord, groups: readonly SheetGroup[], locale: Locale) {
  const t = createT(locale);
  const header = [
    t("agenda.export.no"),
    t("meetings.attendance.unit"),
    t("agenda.export.name"),
    t("agenda.export.nip"),
    t("meetings.attendance.guestPosition"),
    t("meetings.attendance.status"),
    t("meetings.attendance.representedBy"),
    t("meetings.attendance.time"),
    t("agenda.export.method"),
  ];
  const body: Cell[][] = [];
  for (const g of groups) {
    for (const p of g.people) {
      body.push([
        body.length + 1,
        g.unitId ? g.unitName : t("agenda.export.guests"),
        p.name,
        // Text, never a number: an 18-digit NIP as a number loses its last digits in a spreadsheet.
        p.nip ?? "",
        p.position,
        t(`meetings.attendance.statuses.${p.status}`),
        p.representedBy ?? "",
        p.checkedInAt ? formatTime(p.checkedInAt, m.timeZone, locale) : "",
        t(`meetings.attendance.method.${p.method}`),
      ]);
    }
  }
  return { header, body };
}

/**
 * The title block of a meeting's export: office, organizer, meeting, day and time (with the
 * office's or the reader's time beside a meeting held in another zone), place, and who downloaded
 * it when.
 */
function meetingLines(m: MeetingRecord, locale: Locale, viewer: Viewer | undefined, now: Date): string[] {
  const t = createT(locale);
  const ref = referenceZone(m.timeZone, m.officeTimeZone, viewer?.timeZone);
  const place = [m.location, m.onlineUrl].filter(Boolean).join(" · ");
  return [
    m.officeName,
    m.organizerUnitName !== m.officeName ? t("agenda.export.organizer", { unit: m.organizerUnitName }) : "",
    t("agenda.export.meeting", { title: m.title }),
    t("agenda.export.date", { date: formatRangeWithReference(m.startsAt, m.endsAt, m.timeZone, ref, locale) }),
    place ? t("agenda.export.place", { place }) : "",
    viewer ? t("agenda.export.downloaded", { when: formatDateTime(now, viewer.timeZone, locale), name: viewer.name }) : "",
  ];
}

/** Attendance as CSV (UTF-8 with BOM, `;`, CRLF); every cell is safe against formula injection. */
export function attendanceCsv(m: MeetingRecord, groups: readonly SheetGroup[], locale: Locale): string {
  const { header, body } = attendanceTable(m, groups, locale);
  return toCsv([header, ...body]);
}

/** Attendance as XLSX: the title block, the table with its header on every printed page. */
export async function attendanceXlsx(m: MeetingRecord, groups: readonly SheetGroup[], locale: Locale, viewer?: Viewer, now = new Date()): Promise<Uint8Array> {
  const t = createT(locale);
  const title = t("agenda.export.attendanceTitle");
  return titledWorkbook([
    {
      name: t("meetings.attendance.title"),
      title,
      lines: meetingLines(m, locale, viewer, now),
      ...attendanceTable(m, groups, locale),
      widths: [6, 40, 30, 35, 16, 25, 12, 16],
      footer: `${title} — ${m.title}`,
      pageLabel: t("agenda.export.page"),
    },
  ]);
}

/**
 * The follow-up matrix of a meeting: unit, follow-up, category, PIC, due date, status, progress —
 * "status per <moment>" in the title block, since the statuses move on after the download.
 */
export async function followUpMatrixXlsx(m: MeetingRecord, rec: MinutesRecord, locale: Locale, viewer?: Viewer, now = new Date()): Promise<Uint8Array> {
  const t = createT(locale);
  const header = [
    t("agenda.export.no"),
    t("followUps.fields.unit"),
    t("followUps.fields.title"),
    t("followUps.fields.category"),
    t("followUps.fields.pic"),
    t("followUps.fields.dueDate"),
    t("followUps.fields.status"),
    t("followUps.fields.progress"),
    t("followUps.fields.decision"),
  ];
  const body = rec.matrix.map((r, i) => [
    i + 1,
    r.unitName,
    r.title,
    r.categoryName,
    r.picName ?? "",
    dateCell(r.dueDate),
    t(`followUps.status.${r.status}`),
    r.progress,
    r.decisionNumber ?? "",
  ]);
  const title = t("agenda.export.matrixTitle");
  return titledWorkbook([
    {
      name: t("agenda.export.matrix"),
      title,
      lines: [...meetingLines(m, locale, viewer, now), t("agenda.export.statusAsOf", { when: formatDateTime(now, viewer?.timeZone ?? m.officeTimeZone, locale) })],
      header,
      body,
      dateColumns: [5],
      widths: [6, 40, 50, 30, 25, 12, 18, 10, 10],
      footer: `${title} — ${m.title}`,
      pageLabel: t("agenda.export.page"),
    },
  ]);
}
