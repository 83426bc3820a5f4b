import "server-only";
import { aliasedTable, asc, eq, inArray, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { agendaItems, attendances, speakers, users, workUnits } from "@/db/schema";

/**
 * The meeting reads shared by the meeting page (get-meeting.ts), the documents, calendars and
 * emails (lib/documents/meeting-records.ts) and the attendance sheet: one query each, for one
 * meeting or several, and one display rule for speakers and presenters.
 */

const presenter = aliasedTable(speakers, "presenter");
const presenterUser = aliasedTable(users, "presenter_user");

/** Agenda items with their presenter's name, in order per meeting. */
export function agendaRowsOf(meetingIds: readonly string[]) {
  return db
    .select({ item: agendaItems, presenterName: presenter.name, presenterUserName: presenterUser.name })
    .from(agendaItems)
    .leftJoin(presenter, eq(presenter.id, agendaItems.presenterSpeakerId))
    .leftJoin(presenterUser, eq(presenterUser.id, presenter.userId))
    .where(inArray(agendaItems.meetingId, [...meetingIds]))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
}
type AgendaRow = Awaited<ReturnType<typeof agendaRowsOf>>[number];

/** An internal presenter shows under their account's name, a guest under the name typed. */
export const presenterNameOf = (a: Pick<AgendaRow, "presenterName" | "presenterUserName">) => a.presenterUserName ?? a.presenterName ?? null;

/** Speakers with their account's name, position and NIP, in order per meeting. */
export function speakerRowsOf(meetingIds: readonly string[]) {
  return db
    .select({ speaker: speakers, userName: users.name, userPosition: users.position, userNip: users.nip })
    .from(speakers)
    .leftJoin(users, eq(users.id, speakers.userId))
    .where(inArray(speakers.meetingId, [...meetingIds]))
    .orderBy(asc(speakers.meetingId), asc(speakers.sortOrder), asc(speakers.createdAt));
}
type SpeakerRow = Awaited<ReturnType<typeof speakerRowsOf>>[number];

/** The one speaker display rule: an internal speaker by their account (name, position, NIP), a guest as typed. */
export const speakerDisplay = (s: SpeakerRow) => ({
  name: s.userName ?? s.speaker.name ?? "",
  position: s.speaker.userId ? s.userPosition : s.speaker.position,
  nip: s.speaker.userId ? s.userNip : null,
});

/** Attendance records with the person's and the unit's names; `where` narrows (a meeting, a page). */
export function attendanceRowsWhere(where: SQL | undefined) {
  return db
    .select({ attendance: attendances, userName: users.name, userPosition: users.position, unitName: workUnits.name })
    .from(attendances)
    .leftJoin(users, eq(users.id, attendances.userId))
    .leftJoin(workUnits, eq(workUnits.id, attendances.workUnitId))
    .where(where)
    .$dynamic();
}
export type AttendanceRow = Awaited<ReturnType<typeof attendanceRowsWhere>>[number];

/** The default order of an attendance list: by unit, then person (guests by the name typed). */
export const ATTENDANCE_ORDER = [asc(workUnits.name), asc(users.name), asc(attendances.guestName)];

/** The one attendee display rule: an account by its name, a guest as typed. */
export const attendeeName = (a: Pick<AttendanceRow, "userName"> & { attendance: { guestName: string | null } }) => a.userName ?? a.attendance.guestName ?? "";
