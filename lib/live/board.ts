import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { AttendanceStatus } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { recordAttendance } from "@/lib/meetings/attendance";
import type { Ctx } from "@/lib/meetings/create-meeting";
import { requireLiveMeeting } from "./access";

/** People of one unit shown on the attendance board at once (others: the full attendance list). */
export const BOARD_PEOPLE_MAX = 40;

export type BoardPerson = { userId: string; name: string; position: string; status: AttendanceStatus | null; method: string | null };

/** The active accounts of a unit with their attendance in this meeting (capped), and how many there are. */
export async function unitPeople(user: CurrentUser, meetingId: string, unitId: string): Promise<{ people: BoardPerson[]; total: number }> {
  await requireLiveMeeting(user, meetingId, "live.run");
  if (!/^[0-9a-f-]{36}$/i.test(unitId)) throw new NotFoundError();
  const result = await rows<{ userId: string; name: string; position: string; status: AttendanceStatus | null; method: string | null; total: number }>(
    sql`select u.id as user_id, u.name, u.position, a.status, a.method, (count(*) over ())::int as total
          from users u
          left join attendances a on a.meeting_id = ${meetingId} and a.user_id = u.id
         where u.work_unit_id = ${unitId} and u.active
         order by u.name, u.id
         limit ${BOARD_PEOPLE_MAX}`,
  );
  return { people: result.map((r) => ({ userId: r.userId, name: r.name, position: r.position, status: r.status, method: r.method })), total: result[0]?.total ?? 0 };
}

const ONE_TAP: readonly AttendanceStatus[] = ["present", "excused", "absent"];

/** One tap on the board: the attendance use case (policy, audit, live event) for one person. */
export async function markFromBoard(user: CurrentUser, meetingId: string, userId: string, status: string, ctx: Ctx = {}) {
  await requireLiveMeeting(user, meetingId, "live.run");
  if (!ONE_TAP.includes(status as AttendanceStatus)) throw new NotFoundError();
  return recordAttendance(user, meetingId, { userId, status }, ctx);
}
