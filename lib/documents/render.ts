import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { documentRenders, minutes } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { buildCalendar } from "@/lib/calendar/ics";
import { NotFoundError, pgError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/follow-ups/evidence";
import { requireMeeting } from "@/lib/meetings/access";
import { can } from "@/lib/permissions";
import { attendanceRecap } from "@/lib/meetings/attendance";
import { letterheadOf } from "@/lib/offices/settings";
import { todayIn } from "@/lib/time";
import { attendanceDocument, minutesDocument } from "./content";
import { DOCX_TYPE, letterDocx, officialDocx } from "./docx";
import { activeInvitation, draftInvitation, letterContext, storedLetterBody } from "./letters";
import { letterContent, letterPdf } from "./pdf/letters";
import { loadAttendanceSheet } from "./attendance-sheet";
import { attendanceCsv, attendanceXlsx, followUpMatrixXlsx } from "./exports";
import { loadMeetingRecord, type MeetingRecord } from "./meeting-records";
import { loadMinutesRecord } from "./minutes-record";
import { renderFrozenMinutes } from "./frozen";
import { currentMinutesDocument, storeDocument } from "./store";
import { attendancePdf, minutesPdf } from "./pdf/documents";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The files of a meeting. `meeting.view`: the calendar entry and the invitation letter (it is
 * addressed to the invited units). `meeting.records` (staff who see the meeting): everything that
 * names people — attendance list, minutes, exports.
 */
export const MEETING_FILES = {
  ics: { name: "rapat", ext: "ics", type: "text/calendar; charset=utf-8", action: "meeting.view" },
  invitation: { name: "undangan", ext: "pdf", type: "application/pdf", action: "meeting.view" },
  attendance: { name: "daftar-hadir", ext: "pdf", type: "application/pdf", action: "meeting.records" },
  minutes: { name: "notulen", ext: "pdf", type: "application/pdf", action: "meeting.records" },
  attendanceCsv: { name: "kehadiran", ext: "csv", type: "text/csv; charset=utf-8", action: "meeting.records" },
  attendanceXlsx: { name: "kehadiran", ext: "xlsx", type: XLSX, action: "meeting.records" },
  matrixXlsx: { name: "matriks-tindak-lanjut", ext: "xlsx", type: XLSX, action: "meeting.records" },
  // Word copies (issue 19) for the secretariat to adjust a line before signing.
  invitationDocx: { name: "undangan", ext: "docx", type: DOCX_TYPE, action: "meeting.records" },
  attendanceDocx: { name: "daftar-hadir", ext: "docx", type: DOCX_TYPE, action: "meeting.records" },
  minutesDocx: { name: "notulen", ext: "docx", type: DOCX_TYPE, action: "meeting.records" },
} as const;
export type MeetingFileKind = keyof typeof MEETING_FILES;

export const isMeetingFileKind = (v: string): v is MeetingFileKind => Object.hasOwn(MEETING_FILES, v);

/** "undangan-2018-11-09-rakor-peningkatan-pelayanan-publik.pdf": kind, date in the meeting's zone, title. */
export function fileNameFor(kind: MeetingFileKind, m: Pick<MeetingRecord, "title" | "startsAt" | "timeZone">): string {
  const f = MEETING_FILES[kind];
  const slug = m.title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60)
    .replace(/-$/, "");
  return `${f.name}-${todayIn(m.timeZone, m.startsAt)}${slug ? `-${slug}` : ""}.${f.ext}`;
}

/** The meeting (NotFoundError unless visible) and the files this user may download for it. */
export async function meetingFilesFor(user: CurrentUser, meetingId: string) {
  const meeting = await requireMeeting(user, meetingId);
  const files = (Object.keys(MEETING_FILES) as MeetingFileKind[]).filter((k) => can(user, MEETING_FILES[k].action, meeting.resource));
  return { meeting, files };
}

/** Renders one file after the permission check (NotFoundError when the meeting is not visible, ForbiddenError when the file is not allowed). */
export async function renderMeetingFile(user: CurrentUser, meetingId: string, kind: MeetingFileKind) {
  const spec = MEETING_FILES[kind];
  await requireMeeting(user, meetingId, spec.action);
  const record = await loadMeetingRecord(meetingId);
  if (!record) throw new NotFoundError();
  const body = await renderFor(kind, record, user);
  return { body, contentType: spec.type, fileName: fileNameFor(kind, record) };
}

