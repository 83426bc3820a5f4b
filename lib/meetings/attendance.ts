import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { ATTENDANCE_STATUSES, attendances, meetings, users, type AttendanceStatus, type RsvpResponse } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, orConflict } from "@/lib/errors";
import { publishAttendance } from "@/lib/live/publish";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { requireMeeting, type LoadedMeeting } from "./access";
import type { Ctx } from "./create-meeting";
import { assertRefs } from "./refs";
import { attendanceSchema } from "./schemas";
import { isUuid } from "@/lib/ids";
import { checkInWindow } from "./lifecycle";

export { CHECK_IN_OPENS_MINUTES, checkInWindow } from "./lifecycle";

function assertRecordable(status: string) {
  if (status === "draft" || status === "cancelled") {
    throw new ValidationError({ _form: ["meetings.errors.attendanceClosed"] }, "meetings.errors.attendanceClosed");
  }
}

/**
 * The secretariat records one person: a user (one row per user and meeting: recording again
 * updates it) or a guest without an account. A user's unit defaults to their own.
 *
 * `expectedVersion` makes a user's record a versioned write (the API): 0 = "no record yet" (a
 * record made meanwhile is a conflict), n = update only version n. Of concurrent writes for one
 * person one wins, the others get a ConflictError carrying the current record. Permission first.
 */
export async function recordAttendance(user: CurrentUser, meetingId: string, input: unknown, ctx: Ctx = {}, expectedVersion?: number) {
  const meeting = await requireMeeting(user, meetingId, "meeting.manage");
  const data = parseInput(attendanceSchema, input);
  assertRecordable(meeting.status);
  await assertRefs({ users: { userId: data.userId }, units: { workUnitId: data.workUnitId } });
  let workUnitId = data.workUnitId;
  if (data.userId && !workUnitId) {
    const [u] = await db.select({ workUnitId: users.workUnitId }).from(users).where(eq(users.id, data.userId));
    workUnitId = u?.workUnitId ?? null;
  }
  const values = {
    meetingId,
    userId: data.userId,
    guestName: data.userId ? null : data.guestName,
    guestPosition: data.userId ? null : data.guestPosition,
    guestOrganization: data.userId ? null : data.guestOrganization,
    workUnitId,
    status: data.status,
    representedBy: data.status === "represented" ? data.representedBy : null,
    checkedInAt: data.status === "present" || data.status === "represented" ? new Date() : null,
    method: "manual" as const,
    recordedBy: user.id,
  };
  if (data.userId && expectedVersion !== undefined) {
    const personId = data.userId;
    return orConflict(
      db.transaction(async (tx) => {
        const [row] =
          expectedVersion === 0
            ? await tx
                .insert(attendances)
                .values(values)
                .onConflictDoNothing({ target: [attendances.meetingId, attendances.userId], where: sql`user_id is not null` })
                .returning()
            : await tx
                .update(attendances)
                .set({
                  workUnitId: values.workUnitId,
                  status: values.status,
                  representedBy: values.representedBy,
                  // As text with its type: postgres.js cannot bind a Date inside raw SQL (a 500 the property-based run found).
                  checkedInAt: sql`coalesce(${attendances.checkedInAt}, ${values.checkedInAt?.toISOString() ?? null}::timestamptz)`,
                  recordedBy: user.id,
                  version: sql`${attendances.version} + 1`,
                })
                .where(and(eq(attendances.meetingId, meetingId), eq(attendances.userId, personId), eq(attendances.version, expectedVersion)))
                .returning();
        if (!row) return null;
        await audit(tx, { actorId: user.id, ...ctx }, "attendance.record", "meeting", meetingId, { attendanceId: row.id, status: data.status });
        await publishAttendance(tx, meetingId, meeting.status);
        return row;
      }),
      () => personAttendance(meetingId, personId),
    );
  }
  return db.transaction(async (tx) => {
    const [row] = data.userId
      ? await tx
          .insert(attendances)
          .values(values)
          .onConflictDoUpdate({
            target: [attendances.meetingId, attendances.userId],
            targetWhere: sql`user_id is not null`,
            set: {
              workUnitId: values.workUnitId,
              status: values.status,
              representedBy: values.representedBy,
              checkedInAt: sql`coalesce(${attendances.checkedInAt}, excluded.checked_in_at)`,
              recordedBy: user.id,
              version: sql`${attendances.version} + 1`,
            },
          })
          .returning()
      : await tx.insert(attendances).values(values).returning();
    await audit(tx, { actorId: user.id, ...ctx }, "attendance.record", "meeting", meetingId, { attendanceId: row!.id, status: data.status });
    await publishAttendance(tx, meetingId, meeting.status);
    return row!;
  });
}

