import "server-only";
import { aliasedTable, and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { attendances, decisions, invitations, meetingReschedules, meetingSeries, meetings, minutes, rooms, users, workUnits } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { bindingOf, keyset, type KeyColumn } from "@/lib/pagination";
import { meetingsVisibleTo } from "@/lib/scopes";
import { loadMeeting, omit } from "./access";
import { scheduleAgenda } from "./agenda-times";
import { attendanceRecap, checkInWindow } from "./attendance";
import { agendaRowsOf, attendanceRowsWhere, attendeeName, ATTENDANCE_ORDER, presenterNameOf, speakerDisplay, speakerRowsOf, type AttendanceRow } from "./queries";

const chair = aliasedTable(users, "chair");
const responder = aliasedTable(users, "responder");

/**
 * Everything the meeting page needs, in a fixed number of queries (no query per row). A user who
 * may not see the meeting gets NotFoundError.
 */
/** People shown per page of the meeting page's attendance list (the API lists them all). */
export const ATTENDANCE_PAGE_SIZE = 50;

const ATTENDANCE_KEY: KeyColumn[] = [
  // By unit name, guests without a unit last, then by person.
  { sql: sql`(case when ${workUnits.name} is null then '1' else '0' end)`, type: "text" },
  { sql: sql`coalesce(${workUnits.name}, '')`, type: "text" },
  { sql: sql`coalesce(${users.name}, ${attendances.guestName}, '')`, type: "text" },
  { sql: sql`${attendances.id}`, type: "uuid" },
];

/**
 * `attendance`: "all" (the API, exports) or a keyset page of the attendance list (the meeting
 * page; `cursor` from its previous/next links). A bad cursor is a 400 (BadCursorError).
 */
export async function getMeeting(user: CurrentUser, id: string, opts: { attendance?: "all" | { cursor?: string | null } } = {}) {
  const loaded = await loadMeeting(id);
  if (!loaded || !can(user, "meeting.view", loaded.resource)) throw new NotFoundError();
  const r = loaded.resource;
  const permissions = {
    manage: can(user, "meeting.manage", r),
    respond: can(user, "meeting.respond", r),
    checkIn: can(user, "meeting.checkIn", r),
    writeMinutes: can(user, "minutes.write", r),
    reopenMinutes: can(user, "minutes.reopen", r),
    /** Attendance lists, minutes PDF and exports (they name people of every unit). */
    records: can(user, "meeting.records", r),
    /** Turning decisions into follow-ups for units of the organizer's division. */
    createFollowUps: can(user, "actionItem.create", { workUnitId: r.organizerUnitId }),
  };
  // The attendance list names people of every unit: read only for those who may see the records.
  const staff = permissions.records;
  const attendancePage =
    opts.attendance && opts.attendance !== "all"
      ? keyset<AttendanceRow>({
          columns: ATTENDANCE_KEY,
          order: "asc",
          limit: ATTENDANCE_PAGE_SIZE,
          cursor: opts.attendance.cursor,
          binding: bindingOf({ list: "attendance", meeting: id }),
          keyOf: (r) => [r.unitName === null ? "1" : "0", r.unitName ?? "", attendeeName(r), r.attendance.id],
        })
      : null;

  const [head, speakerRows, agendaRows, invitationRows, attendanceRows, minutesRows, decisionRows, reschedules, recap, series, occurrences, mine] = await Promise.all([
    db
      .select({ organizerUnitName: workUnits.name, chairName: chair.name, chairPosition: chair.position, roomName: rooms.name, roomBuilding: rooms.building, roomCapacity: rooms.capacity })
      .from(meetings)
      .innerJoin(workUnits, eq(workUnits.id, meetings.organizerUnitId))
      .leftJoin(chair, eq(chair.id, meetings.chairUserId))
      .leftJoin(rooms, eq(rooms.id, meetings.roomId))
      .where(eq(meetings.id, id)),
    speakerRowsOf([id]),
    agendaRowsOf([id]),
    db
      .select({ invitation: invitations, unitName: workUnits.name, respondedByName: responder.name })
      .from(invitations)
      .innerJoin(workUnits, eq(workUnits.id, invitations.workUnitId))
      .leftJoin(responder, eq(responder.id, invitations.respondedBy))
      .where(eq(invitations.meetingId, id))
      .orderBy(asc(workUnits.name)),
    staff
      ? attendancePage
        ? attendanceRowsWhere(and(eq(attendances.meetingId, id), attendancePage.where)).orderBy(attendancePage.orderBy).limit(attendancePage.fetch)
        : attendanceRowsWhere(eq(attendances.meetingId, id)).orderBy(...ATTENDANCE_ORDER)
      : Promise.resolve([]),
    db.select().from(minutes).where(eq(minutes.meetingId, id)),
    db.select().from(decisions).where(eq(decisions.meetingId, id)).orderBy(asc(decisions.number)),
    db.select().from(meetingReschedules).where(eq(meetingReschedules.meetingId, id)).orderBy(desc(meetingReschedules.createdAt)),
    attendanceRecap(id),
    loaded.seriesId ? db.select().from(meetingSeries).where(eq(meetingSeries.id, loaded.seriesId)) : Promise.resolve([]),
    loaded.seriesId
      ? db
          .select({ id: meetings.id, seriesIndex: meetings.seriesIndex, startsAt: meetings.startsAt, status: meetings.status, title: meetings.title })
          .from(meetings)
          .where(and(eq(meetings.seriesId, loaded.seriesId), meetingsVisibleTo(user, sql.raw('"meetings"'))))
          .orderBy(asc(meetings.seriesIndex))
      : Promise.resolve([]),
    db
      .select({ status: attendances.status, checkedInAt: attendances.checkedInAt })
      .from(attendances)
      .where(and(eq(attendances.meetingId, id), eq(attendances.userId, user.id))),
  ]);

  const { checkInCode } = loaded;
  const meeting = omit(loaded, "resource", "checkInCode");
  const speakerList = speakerRows.map((s) => {
    const shown = speakerDisplay(s);
    return { ...s.speaker, displayName: shown.name, displayPosition: shown.position };
  });
  const agenda = scheduleAgenda(
    meeting.startsAt,
    meeting.endsAt,
    agendaRows.map((a) => ({ ...a.item, presenterName: presenterNameOf(a) })),
  );
  const myInvitation = invitationRows.find((i) => i.invitation.workUnitId === user.workUnitId)?.invitation ?? null;

  return {
    meeting: {
      ...meeting,
      organizerUnitName: head[0]?.organizerUnitName ?? "",
      chairName: head[0]?.chairName ?? null,
      chairPosition: head[0]?.chairPosition ?? null,
      room: head[0]?.roomName ? { name: head[0].roomName, building: head[0].roomBuilding ?? "", capacity: head[0].roomCapacity } : null,
    },
    /** The signed-in user's own attendance (their check-in), if recorded. */
    myAttendance: mine[0] ?? null,
    /** Only for those who manage the meeting (the QR code is shown in the room). */
    checkInCode: permissions.manage ? checkInCode : null,
    checkInWindow: checkInWindow(meeting),
    permissions,
    speakers: speakerList,
    agenda,
    invitations: invitationRows.map((i) => ({ ...i.invitation, unitName: i.unitName, respondedByName: i.respondedByName })),
    myInvitation,
    attendances: (attendancePage ? attendancePage.finish(attendanceRows).items : attendanceRows).map((a) => ({ ...a.attendance, userName: a.userName, userPosition: a.userPosition, unitName: a.unitName })),
    /** Links to the attendance list's other pages (a paged request only). */
    attendancePages: attendancePage ? (({ nextCursor, prevCursor }) => ({ nextCursor, prevCursor }))(attendancePage.finish(attendanceRows)) : { nextCursor: null, prevCursor: null },
    recap,
    minutes: minutesRows[0] ?? null,
    decisions: decisionRows,
    reschedules,
    series: series[0] ?? null,
    /** The series' meetings this user may see. */
    occurrences,
  };
}

export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;