/** One rendered file as the download both the pages and the API answer with. */
export function meetingFileResponse(out: Awaited<ReturnType<typeof renderMeetingFile>>): Response {
  const bytes = typeof out.body === "string" ? new TextEncoder().encode(out.body) : out.body;
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": out.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": attachmentDisposition(out.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * A PDF is rendered once per content: the last rendering is kept in PostgreSQL (every instance
 * sees it) under the hash of everything the document shows, so downloading an unchanged
 * attendance list again is a read, and any change renders it anew.
 */
async function storedPdf(kind: MeetingFileKind, meetingId: string, inputs: unknown, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
  // Bytes (an office logo) count by their own hash, not as a JSON array of numbers.
  const replacer = (_key: string, value: unknown) =>
    value instanceof Uint8Array || (typeof value === "object" && value !== null && (value as { type?: unknown }).type === "Buffer")
      ? createHash("sha256").update(value instanceof Uint8Array ? value : Buffer.from((value as { data: number[] }).data)).digest("base64url")
      : value;
  const contentHash = createHash("sha256").update(kind).update(JSON.stringify(inputs, replacer)).digest("base64url");
  const [stored] = await db
    .select({ body: documentRenders.body })
    .from(documentRenders)
    .where(and(eq(documentRenders.meetingId, meetingId), eq(documentRenders.kind, kind), eq(documentRenders.contentHash, contentHash)));
  if (stored) return stored.body;
  const body = await render();
  await db
    .insert(documentRenders)
    .values({ meetingId, kind, contentHash, body })
    .onConflictDoUpdate({ target: [documentRenders.meetingId, documentRenders.kind], set: { contentHash, body, createdAt: new Date() } });
  return body;
}

async function renderFor(kind: MeetingFileKind, record: MeetingRecord, user: CurrentUser): Promise<Uint8Array | string> {
  switch (kind) {
    case "ics":
      return buildCalendar([record], { name: record.title, locale: user.locale });
    case "invitation": {
      // The undangan as issued (stored bytes); before it is issued, a draft marked "KONSEP".
      const letter = await activeInvitation(record.id);
      if (letter) return storedLetterBody(letter);
      const draft = await draftInvitation(record);
      return storedPdf(kind, record.id, [record, draft.view, draft.context], () => letterPdf(draft.view, draft.context));
    }
    case "attendance": {
      const [sheet, letterhead] = await Promise.all([loadAttendanceSheet(record), letterheadOf(record.officeId, record.officeName)]);
      return storedPdf(kind, record.id, [record, sheet, letterhead], () => attendancePdf(record, sheet, letterhead));
    }
    case "minutes": {
      const frozen = await frozenMinutesBody(record.id);
      if (frozen) return frozen;
      const [rec, letterhead, recap, attendance] = await Promise.all([
        loadMinutesRecord(record.id),
        letterheadOf(record.officeId, record.officeName),
        attendanceRecap(record.id),
        loadAttendanceSheet(record),
      ]);
      return storedPdf(kind, record.id, [record, rec, letterhead, recap, attendance], () => minutesPdf(record, rec, { letterhead, recap, attendance }));
    }
    case "invitationDocx": {
      // The issued undangan as issued (its number, date and signer); before that the draft, marked "KONSEP".
      const letter = await activeInvitation(record.id);
      if (letter) {
        const context = await letterContext(record, null, false);
        return letterDocx(letterContent(letter, context), context.letterhead, record.organizerUnitName);
      }
      const draft = await draftInvitation(record);
      return letterDocx(letterContent(draft.view, draft.context), draft.context.letterhead, record.organizerUnitName);
    }
    case "attendanceDocx": {
      const [sheet, letterhead] = await Promise.all([loadAttendanceSheet(record), letterheadOf(record.officeId, record.officeName)]);
      return officialDocx(attendanceDocument(record, sheet, letterhead.placeName), letterhead, record.organizerUnitName);
    }
    case "minutesDocx": {
      const [rec, letterhead, recap, attendance] = await Promise.all([
        loadMinutesRecord(record.id),
        letterheadOf(record.officeId, record.officeName),
        attendanceRecap(record.id),
        loadAttendanceSheet(record),
      ]);
      return officialDocx(minutesDocument(record, rec, { placeName: letterhead.placeName, recap, attendance }), letterhead, record.organizerUnitName);
    }
    case "attendanceCsv":
      return attendanceCsv(record, await loadAttendanceSheet(record), user.locale);
    case "attendanceXlsx":
      return attendanceXlsx(record, await loadAttendanceSheet(record), user.locale, user);
    case "matrixXlsx":
      return followUpMatrixXlsx(record, await loadMinutesRecord(record.id), user.locale, user);
  }
}


/**
 * The stored notulen of finalized minutes; minutes finalized before records were stored (issue
 * 19) are frozen on their first download, as of their finalization. Null while not finalized.
 */
async function frozenMinutesBody(meetingId: string): Promise<Uint8Array | null> {
  const [row] = await db.select({ finalizedAt: minutes.finalizedAt, finalizedBy: minutes.finalizedBy }).from(minutes).where(eq(minutes.meetingId, meetingId));
  if (!row?.finalizedAt) return null;
  const stored = await currentMinutesDocument(meetingId);
  if (stored) return stored.body;
  const frozen = await renderFrozenMinutes(meetingId, row.finalizedAt);
  try {
    const doc = await storeDocument(db, {
      kind: "minutes",
      meetingId,
      documentDate: todayIn(frozen.record.timeZone, row.finalizedAt),
      subject: `Notulen ${frozen.record.title}`,
      signerName: frozen.record.chairName ?? "",
      body: frozen.body,
      code: frozen.code,
      signed: frozen.signed,
      createdBy: row.finalizedBy,
    });
    return doc.body;
  } catch (e) {
    // Another request froze it first: theirs is the record.
    if (pgError(e)?.code !== "23505") throw e;
    return (await currentMinutesDocument(meetingId))?.body ?? frozen.body;
  }
}
