import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { attendances, users, workUnits, type AttendanceStatus } from "@/db/schema";
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
  const found = await db
    .select({
      unitId: attendances.workUnitId,
      unitName: workUnits.name,
      userName: users.name,
      userPosition: users.position,
      guestName: attendances.guestName,
      guestPosition: attendances.guestPosition,
      guestOrganization: attendances.guestOrganization,
      status: attendances.status,
      representedBy: attendances.representedBy,
      checkedInAt: attendances.checkedInAt,
      method: attendances.method,
    })
    .from(attendances)
    .leftJoin(users, eq(users.id, attendances.userId))
    .leftJoin(workUnits, eq(workUnits.id, attendances.workUnitId))
    .where(eq(attendances.meetingId, record.id))
    .orderBy(asc(workUnits.name), asc(users.name), asc(attendances.guestName));

  const groups = new Map<string, SheetGroup>();
  for (const u of record.invitedUnits) groups.set(u.id, { unitId: u.id, unitName: u.name, invited: true, people: [] });
  const extra: SheetGroup[] = [];
  const guests: SheetGroup = { unitId: null, unitName: "", invited: false, people: [] };
  for (const r of found) {
    const person: SheetPerson = {
      name: r.userName ?? r.guestName ?? "",
      position: r.userName ? r.userPosition ?? "" : [r.guestPosition, r.guestOrganization].filter(Boolean).join(", "),
      status: r.status,
      representedBy: r.representedBy,
      checkedInAt: r.checkedInAt,
      method: r.method,
    };
    if (!r.unitId) {
      guests.people.push(person);
      continue;
    }
    let group = groups.get(r.unitId);
    if (!group) {
      group = { unitId: r.unitId, unitName: r.unitName ?? "", invited: false, people: [] };
      groups.set(r.unitId, group);
      extra.push(group);
    }
    group.people.push(person);
  }
  const invited = record.invitedUnits.map((u) => groups.get(u.id)!);
  return [...invited, ...extra, ...(guests.people.length > 0 ? [guests] : [])];
}
