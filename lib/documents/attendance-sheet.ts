import { eq } from "drizzle-orm";
import { attendances, type AttendanceStatus } from "@/db/schema";
import { attendanceRowsWhere, attendeeName, ATTENDANCE_ORDER } from "@/lib/meetings/queries";
import type { MeetingRecord } from "./meeting-records";

export type SheetPerson = {
  name: string;
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
  const found = await attendanceRowsWhere(eq(attendances.meetingId, record.id)).orderBy(...ATTENDANCE_ORDER);

  const groups = new Map<string, SheetGroup>();
  for (const u of record.invitedUnits) groups.set(u.id, { unitId: u.id, unitName: u.name, invited: true, people: [] });
  const extra: SheetGroup[] = [];
  const guests: SheetGroup = { unitId: null, unitName: "", invited: false, people: [] };
  for (const row of found) {
    const r = row.attendance;
    const person: SheetPerson = {
      name: attendeeName(row),
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
