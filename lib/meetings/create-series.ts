import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agendaItems, invitations, meetingSeries, meetings, speakers, type Meeting, type SeriesRule } from "@/db/schema";
import { audit, changes } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError, ValidationError, orConflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { instantToZonedLocal, zonedLocalToInstant } from "@/lib/time";
import { assertEditable, requireMeeting } from "./access";
import type { Ctx } from "./create-meeting";
import { assertRefs } from "./refs";
import { seriesSchema, seriesTemplateSchema } from "./schemas";
import { currentMeeting } from "./transition-meeting";
import { isUuid } from "@/lib/ids";

const MAX_OCCURRENCES = 60;
const MONTHS: Record<SeriesRule, number> = { weekly: 0, monthly: 1, quarterly: 3 };

/** The i-th occurrence's wall-clock start: same time of day; a month without the day gets its last day. */
export function occurrenceLocal(startLocal: string, rule: SeriesRule, i: number): string {
  const [date, time] = startLocal.split("T") as [string, string];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  let out: Date;
  if (rule === "weekly") {
    out = new Date(Date.UTC(y, m - 1, d + 7 * i));
  } else {
    const monthIndex = m - 1 + MONTHS[rule] * i;
    const last = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
    out = new Date(Date.UTC(y, monthIndex, Math.min(d, last)));
  }
  return `${out.toISOString().slice(0, 10)}T${time}`;
}

/** Start instants of every occurrence after the template (index 2..n), bounded by count or date. */
export function occurrenceStarts(template: Pick<Meeting, "startsAt" | "timeZone">, rule: SeriesRule, count: number | null, untilDate: string | null) {
  const local = instantToZonedLocal(template.startsAt, template.timeZone);
  const starts: Date[] = [];
  for (let i = 1; i < MAX_OCCURRENCES; i++) {
    if (count !== null && i >= count) break;
    const next = occurrenceLocal(local, rule, i);
    if (untilDate !== null && next.slice(0, 10) > untilDate) break;
    starts.push(zonedLocalToInstant(next, template.timeZone));
  }
  return starts;
}

/**
 * Turns a meeting into a series: it becomes occurrence 1 (the template) and each further
 * occurrence is a real meeting copied from it — agenda, speakers (presenters mapped to the
 * copies) and invited units (answers pending) — editable on its own. One transaction.
 */
export async function createSeries(user: CurrentUser, meetingId: string, version: number, input: unknown, ctx: Ctx = {}) {
  const template = await requireMeeting(user, meetingId, "meeting.manage");
  const data = parseInput(seriesSchema, input);
  assertEditable(template);
  if (template.seriesId) throw new ValidationError({ rule: ["meetings.errors.alreadySeries"] }, "meetings.errors.alreadySeries");
  const starts = occurrenceStarts(template, data.rule, data.count, data.untilDate);
  if (starts.length === 0) throw new ValidationError({ untilDate: ["meetings.errors.seriesBound"] });
  const duration = template.endsAt.getTime() - template.startsAt.getTime();

  const [tplSpeakers, tplAgenda, tplInvitations] = await Promise.all([
    db.select().from(speakers).where(eq(speakers.meetingId, meetingId)).orderBy(asc(speakers.sortOrder)),
    db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)),
    db.select().from(invitations).where(eq(invitations.meetingId, meetingId)),
  ]);
  const status = template.status === "scheduled" ? ("scheduled" as const) : ("draft" as const);
  const occurrences = starts.map((startsAt, i) => ({
    id: crypto.randomUUID(),
    index: i + 2,
    startsAt,
    endsAt: new Date(startsAt.getTime() + duration),
    speakerIds: new Map(tplSpeakers.map((s) => [s.id, crypto.randomUUID()])),
  }));

  return orConflict(
    db.transaction(async (tx) => {
      const [series] = await tx
        .insert(meetingSeries)
        .values({ rule: data.rule, occurrences: data.count, untilDate: data.untilDate, templateMeetingId: meetingId, createdBy: user.id })
        .returning();
      const [tpl] = await tx
        .update(meetings)
        .set({ seriesId: series!.id, seriesIndex: 1, version: sql`${meetings.version} + 1`, updatedAt: new Date(), updatedBy: user.id })
        .where(and(eq(meetings.id, meetingId), eq(meetings.version, version)))
        .returning();
      if (!tpl) return null;
      await tx.insert(meetings).values(
        occurrences.map((o) => ({
          id: o.id,
          title: template.title,
          topic: template.topic,
          description: template.description,
          kind: template.kind,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          timeZone: template.timeZone,
          location: template.location,
          roomId: template.roomId,
          onlineUrl: template.onlineUrl,
          organizerUnitId: template.organizerUnitId,
          chairUserId: template.chairUserId,
          status,
          seriesId: series!.id,
          seriesIndex: o.index,
          createdBy: user.id,
          updatedBy: user.id,
        })),
      );
      if (tplSpeakers.length) {
        await tx.insert(speakers).values(
          occurrences.flatMap((o) =>
            tplSpeakers.map((s) => ({
              id: o.speakerIds.get(s.id)!,
              meetingId: o.id,
              userId: s.userId,
              name: s.name,
              position: s.position,
              organization: s.organization,
              role: s.role,
              onBehalfOf: s.onBehalfOf,
              topic: s.topic,
              sortOrder: s.sortOrder,
            })),
          ),
        );
      }
      if (tplAgenda.length) {
        await tx.insert(agendaItems).values(
          occurrences.flatMap((o) =>
            tplAgenda.map((a) => ({
              meetingId: o.id,
              position: a.position,
              title: a.title,
              description: a.description,
              durationMinutes: a.durationMinutes,
              kind: a.kind,
              presenterSpeakerId: a.presenterSpeakerId ? (o.speakerIds.get(a.presenterSpeakerId) ?? null) : null,
            })),
          ),
        );
      }
      if (tplInvitations.length) {
        await tx.insert(invitations).values(occurrences.flatMap((o) => tplInvitations.map((i) => ({ meetingId: o.id, workUnitId: i.workUnitId }))));
      }
      await audit(tx, { actorId: user.id, ...ctx }, "series.create", "meeting", meetingId, {
        seriesId: series!.id,
        rule: data.rule,
        count: data.count,
        untilDate: data.untilDate,
        occurrenceIds: occurrences.map((o) => o.id),
      });
      return { series: series!, template: tpl, occurrenceIds: occurrences.map((o) => o.id) };
    }),
    () => currentMeeting(meetingId),
  );
}

