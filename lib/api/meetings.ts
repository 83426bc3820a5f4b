import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db/client";
import { agendaItems, invitations, type Meeting } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { addAgendaItem, deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { recordAttendance } from "@/lib/meetings/attendance";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { getMeeting } from "@/lib/meetings/get-meeting";
import { inviteUnits, respondToInvitation } from "@/lib/meetings/invitations";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { currentMinutes, saveMinutes } from "@/lib/meetings/minutes";
import { addSpeaker } from "@/lib/meetings/speakers";
import { cancelMeeting, transitionMeeting } from "@/lib/meetings/transition-meeting";
import { loadMeeting } from "@/lib/meetings/access";
import { updateMeeting } from "@/lib/meetings/update-meeting";
import { versionFromIfMatch } from "@/lib/input";
import { instantToZonedLocal } from "@/lib/time";
import type * as s from "./schemas";

type Ctx = { ip?: string | null };

/** The version to check: the body's, else the If-Match header's ("3", W/"3" or 3). */
export function versionFrom(body: { version?: number } | undefined, request: Request, required: boolean): number | undefined {
  if (body?.version !== undefined) return body.version;
  const header = request.headers.get("if-match");
  const n = versionFromIfMatch(header);
  if (n !== null) return n;
  if (header !== null) throw new ValidationError({ "If-Match": ["If-Match must be a version from 0 to 2147483647, e.g. \"3\"."] });
  if (required) throw new ValidationError({ version: ["Send the version you edited, in the body or as If-Match."] });
  return undefined;
}

export function meetingJson(m: Pick<Meeting, "id" | "title" | "topic" | "description" | "kind" | "startsAt" | "endsAt" | "timeZone" | "location" | "roomId" | "onlineUrl" | "organizerUnitId" | "chairUserId" | "status" | "cancelReason" | "seriesId" | "version">) {
  return {
    id: m.id,
    title: m.title,
    topic: m.topic,
    description: m.description,
    kind: m.kind,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    timeZone: m.timeZone,
    location: m.location,
    roomId: m.roomId,
    onlineUrl: m.onlineUrl,
    organizerUnitId: m.organizerUnitId,
    chairUserId: m.chairUserId,
    status: m.status,
    cancelReason: m.cancelReason,
    seriesId: m.seriesId,
    version: m.version,
  };
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

export async function apiListMeetings(user: CurrentUser, q: z.output<typeof s.meetingsQuery>) {
  const result = await listMeetings(user, { from: q.from, to: q.to, status: q.status, invitedUnitId: q.unitId, q: q.q, cursor: q.cursor, pageSize: q.limit });
  return {
    items: result.items.map((m) => ({
      id: m.id,
      title: m.title,
      topic: m.topic,
      kind: m.kind,
      status: m.status,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      timeZone: m.timeZone,
      location: m.location,
      organizerUnitId: m.organizerUnitId,
      seriesId: m.seriesId,
    })),
    total: result.total,
    totalCapped: result.totalCapped,
    nextCursor: result.nextCursor,
    prevCursor: result.prevCursor,
  };
}

export async function apiCreateMeeting(user: CurrentUser, body: z.output<typeof s.meetingCreateBody>, ctx: Ctx) {
  const { meeting, conflicts } = await createMeeting(user, toFormInput(body, body.timeZone), ctx);
  return { ...meetingJson(meeting), conflicts };
}

export async function apiGetMeeting(user: CurrentUser, id: string) {
  const detail = await getMeeting(user, id);
  return meetingJson(detail.meeting);
}

export async function apiUpdateMeeting(user: CurrentUser, id: string, body: Partial<z.output<typeof s.meetingCreateBody>> & { version?: number }, version: number, ctx: Ctx) {
  const current = await loadMeeting(id);
  if (!current) throw new NotFoundError();
  const { version: _v, ...patch } = body;
  void _v;
  const merged = {
    ...meetingJson(current),
    onlineUrl: current.onlineUrl ?? "",
    roomId: current.roomId ?? "",
    chairUserId: current.chairUserId ?? "",
    ...patch,
  };
  const { meeting, conflicts } = await updateMeeting(user, id, version, toFormInput(merged, current.timeZone), ctx);
  return { ...meetingJson(meeting), conflicts };
}

export async function apiTransitionMeeting(user: CurrentUser, id: string, body: z.output<typeof s.meetingTransitionBody>, version: number | undefined, ctx: Ctx) {
  const current = await loadMeeting(id);
  if (!current) throw new NotFoundError();
  const v = version ?? current.version;
  if (body.to === "cancelled") return meetingJson(await cancelMeeting(user, id, v, { reason: body.reason ?? "" }, ctx));
  const step = { scheduled: "publish", ongoing: "start", completed: "complete" } as const;
  return meetingJson(await transitionMeeting(user, id, v, { to: step[body.to] }, ctx));
}

export async function apiAgenda(user: CurrentUser, id: string) {
  const detail = await getMeeting(user, id);
  return {
    totalMinutes: detail.agenda.totalMinutes,
    items: detail.agenda.items.map((a) => ({
      id: a.id,
      position: a.position,
      title: a.title,
      description: a.description,
      durationMinutes: a.durationMinutes,
      presenterSpeakerId: a.presenterSpeakerId,
      kind: a.kind,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      version: a.version,
    })),
  };
}

const agendaJson = (a: { id: string; meetingId: string; position: number; title: string; description: string; durationMinutes: number; presenterSpeakerId: string | null; version: number }) => ({
  id: a.id,
  meetingId: a.meetingId,
  position: a.position,
  title: a.title,
  description: a.description,
  durationMinutes: a.durationMinutes,
  presenterSpeakerId: a.presenterSpeakerId,
  version: a.version,
});

export async function apiAddAgendaItem(user: CurrentUser, meetingId: string, body: z.output<typeof s.agendaItemBody>, ctx: Ctx) {
  return agendaJson(await addAgendaItem(user, meetingId, body, ctx));
}

export async function apiUpdateAgendaItem(user: CurrentUser, itemId: string, body: z.output<typeof s.agendaItemPatchBody>, version: number, ctx: Ctx) {
  const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, itemId));
  if (!item) throw new NotFoundError();
  const { position, version: _v, ...fields } = body;
  void _v;
  let saved = await updateAgendaItem(user, itemId, version, { title: item.title, description: item.description, durationMinutes: item.durationMinutes, presenterSpeakerId: item.presenterSpeakerId ?? "", ...fields }, ctx);
  // Moving is done one step at a time, as with the keyboard controls in the UI.
  for (let guard = 0; position !== undefined && saved.position !== position && guard < 200; guard++) {
    await moveAgendaItem(user, itemId, { direction: position < saved.position ? "up" : "down" }, ctx);
    const [now] = await db.select().from(agendaItems).where(eq(agendaItems.id, itemId));
    if (!now || now.position === saved.position) break;
    saved = now;
  }
  return agendaJson(saved);
}

