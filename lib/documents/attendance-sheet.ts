import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { attendances, users, workUnits, type AttendanceStatus } from "@/db/schema";
import { attendeeName, ATTENDANCE_ORDER } from "@/lib/meetings/queries";
import type { MeetingRecord } from "./meeting-records";

export type SheetPerson = {
  /** The account, when the person has one (guests have none). */
  userId?: string | null;
  name: string;
  /** The 18-digit NIP of an account; null for guests and accounts without one. */
  nip?: string | null;
  position: string;
  status: AttendanceStatus;
  representedBy: string | null;
  checkedInAt: Date | null;
  method: "manual" | "self_check_in";
};
export type SheetGroup = { unitId: string | null; unitName: string; invited: boolean; people: SheetPerson[] };

/**
 * The attendance list grouped by unit: every invited unit (also those nobody came from, so the
 * paper list has room to sign), then other units, then guests without a unit. One query.
 */
export async function loadAttendanceSheet(record: MeetingRecord): Promise<SheetGroup[]> {
  const found = await db
    .select({ attendance: attendances, userName: users.name, userPosition: users.position, userNip: users.nip, unitName: workUnits.name })
    .from(attendances)
    .leftJoin(users, eq(users.id, attendances.userId))
    .leftJoin(workUnits, eq(workUnits.id, attendances.workUnitId))
    .where(eq(attendances.meetingId, record.id))
    .orderBy(...ATTENDANCE_ORDER);

  const groups = new Map<string, SheetGroup>();
  for (const u of record.invitedUnits) groups.set(u.id, { unitId: u.id, unitName: u.name, invited: true, people: [] });
  const extra: SheetGroup[] = [];
  const guests: SheetGroup = { unitId: null, unitName: "", invited: false, people: [] };
  for (const row of found) {
    const r = row.attendance;
    const person: SheetPerson = {
      userId: r.userId,
      name: attendeeName(row),
      nip: r.userId ? row.userNip : null,
      position: row.userName ? row.userPosition ?? "" : [r.guestPosition, r.guestOrganization].filter(Boolean).join(", "),
      status: r.status,
      representedBy: r.representedBy,
      checkedInAt: r.checkedInAt,
      method: r.method,
    };
    if (!r.workUnitId) {
      guests.people.push(person);
      continue;
    }
    let group = groups.get(r.workUnitId);
    if (!group) {
      group = { unitId: r.workUnitId, unitName: row.unitName ?? "", invited: false, people: [] };
      groups.set(r.workUnitId, group);
      extra.push(group);
    }
    group.people.push(person);
  }
  const invited = record.invitedUnits.map((u) => groups.get(u.id)!);
  return [...invited, ...extra, ...(guests.people.length > 0 ? [guests] : [])];
}
