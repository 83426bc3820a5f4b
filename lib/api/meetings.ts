import { eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { db, rows } from "@/db/client";
import { agendaItems, attendances, decisions, invitations, meetings, rooms, speakers, workUnits } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { addAgendaItem, deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { deleteAttendance, personAttendance, recordAttendance } from "@/lib/meetings/attendance";
import { deleteDraftMeeting } from "@/lib/meetings/delete-meeting";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { getMeeting } from "@/lib/meetings/get-meeting";
import { inviteUnits, removeInvitation, respondToInvitation } from "@/lib/meetings/invitations";
import { listQueries } from "@/lib/meetings/list-meetings";
import { cappedCountSql, cappedTotal } from "@/lib/pagination";
import { syncKeyset } from "./sync";
import { addDecision, currentMinutes, deleteDecision, saveMinutes, updateDecision } from "@/lib/meetings/minutes";
import { addSpeaker, deleteSpeaker, updateSpeaker } from "@/lib/meetings/speakers";
import { cancelMeeting, transitionMeeting } from "@/lib/meetings/transition-meeting";
import { requireMeeting } from "@/lib/meetings/access";
import { can } from "@/lib/permissions";
import { PreconditionRequired } from "./handler";
import { updateMeeting } from "@/lib/meetings/update-meeting";
import { instantToZonedLocal } from "@/lib/time";
import type * as r from "./resources";
import type * as s from "./schemas";

type Ctx = { ip?: string | null };
type Out<T extends z.ZodType> = z.output<T>;

/**
 * A stale write's ConflictError carries the raw row; the API answers with the resource in its
 * public shape instead, loaded the way a GET would.
 */
export async function withCurrent<T>(work: Promise<T>, current: () => Promise<unknown>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(await current(), e.message);
    throw e;
  }
}

/**
 * The version check up front, so a stale write is answered 409/412 before any other rule (a
 * replayed "publish" is stale, not "already published"); the use case checks again atomically.
 * Permission comes first: `permitted` false is 403, so who may not edit never gets the record
 * back in a 409.
 */
export async function assertVersion(actual: number, expected: number, current: () => Promise<unknown>, permitted: boolean) {
  if (!permitted) throw new ForbiddenError();
  if (actual !== expected) throw new ConflictError(await current());
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

// ---------------------------------------------------------------------------------------------
// Meetings: one serializer, fed by one query (room and organizer name joined), for every operation.

const organizer = alias(workUnits, "organizer");

/** Meetings by id in their public shape (the caller has checked visibility), in the ids' order. */
type MeetingRow = {
  m: typeof meetings.$inferSelect;
  roomName: string | null;
  roomBuilding: string | null;
  roomCapacity: number | null;
  organizerUnitName: string;
};

function toPublicMeeting({ m, roomName, roomBuilding, roomCapacity, organizerUnitName }: MeetingRow): Out<typeof r.Meeting> {
  return {
    id: m.id,
    title: m.title,
    topic: m.topic,
    description: m.description,
    kind: m.kind,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    timeZone: m.timeZone as Out<typeof r.Meeting>["timeZone"],
    location: m.location,
    roomId: m.roomId,
    room: roomName !== null ? { name: roomName, building: roomBuilding ?? "", capacity: roomCapacity } : null,
    onlineUrl: m.onlineUrl,
    organizerUnitId: m.organizerUnitId,
    organizerUnitName,
    chairUserId: m.chairUserId,
    status: m.status,
    cancelReason: m.cancelReason,
    seriesId: m.seriesId,
    seriesIndex: m.seriesIndex,
    version: m.version,
    updatedAt: iso(m.updatedAt),
  };
}

/** The public meeting's columns over a meetings table (or its alias `m` in the list). */
const meetingColumns = (m: typeof meetings) => ({ m, roomName: rooms.name, roomBuilding: rooms.building, roomCapacity: rooms.capacity, organizerUnitName: organizer.name });

export async function publicMeetings(ids: readonly string[]): Promise<Out<typeof r.Meeting>[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select(meetingColumns(meetings))
    .from(meetings)
    .leftJoin(rooms, eq(rooms.id, meetings.roomId))
    .innerJoin(organizer, eq(organizer.id, meetings.organizerUnitId))
    .where(inArray(meetings.id, [...ids]));
  const byId = new Map(found.map((row): [string, Out<typeof r.Meeting>] => [row.m.id, toPublicMeeting(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function publicMeeting(id: string) {
  const [m] = await publicMeetings([id]);
  if (!m) throw new NotFoundError();
  return m;
}

/** API instants → the wall-clock fields the meeting form (and its schema) uses. */
function toFormInput(body: Omit<Partial<z.output<typeof s.meetingCreateBody>>, "timeZone"> & { timeZone?: string }, fallbackZone: string) {
  const zone = body.timeZone ?? fallbackZone;
  return {
    ...body,
    startsAt: body.startsAt ? instantToZonedLocal(new Date(body.startsAt), zone) : undefined,
    endsAt: body.endsAt ? instantToZonedLocal(new Date(body.endsAt), zone) : undefined,
  };
}

/**
 * The list as the API shows it: the page of public meetings and its capped count in ONE statement
 * (the count is an uncorrelated subquery, evaluated once), under the same visibility, filters and
 * keyset cursors as the UI's list.
 */
export async function apiListMeetings(user: CurrentUser, q: z.output<typeof s.meetingsQuery>): Promise<Out<typeof r.MeetingPage>> {
  const filters = { from: q.from, to: q.to, status: q.status, invitedUnitId: q.unitId, q: q.q, pageSize: q.limit };
  const zone = q.timeZone ?? user.timeZone;
  // ?updatedSince=: the sync order (updated_at, id) with its own cursor instead of the list's.
  const sync = q.updatedSince
    ? syncKeyset(sql`m`, q.updatedSince, { cursor: q.cursor, limit: q.limit, binding: { list: "meetings", user: user.id, ...filters, timeZone: zone } })
    : null;
  const lists = listQueries({ ...user, timeZone: zone }, { ...filters, cursor: sync ? undefined : q.cursor });
  const page = sync ?? lists.page;
  const where = sync ? sql`${lists.where} and ${sync.since}` : lists.where;
  const count = sync ? cappedCountSql(sql`from meetings m where ${where}`) : lists.count;
  // The list's WHERE and keyset name the table `m`; the alias has the meetings table's columns.
  const m = alias(meetings, "m") as unknown as typeof meetings;
  const found = await db
    .select({ ...meetingColumns(m), sortAt: sync ? sync.syncAt : sql<string>`m.starts_at::text`, capped: sql<number>`(${count})`.mapWith(Number) })
    .from(m)
    .leftJoin(rooms, eq(rooms.id, m.roomId))
    .innerJoin(organizer, eq(organizer.id, m.organizerUnitId))
    .where(sql`${where} and ${page.where}`)
    .orderBy(page.orderBy)
    .limit(page.fetch);
  // The keyset reads each row's sort key (sortAt, or syncAt in the sync order) and id.
  type PageRow = (typeof found)[number] & { id: string };
  const { items, nextCursor, prevCursor } = (page.finish as (rows: unknown[]) => unknown)(found.map((row) => ({ ...row, id: row.m.id, syncAt: row.sortAt }))) as {
    items: PageRow[];
    nextCursor: string | null;
    prevCursor: string | null;
  };
  // An empty page carries no count: count on its own then (the first page of an empty list, or past the end).
  const n = found[0]?.capped ?? Number((await rows<{ n: number }>(count))[0]?.n ?? 0);
  return { items: items.map(toPublicMeeting), ...cappedTotal(n), nextCursor, prevCursor };
}

export async function apiCreateMeeting(user: CurrentUser, body: z.output<typeof s.meetingCreateBody>, ctx: Ctx) {
  const { meeting } = await createMeeting(user, toFormInput(body, body.timeZone), ctx);
  return publicMeeting(meeting.id);
}

/**
 * One meeting; with `include`, its parts in the same answer (one read of the meeting's detail):
 * agenda, speakers, invitations, attendances (those who may see the records; others get an
 * empty list), minutes.
 */
export async function apiGetMeeting(user: CurrentUser, id: string, include: readonly s.MeetingInclude[] = []): Promise<Out<typeof r.MeetingDetail>> {
  const detail = await getMeetingVisible(user, id);
  const meeting = await publicMeeting(id);
  const wants = new Set(include);
  return {
    ...meeting,
    ...(wants.has("agenda") ? { agenda: { totalMinutes: detail.agenda.totalMinutes, items: detail.agenda.items.map((a) => agendaJson(id, a)) } } : {}),
    ...(wants.has("speakers") ? { speakers: detail.speakers.map(speakerJson) } : {}),
    ...(wants.has("invitations") ? { invitations: detail.invitations.map(invitationJson) } : {}),
    ...(wants.has("attendances") ? { attendances: detail.attendances.map(attendanceJson) } : {}),
    ...(wants.has("minutes") ? { minutes: await publicMinutes(id) } : {}),
  };
}

/** NotFoundError unless the user may see the meeting (the same rule as the pages). */
async function getMeetingVisible(user: CurrentUser, id: string) {
  return getMeeting(user, id);
}

export async function apiUpdateMeeting(user: CurrentUser, id: string, body: Partial<z.output<typeof s.meetingCreateBody>> & { version?: number }, version: number, ctx: Ctx) {
  const current = await requireMeeting(user, id, "meeting.view");
  await assertVersion(current.version, version, () => publicMeeting(id), can(user, "meeting.manage", current.resource));
  const { version: _v, ...patch } = body;
  void _v;
  const merged = {
    title: current.title,
    topic: current.topic,
    description: current.description,
    kind: current.kind,
    startsAt: current.startsAt.toISOString(),
    endsAt: current.endsAt.toISOString(),
    timeZone: current.timeZone,
    location: current.location,
    onlineUrl: current.onlineUrl ?? "",
    roomId: current.roomId ?? "",
    organizerUnitId: current.organizerUnitId,
    chairUserId: current.chairUserId ?? "",
    ...patch,
  };
  await withCurrent(updateMeeting(user, id, version, toFormInput(merged, current.timeZone), ctx), () => publicMeeting(id));
  return publicMeeting(id);
}

export async function apiTransitionMeeting(user: CurrentUser, id: string, body: z.output<typeof s.meetingTransitionBody>, version: number, ctx: Ctx) {
  const step = { scheduled: "publish", ongoing: "start", completed: "complete" } as const;
  const current = await requireMeeting(user, id, "meeting.view");
  await assertVersion(current.version, version, () => publicMeeting(id), can(user, "meeting.manage", current.resource));
  await withCurrent(
    body.to === "cancelled" ? cancelMeeting(user, id, version, { reason: body.reason ?? "" }, ctx) : transitionMeeting(user, id, version, { to: step[body.to] }, ctx),
    () => publicMeeting(id),
  );
  return publicMeeting(id);
}

// ---------------------------------------------------------------------------------------------
// Agenda

type Detail = Awaited<ReturnType<typeof getMeeting>>;

function agendaJson(meetingId: string, a: Detail["agenda"]["items"][number]): Out<typeof r.AgendaItem> {
  return {
    id: a.id,
    meetingId,
    position: a.position,
    title: a.title,
    description: a.description,
    durationMinutes: a.durationMinutes,
    presenterSpeakerId: a.presenterSpeakerId,
    kind: a.kind,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    version: a.version,
    updatedAt: iso(a.updatedAt),
  };
}

export async function apiAgenda(user: CurrentUser, id: string): Promise<Out<typeof r.AgendaList>> {
  const detail = await getMeeting(user, id);
  return { totalMinutes: detail.agenda.totalMinutes, items: detail.agenda.items.map((a) => agendaJson(id, a)) };
}

async function publicAgendaItem(user: CurrentUser, meetingId: string, itemId: string) {
  const found = (await apiAgenda(user, meetingId)).items.find((a) => a.id === itemId);
  if (!found) throw new NotFoundError();
  return found;
}

export async function apiAddAgendaItem(user: CurrentUser, meetingId: string, body: z.output<typeof s.agendaItemBody>, ctx: Ctx) {
  const { position, ...fields } = body;
  const saved = await addAgendaItem(user, meetingId, fields, ctx);
  if (position !== undefined) await moveTo(user, saved.id, saved.position, position, ctx);
  return publicAgendaItem(user, meetingId, saved.id);
}

/** Moving is done one step at a time, as with the keyboard controls in the UI. */
async function moveTo(user: CurrentUser, itemId: string, from: number, to: number, ctx: Ctx) {
  let at = from;
  for (let guard = 0; at !== to && guard < 200; guard++) {
    await moveAgendaItem(user, itemId, { direction: to < at ? "up" : "down" }, ctx);
    const [now] = await db.select({ position: agendaItems.position }).from(agendaItems).where(eq(agendaItems.id, itemId));
    if (!now || now.position === at) break;
    at = now.position;
  }
}

async function agendaRow(itemId: string) {
  const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, itemId));
  if (!item) throw new NotFoundError();
  return item;
}

export async function apiUpdateAgendaItem(user: CurrentUser, itemId: string, body: z.output<typeof s.agendaItemPatchBody>, version: number, ctx: Ctx) {
  const item = await agendaRow(itemId);
  const meeting = await requireMeeting(user, item.meetingId, "meeting.view");
  await assertVersion(item.version, version, () => publicAgendaItem(user, item.meetingId, itemId), can(user, "meeting.manage", meeting.resource));
  const { position, version: _v, ...fields } = body;
  void _v;
  const saved = await withCurrent(
    updateAgendaItem(user, itemId, version, { title: item.title, description: item.description, durationMinutes: item.durationMinutes, presenterSpeakerId: item.presenterSpeakerId ?? "", ...fields }, ctx),
    () => publicAgendaItem(user, item.meetingId, itemId),
  );
  if (position !== undefined) await moveTo(user, itemId, saved.position, position, ctx);
  return publicAgendaItem(user, item.meetingId, itemId);
}

export async function apiDeleteAgendaItem(user: CurrentUser, itemId: string, version: number, ctx: Ctx) {
  const item = await agendaRow(itemId);
  const meeting = await requireMeeting(user, item.meetingId, "meeting.view");
  await assertVersion(item.version, version, () => publicAgendaItem(user, item.meetingId, itemId), can(user, "meeting.manage", meeting.resource));
  await withCurrent(deleteAgendaItem(user, itemId, version, ctx), () => publicAgendaItem(user, item.meetingId, itemId));
}

// ---------------------------------------------------------------------------------------------
// Speakers

function speakerJson(sp: Detail["speakers"][number]): Out<typeof r.Speaker> {
  return {
    id: sp.id,
    meetingId: sp.meetingId,
    userId: sp.userId,
    name: sp.displayName,
    position: sp.displayPosition,
    organization: sp.organization,
    role: sp.role,
    onBehalfOf: sp.onBehalfOf,
    topic: sp.topic,
    order: sp.sortOrder,
    version: sp.version,
    updatedAt: iso(sp.updatedAt),
  };
}

export async function apiSpeakers(user: CurrentUser, id: string): Promise<Out<typeof r.SpeakerList>> {
  const detail = await getMeeting(user, id);
  return { items: detail.speakers.map(speakerJson) };
}

export async function apiAddSpeaker(user: CurrentUser, meetingId: string, body: z.output<typeof s.speakerBody>, ctx: Ctx) {
  const { order, ...rest } = body;
  const { speaker } = await addSpeaker(user, meetingId, { userId: null, name: null, position: null, organization: null, onBehalfOf: null, topic: null, ...rest, sortOrder: order ?? null }, ctx);
  const found = (await apiSpeakers(user, meetingId)).items.find((sp) => sp.id === speaker.id);
  if (!found) throw new NotFoundError();
  return found;
}

// ---------------------------------------------------------------------------------------------
// Invitations

function invitationJson(i: Detail["invitations"][number]): Out<typeof r.Invitation> {
  return {
    id: i.id,
    meetingId: i.meetingId,
    workUnitId: i.workUnitId,
    workUnitName: i.unitName,
    response: i.response,
    delegates: i.delegates.map((d) => ({ name: d.name, ...(d.position !== undefined ? { position: d.position } : {}) })),
    representedBy: i.representedBy,
    reason: i.reason,
    respondedAt: i.respondedAt ? iso(i.respondedAt) : null,
    reconfirm: i.reconfirmStartsAt && i.reconfirmEndsAt ? { previousStartsAt: iso(i.reconfirmStartsAt), previousEndsAt: iso(i.reconfirmEndsAt) } : null,
    version: i.version,
    updatedAt: iso(i.updatedAt),
  };
}

export async function apiInvitations(user: CurrentUser, id: string): Promise<Out<typeof r.InvitationList>> {
  const detail = await getMeeting(user, id);
  return { items: detail.invitations.map(invitationJson) };
}

/** The invitations created (none when the unit was already invited). */
export async function apiInvite(user: CurrentUser, meetingId: string, body: z.output<typeof s.invitationBody>, ctx: Ctx): Promise<Out<typeof r.InvitationList>> {
  const { invitations: created } = await inviteUnits(user, meetingId, { unitIds: [body.workUnitId], includeSubUnits: body.includeSubUnits ?? false, acknowledgeConflicts: body.acknowledgeConflicts }, ctx);
  const ids = new Set(created.map((i) => i.id));
  return { items: (await apiInvitations(user, meetingId)).items.filter((i) => ids.has(i.id)) };
}

async function publicInvitation(user: CurrentUser, meetingId: string, invitationId: string) {
  const found = (await apiInvitations(user, meetingId)).items.find((i) => i.id === invitationId);
  if (!found) throw new NotFoundError();
  return found;
}

export async function apiRespond(user: CurrentUser, invitationId: string, body: z.output<typeof s.rsvpBody>, version: number, ctx: Ctx) {
  const [inv] = await db.select().from(invitations).where(eq(invitations.id, invitationId));
  // A unit answers only its own invitation: any other id (another unit's, even one the user may
  // see) names nothing the user can answer, so 404 — never the user's own invitation instead.
  if (!inv || inv.workUnitId !== user.workUnitId) throw new NotFoundError();
  const { version: _v, ...answer } = body;
  void _v;
  const meeting = await requireMeeting(user, inv.meetingId, "meeting.view");
  await assertVersion(inv.version, version, () => publicInvitation(user, inv.meetingId, invitationId), can(user, "meeting.respond", meeting.resource));
  await withCurrent(respondToInvitation(user, inv.meetingId, version, answer, ctx), () => publicInvitation(user, inv.meetingId, invitationId));
  return publicInvitation(user, inv.meetingId, invitationId);
}

// ---------------------------------------------------------------------------------------------
// Attendance

function attendanceJson(a: Detail["attendances"][number]): Out<typeof r.Attendance> {
  return {
    id: a.id,
    meetingId: a.meetingId,
    userId: a.userId,
    name: a.userName ?? a.guestName ?? "",
    position: a.userId ? a.userPosition : a.guestPosition,
    organization: a.guestOrganization,
    workUnitId: a.workUnitId,
    status: a.status,
    representedBy: a.representedBy,
    checkedInAt: a.checkedInAt ? iso(a.checkedInAt) : null,
    method: a.method,
    version: a.version,
    updatedAt: iso(a.updatedAt),
  };
}

export async function apiAttendances(user: CurrentUser, id: string): Promise<Out<typeof r.AttendanceList>> {
  const detail = await getMeeting(user, id);
  return { items: detail.attendances.map(attendanceJson) };
}

/**
 * A staff member's attendance is a versioned write: If-Match or `version` (0: no record yet); without
 * either it is created when none exists and refused with 428 when one does. Guests are always new rows.
 */
export async function apiRecordAttendance(user: CurrentUser, meetingId: string, body: z.output<typeof s.attendanceBody>, sentVersion: number | null, ctx: Ctx) {
  let expectedVersion: number | undefined;
  if (body.userId) {
    // Permission before version: who may not record here learns nothing about the record.
    await requireMeeting(user, meetingId, "meeting.manage");
    const existing = await personAttendance(meetingId, body.userId);
    if (sentVersion === null && existing) throw new PreconditionRequired();
    expectedVersion = sentVersion ?? 0;
  }
  const row = await withCurrent(recordAttendance(
    user,
    meetingId,
    {
      userId: body.userId ?? null,
      guestName: body.name ?? null,
      guestPosition: body.position ?? null,
      guestOrganization: body.organization ?? null,
      workUnitId: body.workUnitId ?? null,
      status: body.status,
      representedBy: body.representedBy ?? null,
    },
    ctx,
    expectedVersion,
  ), async () => {
    const current = body.userId ? await personAttendance(meetingId, body.userId) : null;
    return current ? ((await apiAttendances(user, meetingId)).items.find((a) => a.id === current.id) ?? null) : null;
  });
  const found = (await apiAttendances(user, meetingId)).items.find((a) => a.id === row.id);
  if (!found) throw new NotFoundError();
  return found;
}

export async function apiAttendanceSummary(user: CurrentUser, id: string): Promise<Out<typeof r.AttendanceSummary>> {
  const detail = await getMeeting(user, id);
  return detail.recap;
}

// ---------------------------------------------------------------------------------------------
// Minutes and decisions

export async function publicMinutes(id: string): Promise<Out<typeof r.Minutes>> {
  const { minutes, decisions } = await currentMinutes(id);
  return {
    meetingId: id,
    summary: minutes?.summary ?? "",
    finalizedAt: minutes?.finalizedAt ? iso(minutes.finalizedAt) : null,
    version: minutes?.version ?? 0,
    decisions: decisions.map((d) => ({ id: d.id, meetingId: d.meetingId, number: d.number, text: d.text, version: d.version, updatedAt: iso(d.updatedAt) })),
    updatedAt: minutes ? iso(minutes.updatedAt) : null,
  };
}

export async function apiMinutes(user: CurrentUser, id: string) {
  await getMeeting(user, id);
  return publicMinutes(id);
}

export async function apiSaveMinutes(user: CurrentUser, id: string, body: z.output<typeof s.minutesBody>, version: number, ctx: Ctx) {
  await withCurrent(saveMinutes(user, id, version, { summary: body.summary }, ctx), () => publicMinutes(id));
  return publicMinutes(id);
}

export async function apiAddDecision(user: CurrentUser, meetingId: string, body: z.output<typeof s.decisionBody>, ctx: Ctx): Promise<Out<typeof r.Decision>> {
  const d = await addDecision(user, meetingId, body, ctx);
  return { id: d.id, meetingId: d.meetingId, number: d.number, text: d.text, version: d.version, updatedAt: iso(d.updatedAt) };
}

// ---------------------------------------------------------------------------------------------
// Corrections: speakers, decisions, invitations, attendance records and draft meetings.
// Permission first (a user who may not change the meeting learns nothing about versions), then
// the version up front (409/412 with the record as it is now), then the use case, which checks
// the version again atomically.

async function publicSpeaker(user: CurrentUser, meetingId: string, speakerId: string) {
  const found = (await apiSpeakers(user, meetingId)).items.find((sp) => sp.id === speakerId);
  if (!found) throw new NotFoundError();
  return found;
}

async function rowOr404<T>(found: Promise<T[]>): Promise<T> {
  const [row] = await found;
  if (!row) throw new NotFoundError();
  return row;
}

export async function apiUpdateSpeaker(user: CurrentUser, speakerId: string, body: z.output<typeof s.speakerPatchBody>, version: number, ctx: Ctx) {
  const sp = await rowOr404(db.select().from(speakers).where(eq(speakers.id, speakerId)));
  await requireMeeting(user, sp.meetingId, "meeting.manage");
  await assertVersion(sp.version, version, () => publicSpeaker(user, sp.meetingId, speakerId), true);
  const { version: _v, order, ...patch } = body;
  void _v;
  const input = {
    userId: sp.userId,
    name: sp.name,
    position: sp.position,
    organization: sp.organization,
    role: sp.role,
    onBehalfOf: sp.onBehalfOf,
    topic: sp.topic,
    sortOrder: order ?? sp.sortOrder,
    ...patch,
  };
  await withCurrent(updateSpeaker(user, speakerId, version, input, ctx), () => publicSpeaker(user, sp.meetingId, speakerId));
  return publicSpeaker(user, sp.meetingId, speakerId);
}

export async function apiDeleteSpeaker(user: CurrentUser, speakerId: string, version: number, ctx: Ctx) {
  const sp = await rowOr404(db.select().from(speakers).where(eq(speakers.id, speakerId)));
  await requireMeeting(user, sp.meetingId, "meeting.manage");
  await assertVersion(sp.version, version, () => publicSpeaker(user, sp.meetingId, speakerId), true);
  await withCurrent(deleteSpeaker(user, speakerId, version, ctx), () => publicSpeaker(user, sp.meetingId, speakerId));
}

const publicDecision = (d: typeof decisions.$inferSelect): Out<typeof r.Decision> => ({
  id: d.id,
  meetingId: d.meetingId,
  number: d.number,
  text: d.text,
  version: d.version,
  updatedAt: iso(d.updatedAt),
});
const decisionNow = async (id: string) => publicDecision(await rowOr404(db.select().from(decisions).where(eq(decisions.id, id))));

export async function apiUpdateDecision(user: CurrentUser, id: string, body: z.output<typeof s.decisionPatchBody>, version: number, ctx: Ctx) {
  const d = await rowOr404(db.select().from(decisions).where(eq(decisions.id, id)));
  await requireMeeting(user, d.meetingId, "minutes.write");
  await assertVersion(d.version, version, () => decisionNow(id), true);
  const saved = await withCurrent(updateDecision(user, id, version, { text: body.text }, ctx), () => decisionNow(id));
  return publicDecision(saved);
}

export async function apiDeleteDecision(user: CurrentUser, id: string, version: number, ctx: Ctx) {
  const d = await rowOr404(db.select().from(decisions).where(eq(decisions.id, id)));
  await requireMeeting(user, d.meetingId, "minutes.write");
  await assertVersion(d.version, version, () => decisionNow(id), true);
  await withCurrent(deleteDecision(user, id, version, ctx), () => decisionNow(id));
}

export async function apiWithdrawInvitation(user: CurrentUser, invitationId: string, version: number, ctx: Ctx) {
  const inv = await rowOr404(db.select().from(invitations).where(eq(invitations.id, invitationId)));
  await requireMeeting(user, inv.meetingId, "meeting.manage");
  await assertVersion(inv.version, version, () => publicInvitation(user, inv.meetingId, invitationId), true);
  await withCurrent(removeInvitation(user, invitationId, ctx, version), () => publicInvitation(user, inv.meetingId, invitationId));
}

async function publicAttendance(user: CurrentUser, meetingId: string, id: string) {
  const found = (await apiAttendances(user, meetingId)).items.find((a) => a.id === id);
  if (!found) throw new NotFoundError();
  return found;
}

export async function apiDeleteAttendance(user: CurrentUser, id: string, version: number, ctx: Ctx) {
  const a = await rowOr404(db.select().from(attendances).where(eq(attendances.id, id)));
  await requireMeeting(user, a.meetingId, "meeting.manage");
  await assertVersion(a.version, version, () => publicAttendance(user, a.meetingId, id), true);
  await withCurrent(deleteAttendance(user, id, ctx, version), () => publicAttendance(user, a.meetingId, id));
}

export async function apiDeleteMeeting(user: CurrentUser, id: string, version: number, ctx: Ctx) {
  const m = await requireMeeting(user, id, "meeting.manage");
  await assertVersion(m.version, version, () => publicMeeting(id), true);
  await withCurrent(deleteDraftMeeting(user, id, version, ctx), () => publicMeeting(id));
}
