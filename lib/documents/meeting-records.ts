import "server-only";
import { aliasedTable, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations, meetings, users, workUnits, type Meeting, type RsvpResponse, type SpeakerRole } from "@/db/schema";
import { omit } from "@/lib/meetings/access";
import { agendaRowsOf, presenterNameOf, speakerDisplay, speakerRowsOf } from "@/lib/meetings/queries";
import { scheduleAgenda } from "@/lib/meetings/agenda-times";
import { officesOf } from "@/lib/offices/office";

const chair = aliasedTable(users, "chair");

export type RecordAgendaItem = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  presenterName: string | null;
  /** As it happened (the live console, issue 13). */
  actualStartedAt: Date | null;
  actualEndedAt: Date | null;
  liveNote: string;
};
export type RecordSpeaker = { userId: string | null; role: SpeakerRole; name: string; position: string | null; organization: string | null; onBehalfOf: string | null; topic: string | null; nip: string | null };
export type RecordInvitedUnit = { id: string; name: string; response: RsvpResponse };

/** A meeting with what calendars, letters and emails show: agenda with times, speakers, invited units, office. */
export type MeetingRecord = Omit<Meeting, "checkInCode"> & {
  organizerUnitName: string;
  /** The top of the organizer's unit tree (the regional office), for letter headers. */
  officeId: string;
  officeName: string;
  /** The office's own zone: a meeting held in another zone also shows the office's time. */
  officeTimeZone: string;
  chairName: string | null;
  chairPosition: string | null;
  chairNip: string | null;
  agenda: RecordAgendaItem[];
  speakers: RecordSpeaker[];
  invitedUnits: RecordInvitedUnit[];
};

/**
 * Loads several meetings at once in a fixed number of queries (never one per meeting). The caller
 * has already decided the user may see them. Order follows `ids`.
 */
export async function loadMeetingRecords(ids: readonly string[]): Promise<MeetingRecord[]> {
  const list = [...new Set(ids)];
  if (list.length === 0) return [];
  const [heads, agendaRows, speakerRows, invitationRows] = await Promise.all([
    db
      .select({ meeting: meetings, organizerUnitName: workUnits.name, chairName: chair.name, chairPosition: chair.position, chairNip: chair.nip })
      .from(meetings)
      .innerJoin(workUnits, eq(workUnits.id, meetings.organizerUnitId))
      .leftJoin(chair, eq(chair.id, meetings.chairUserId))
      .where(inArray(meetings.id, list)),
    agendaRowsOf(list),
    speakerRowsOf(list),
    db
      .select({ meetingId: invitations.meetingId, id: workUnits.id, name: workUnits.name, response: invitations.response })
      .from(invitations)
      .innerJoin(workUnits, eq(workUnits.id, invitations.workUnitId))
      .where(inArray(invitations.meetingId, list))
      .orderBy(asc(invitations.meetingId), asc(workUnits.name)),
  ]);
  const offices = await officesOf(heads.map((h) => h.meeting.organizerUnitId));

  const byMeeting = <T extends { meetingId: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(item.meetingId, [...(map.get(item.meetingId) ?? []), item]);
    return map;
  };
  const agendaBy = byMeeting(agendaRows.map((a) => ({ meetingId: a.item.meetingId, a })));
  const speakersBy = byMeeting(speakerRows.map((s) => ({ meetingId: s.speaker.meetingId, s })));
  const unitsBy = byMeeting(invitationRows);

  const records = new Map<string, MeetingRecord>();
  for (const h of heads) {
    const meeting = omit(h.meeting, "checkInCode");
    const timed = scheduleAgenda(
      meeting.startsAt,
      meeting.endsAt,
      (agendaBy.get(meeting.id) ?? []).map(({ a }) => ({
        id: a.item.id,
        title: a.item.title,
        description: a.item.description,
        durationMinutes: a.item.durationMinutes,
        presenterName: presenterNameOf(a),
        actualStartedAt: a.item.actualStartedAt,
        actualEndedAt: a.item.actualEndedAt,
        liveNote: a.item.liveNote,
      })),
    ).items;
    records.set(meeting.id, {
      ...meeting,
      organizerUnitName: h.organizerUnitName,
      officeId: offices.get(meeting.organizerUnitId)?.id ?? meeting.organizerUnitId,
      officeName: offices.get(meeting.organizerUnitId)?.name ?? h.organizerUnitName,
      officeTimeZone: offices.get(meeting.organizerUnitId)?.timeZone ?? meeting.timeZone,
      chairName: h.chairName,
      chairPosition: h.chairPosition,
      chairNip: h.chairNip,
      agenda: timed,
      speakers: (speakersBy.get(meeting.id) ?? []).map(({ s }) => ({
        userId: s.speaker.userId,
        role: s.speaker.role,
        ...speakerDisplay(s),
        organization: s.speaker.organization,
        onBehalfOf: s.speaker.onBehalfOf,
        topic: s.speaker.topic,
      })),
      invitedUnits: (unitsBy.get(meeting.id) ?? []).map(({ id, name, response }) => ({ id, name, response })),
    });
  }
  return list.map((id) => records.get(id)).filter((r): r is MeetingRecord => !!r);
}

export async function loadMeetingRecord(id: string): Promise<MeetingRecord | null> {
  return (await loadMeetingRecords([id]))[0] ?? null;
}