export async function apiDeleteAgendaItem(user: CurrentUser, itemId: string, version: number | undefined, ctx: Ctx) {
  const [item] = await db.select({ version: agendaItems.version }).from(agendaItems).where(eq(agendaItems.id, itemId));
  if (!item) throw new NotFoundError();
  await deleteAgendaItem(user, itemId, version ?? item.version, ctx);
}

export async function apiSpeakers(user: CurrentUser, id: string) {
  const detail = await getMeeting(user, id);
  return {
    items: detail.speakers.map((sp) => ({
      id: sp.id,
      userId: sp.userId,
      name: sp.displayName,
      position: sp.displayPosition,
      organization: sp.organization,
      role: sp.role,
      onBehalfOf: sp.onBehalfOf,
      topic: sp.topic,
      order: sp.sortOrder,
      version: sp.version,
    })),
  };
}

export async function apiAddSpeaker(user: CurrentUser, meetingId: string, body: z.output<typeof s.speakerBody>, ctx: Ctx) {
  const { order, ...rest } = body;
  const result = await addSpeaker(user, meetingId, { userId: null, name: null, position: null, organization: null, onBehalfOf: null, topic: null, ...rest, sortOrder: order ?? null }, ctx);
  return result;
}

export async function apiInvitations(user: CurrentUser, id: string) {
  const detail = await getMeeting(user, id);
  return {
    items: detail.invitations.map((i) => ({
      id: i.id,
      meetingId: i.meetingId,
      workUnitId: i.workUnitId,
      workUnitName: i.unitName,
      response: i.response,
      delegates: i.delegates,
      representedBy: i.representedBy,
      reason: i.reason,
      respondedAt: i.respondedAt?.toISOString() ?? null,
      version: i.version,
    })),
  };
}

export async function apiInvite(user: CurrentUser, meetingId: string, body: z.output<typeof s.invitationBody>, ctx: Ctx) {
  return inviteUnits(user, meetingId, { unitIds: [body.workUnitId], includeSubUnits: body.includeSubUnits ?? false, acknowledgeConflicts: body.acknowledgeConflicts }, ctx);
}

export async function apiRespond(user: CurrentUser, invitationId: string, body: z.output<typeof s.rsvpBody>, ctx: Ctx) {
  const [inv] = await db.select().from(invitations).where(eq(invitations.id, invitationId));
  // A unit answers only its own invitation: any other id (another unit's, even one the user may
  // see) names nothing the user can answer, so 404 — never the user's own invitation instead.
  if (!inv || inv.workUnitId !== user.workUnitId) throw new NotFoundError();
  const { version, ...answer } = body;
  const row = await respondToInvitation(user, inv.meetingId, version ?? inv.version, answer, ctx);
  return { id: row.id, meetingId: row.meetingId, workUnitId: row.workUnitId, response: row.response, delegates: row.delegates, representedBy: row.representedBy, reason: row.reason, version: row.version };
}

export async function apiAttendances(user: CurrentUser, id: string) {
  const detail = await getMeeting(user, id);
  return {
    items: detail.attendances.map((a) => ({
      id: a.id,
      userId: a.userId,
      name: a.userName ?? a.guestName,
      position: a.userId ? a.userPosition : a.guestPosition,
      organization: a.guestOrganization,
      workUnitId: a.workUnitId,
      status: a.status,
      representedBy: a.representedBy,
      checkedInAt: a.checkedInAt?.toISOString() ?? null,
      method: a.method,
    })),
  };
}

export async function apiRecordAttendance(user: CurrentUser, meetingId: string, body: z.output<typeof s.attendanceBody>, ctx: Ctx) {
  return recordAttendance(
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
  );
}

export async function apiAttendanceSummary(user: CurrentUser, id: string) {
  const detail = await getMeeting(user, id);
  return detail.recap;
}

export async function apiMinutes(user: CurrentUser, id: string) {
  await getMeeting(user, id);
  const { minutes, decisions } = await currentMinutes(id);
  return {
    summary: minutes?.summary ?? "",
    finalizedAt: minutes?.finalizedAt?.toISOString() ?? null,
    version: minutes?.version ?? 0,
    decisions: decisions.map((d) => ({ id: d.id, number: d.number, text: d.text, version: d.version })),
  };
}

export async function apiSaveMinutes(user: CurrentUser, id: string, body: z.output<typeof s.minutesBody>, version: number, ctx: Ctx) {
  await saveMinutes(user, id, version, { summary: body.summary }, ctx);
  return apiMinutes(user, id);
}