/**
 * Edits the series template and carries the change to future occurrences only (start after now,
 * still draft or scheduled). A field an occurrence changed on its own (no longer the template's
 * old value) is kept. Times are not carried over: moving an occurrence is its own reschedule.
 */
export async function updateSeriesTemplate(user: CurrentUser, seriesId: string, version: number, input: unknown, ctx: Ctx = {}) {
  if (!isUuid(seriesId)) throw new NotFoundError();
  const [series] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, seriesId));
  if (!series?.templateMeetingId) throw new NotFoundError();
  const before = await requireMeeting(user, series.templateMeetingId, "meeting.manage");
  const data = parseInput(seriesTemplateSchema, input);
  await assertRefs({ users: { chairUserId: data.chairUserId } });
  const templateId = before.id;
  const carry = <K extends keyof typeof data & keyof Meeting>(key: K, column: string) =>
    sql`${sql.raw(column)} = case when ${sql.raw(column)} is not distinct from ${before[key]} then ${data[key]} else ${sql.raw(column)} end`;
  return orConflict(
    db.transaction(async (tx) => {
      const [tpl] = await tx
        .update(meetings)
        .set({ ...data, version: sql`${meetings.version} + 1`, updatedAt: new Date(), updatedBy: user.id })
        .where(and(eq(meetings.id, templateId), eq(meetings.version, version)))
        .returning();
      if (!tpl) return null;
      const updated = await tx.execute(sql`
        update meetings set
          ${carry("title", "title")}, ${carry("topic", "topic")}, ${carry("description", "description")}, ${carry("kind", "kind")},
          ${carry("location", "location")}, ${carry("onlineUrl", "online_url")}, chair_user_id = case when chair_user_id is not distinct from ${before.chairUserId}::uuid then ${data.chairUserId}::uuid else chair_user_id end,
          version = version + 1, updated_at = now(), updated_by = ${user.id}
        where series_id = ${seriesId} and id <> ${templateId} and starts_at > now() and status in ('draft', 'scheduled')
        returning id`);
      const ids = ((updated as unknown as { rows?: { id: string }[] }).rows ?? (updated as unknown as { id: string }[])).map((r) => r.id);
      await audit(tx, { actorId: user.id, ...ctx }, "series.update_template", "meeting", templateId, { seriesId, ...changes(before, data), occurrenceIds: ids });
      return { template: tpl, updatedOccurrenceIds: ids };
    }),
    () => currentMeeting(templateId),
  );
}