/** A user's attendance record at a meeting, or null. */
export async function personAttendance(meetingId: string, userId: string) {
  const [row] = await db
    .select()
    .from(attendances)
    .where(and(eq(attendances.meetingId, meetingId), eq(attendances.userId, userId)));
  return row ?? null;
}

async function requireAttendance(user: CurrentUser, id: string) {
  if (!isUuid(id)) throw new NotFoundError();
  const [row] = await db.select().from(attendances).where(eq(attendances.id, id));
  if (!row) throw new NotFoundError();
  const meeting = await requireMeeting(user, row.meetingId, "meeting.manage");
  assertRecordable(meeting.status);
  return Object.assign(row, { meetingStatus: meeting.status });
}

/** Removes a record; with `version`, only that version of it (a stale one is a ConflictError). */
export async function deleteAttendance(user: CurrentUser, id: string, ctx: Ctx = {}, version?: number) {
  const before = await requireAttendance(user, id);
  await orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .delete(attendances)
        .where(and(eq(attendances.id, id), version === undefined ? undefined : eq(attendances.version, version)))
        .returning({ id: attendances.id });
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "attendance.delete", "meeting", before.meetingId, { attendanceId: id, before: { userId: before.userId, guestName: before.guestName, status: before.status } });
      await publishAttendance(tx, before.meetingId, before.meetingStatus);
      return row;
    }),
    async () => (await db.select().from(attendances).where(eq(attendances.id, id)))[0] ?? null,
  );
}

export type CheckInResult = { meetingId: string; title: string; alreadyCheckedIn: boolean; checkedInAt: Date };

/** The meeting behind a check-in code, checked for the user (404 when not visible). */
export async function meetingForCheckIn(user: CurrentUser, code: string) {
  if (!/^[0-9a-f]{16,64}$/i.test(code)) throw new NotFoundError();
  const [m] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.checkInCode, code));
  if (!m) throw new NotFoundError();
  return requireMeeting(user, m.id);
}

/** The secretariat's live switch (issue 13): self check-in closed early from the console. */
async function checkInSwitchOn(meetingId: string) {
  const [live] = await rows<{ checkInOpen: boolean }>(sql`select check_in_open from meeting_live where meeting_id = ${meetingId}`);
  return live?.checkInOpen ?? true;
}

export type CheckInState =
  | { kind: "checkedIn"; at: Date }
  | { kind: "cancelled" }
  | { kind: "ended" }
  | { kind: "notInvited" }
  | { kind: "notYet"; opensAt: Date }
  | { kind: "closed" }
  | { kind: "open" };

/**
 * What the check-in page says, in this order, so it is always true: someone already recorded is
 * told when; a cancelled meeting is cancelled; a meeting that ended has ended (whoever asks); only
 * then is a user whose unit is not invited told so; then the window and the secretariat's switch.
 */
export async function checkInState(user: CurrentUser, meeting: LoadedMeeting, now = new Date()): Promise<CheckInState> {
  const [own] = await db
    .select({ at: attendances.checkedInAt, createdAt: attendances.createdAt, status: attendances.status })
    .from(attendances)
    .where(and(eq(attendances.meetingId, meeting.id), eq(attendances.userId, user.id)));
  if (own && (own.status === "present" || own.status === "represented")) return { kind: "checkedIn", at: own.at ?? own.createdAt };
  if (meeting.status === "cancelled") return { kind: "cancelled" };
  const { opensAt, closesAt } = checkInWindow(meeting);
  if (meeting.status === "completed" || now > closesAt) return { kind: "ended" };
  if (!meeting.resource.invitedUnitIds.includes(user.workUnitId)) return { kind: "notInvited" };
  if (!can(user, "meeting.checkIn", meeting.resource)) return { kind: "notYet", opensAt };
  if (now < opensAt) return { kind: "notYet", opensAt };
  if (!(await checkInSwitchOn(meeting.id))) return { kind: "closed" };
  return { kind: "open" };
}

/**
 * Self check-in from the meeting's link / QR code: only for a participant of an invited unit,
 * only in the window, and idempotent (the partial unique index on (meeting_id, user_id)).
 */
