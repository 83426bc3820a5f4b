import "server-only";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { attendanceRecap } from "@/lib/meetings/attendance";
import { requireMeeting } from "@/lib/meetings/access";
import { letterheadOf } from "@/lib/offices/settings";
import { loadAttendanceSheet } from "./attendance-sheet";
import { minutesDocument } from "./content";
import { frozenView } from "./frozen";
import { loadMeetingRecord } from "./meeting-records";
import { loadMinutesRecord } from "./minutes-record";
import { currentMinutesDocument } from "./store";

/**
 * The notulen for the browser's print view: the same content as the PDF (content.ts). Finalized
 * minutes show the stored record's content — the follow-ups as they stood then — with its
 * verification code; drafts the minutes as they are now. For staff who may see the meeting's
 * records (`meeting.records`), like the PDF.
 */
export async function minutesPrintView(user: CurrentUser, meetingId: string) {
  await requireMeeting(user, meetingId, "meeting.records");
  const record = await loadMeetingRecord(meetingId);
  if (!record) throw new NotFoundError();
  const [letterhead, stored] = await Promise.all([letterheadOf(record.officeId, record.officeName), currentMinutesDocument(meetingId)]);
  const frozen = stored ? await frozenView(meetingId, stored.sha256) : null;
  const storedRecord = stored ? { code: stored.code, sha256: stored.sha256, version: stored.version } : null;
  if (frozen) return { record, letterhead, view: frozen, stored: storedRecord };
  const [rec, recap, attendance] = await Promise.all([loadMinutesRecord(meetingId), attendanceRecap(meetingId), loadAttendanceSheet(record)]);
  const view = minutesDocument(record, rec, { placeName: letterhead.placeName, recap, attendance });
  return { record, letterhead, view, stored: storedRecord };
}