export async function checkIn(user: CurrentUser, code: string, ctx: Ctx & { now?: Date } = {}): Promise<CheckInResult> {
  const meeting = await meetingForCheckIn(user, code);
  const now = ctx.now ?? new Date();
  const state = await checkInState(user, meeting, now);
  if (state.kind === "checkedIn") return { meetingId: meeting.id, title: meeting.title, alreadyCheckedIn: true, checkedInAt: state.at };
  if (state.kind === "notInvited") throw new ForbiddenError("meetings.checkIn.notInvited");
  if (state.kind === "ended" || state.kind === "cancelled") {
    const message = state.kind === "ended" ? "meetings.checkIn.ended" : "meetings.checkIn.cancelled";
    throw new ValidationError({ _form: [message] }, message);
  }
  if (state.kind !== "open") throw new ValidationError({ _form: ["meetings.checkIn.outsideWindow"] }, "meetings.checkIn.outsideWindow");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attendances)
      .values({
        meetingId: meeting.id,
        userId: user.id,
        workUnitId: user.workUnitId,
        status: "present",
        checkedInAt: now,
        method: "self_check_in",
        recordedBy: user.id,
      })
      .onConflictDoNothing({ target: [attendances.meetingId, attendances.userId], where: sql`user_id is not null` })
      .returning();
    if (!row) {
      const [existing] = await tx
        .select()
        .from(attendances)
        .where(and(eq(attendances.meetingId, meeting.id), eq(attendances.userId, user.id)));
      return { meetingId: meeting.id, title: meeting.title, alreadyCheckedIn: true, checkedInAt: existing?.checkedInAt ?? now };
    }
    await audit(tx, { actorId: user.id, ip: ctx.ip }, "attendance.checkIn", "meeting", meeting.id, { attendanceId: row.id });
    await publishAttendance(tx, meeting.id, meeting.status, "check_in");
    return { meetingId: meeting.id, title: meeting.title, alreadyCheckedIn: false, checkedInAt: now };
  });
}

export type RecapUnit = {
  unitId: string | null;
  unitName: string | null;
  invited: boolean;
  response: RsvpResponse | null;
  byStatus: Record<AttendanceStatus, number>;
  /** People present or represented. */
  sent: number;
};
export type Recap = {
  units: RecapUnit[];
  invitedUnits: number;
  answeredUnits: number;
  unitsPresent: number;
  unitsWithNobody: { unitId: string; unitName: string }[];
  byStatus: Record<AttendanceStatus, number>;
  people: number;
};

type RecapRow = { unitId: string | null; unitName: string | null; invited: boolean; response: RsvpResponse | null; byStatus: Record<string, number> };

const emptyCounts = () => Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<AttendanceStatus, number>;

/** Attendance per unit: invited, answered, present, by status, and who sent nobody. One query. */
export async function attendanceRecap(meetingId: string): Promise<Recap> {
  const result = await rows<RecapRow>(sql`
    with att as (
      select work_unit_id, status, count(*)::int as n from attendances where meeting_id = ${meetingId} group by 1, 2
    ), units as (
      select work_unit_id from invitations where meeting_id = ${meetingId}
      union
      select work_unit_id from att
    )
    select u.work_unit_id as unit_id, w.name as unit_name, (i.id is not null) as invited, i.response,
           coalesce((select json_object_agg(a.status, a.n) from att a where a.work_unit_id is not distinct from u.work_unit_id), '{}'::json) as by_status
      from units u
      left join work_units w on w.id = u.work_unit_id
      left join invitations i on i.meeting_id = ${meetingId} and i.work_unit_id = u.work_unit_id
     order by (i.id is null), w.name nulls last`);
  const recap: Recap = { units: [], invitedUnits: 0, answeredUnits: 0, unitsPresent: 0, unitsWithNobody: [], byStatus: emptyCounts(), people: 0 };
  for (const r of result) {
    const byStatus = { ...emptyCounts(), ...r.byStatus };
    const sent = byStatus.present + byStatus.represented;
    recap.units.push({ unitId: r.unitId, unitName: r.unitName, invited: r.invited, response: r.response, byStatus, sent });
    for (const s of ATTENDANCE_STATUSES) recap.byStatus[s] += byStatus[s];
    recap.people += Object.values(byStatus).reduce((a, b) => a + b, 0);
    if (!r.invited) continue;
    recap.invitedUnits++;
    if (r.response && r.response !== "pending") recap.answeredUnits++;
    if (sent > 0) recap.unitsPresent++;
    else recap.unitsWithNobody.push({ unitId: r.unitId!, unitName: r.unitName ?? "" });
  }
  return recap;
}
