import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import { actionItems, categories, decisions, users, workUnits } from "@/db/schema";
import { auditRowsSql, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { notify, notifyCtes, recipients } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions";
import { unitsOverseenBy } from "@/lib/scopes";
import { todayIn } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { findVisibleMeeting } from "@/lib/meetings/access";
import { createActionItemSchema, createFromDecisionSchema } from "./schemas";
import { isUuid } from "@/lib/ids";

type Ctx = Omit<AuditContext, "actorId">;

type UnitCheck = { id: string; name: string; timeZone: string; active: boolean };

async function loadUnits(ids: string[]): Promise<Map<string, UnitCheck>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: workUnits.id, name: workUnits.name, timeZone: workUnits.timeZone, active: workUnits.active })
    .from(workUnits)
    .where(inArray(workUnits.id, ids));
  return new Map(found.map((u) => [u.id, u]));
}

async function assertCategory(categoryId: string, errors: FieldErrors) {
  const [cat] = await db.select({ active: categories.active }).from(categories).where(eq(categories.id, categoryId));
  if (!cat?.active) (errors.categoryId ??= []).push("followUps.errors.category");
}

/** Persons in charge must be active members of the unit they answer for (one query). */
async function invalidPics(pairs: { unitId: string; picUserId: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const ok = await db
    .select({ id: users.id, unitId: users.workUnitId })
    .from(users)
    .where(and(inArray(users.id, pairs.map((p) => p.picUserId)), eq(users.active, true)));
  const members = new Set(ok.map((u) => `${u.unitId}:${u.id}`));
  return new Set(pairs.filter((p) => !members.has(`${p.unitId}:${p.picUserId}`)).map((p) => p.unitId));
}

/** The meeting (and decision) a follow-up comes from must exist and be visible to its creator. */
async function checkSource(user: CurrentUser, meetingId: string | null, decisionId: string | null) {
  if (decisionId) {
    const [dec] = isUuid(decisionId) ? await db.select({ meetingId: decisions.meetingId }).from(decisions).where(eq(decisions.id, decisionId)) : [];
    if (!dec) throw new ValidationError({ decisionId: ["followUps.errors.decision"] });
    if (meetingId && meetingId !== dec.meetingId) throw new ValidationError({ decisionId: ["followUps.errors.decision"] });
    meetingId = dec.meetingId;
  }
  if (!meetingId) return { meetingId: null, meeting: null };
  const meeting = await findVisibleMeeting(user, meetingId);
  if (!meeting) throw new ValidationError({ meetingId: ["followUps.errors.meeting"] });
  return { meetingId, meeting };
}

type NewItem = typeof actionItems.$inferInsert;

async function insertItems(tx: Tx, user: CurrentUser, ctx: Ctx, values: NewItem[], unitNames: Map<string, string>) {
  const created = await tx.insert(actionItems).values(values).returning();
  // The timeline's first entry and the audit rows: one statement.
  const entries = created.map((it) => ({
    id: it.id,
    diff: { after: { title: it.title, workUnitId: it.workUnitId, picUserId: it.picUserId, dueDate: it.dueDate, decisionId: it.decisionId } },
  }));
  await tx.execute(sql`
    with timeline as (
      insert into action_item_updates (action_item_id, author_id, kind, to_status, progress, note)
      select x.id::uuid, ${user.id}::uuid, 'created', 'open', 0, '' from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as x(id text)
    )
    ${auditRowsSql({ actorId: user.id, ...ctx }, "actionItem.create", "action_item", entries)}`);
  for (const it of created) {
    await notify(tx, {
      to: recipients.unitActors(it.workUnitId, it.picUserId),
      kind: "assigned",
      payload: { itemId: it.id, title: it.title, unitName: unitNames.get(it.workUnitId), dueDate: it.dueDate },
      dedupeKey: `assigned:${it.id}`,
      excludeUserId: user.id,
    });
  }
  return created;
}

/** A follow-up on its own or from a meeting/decision (secretariat, head, admin of the unit's division). */
export async function createActionItem(user: CurrentUser, input: unknown, ctx: Ctx = {}) {
  const data = parseInput(createActionItemSchema, input);
  if (!can(user, "actionItem.create", { workUnitId: data.workUnitId })) throw new ForbiddenError();
  const errors: FieldErrors = {};
  // The unit, the category and the person in charge, checked in one read.
  const [found] = await rows<{ id: string | null; name: string; timeZone: string; active: boolean; categoryActive: boolean | null; picMember: boolean }>(sql`
    select w.id, w.name, w.time_zone, w.active,
           (select c.active from categories c where c.id = ${data.categoryId}::uuid) as category_active,
           exists (select 1 from users u where u.id = ${data.picUserId}::uuid and u.active and u.work_unit_id = ${data.workUnitId}::uuid) as pic_member
      from (select 1) one left join work_units w on w.id = ${data.workUnitId}::uuid`);
  const unit: UnitCheck | undefined = found?.id ? { id: found.id, name: found.name, timeZone: found.timeZone, active: found.active } : undefined;
  if (!unit?.active) errors.workUnitId = ["errors.unknownUnit"];
  if (!found?.categoryActive) (errors.categoryId ??= []).push("followUps.errors.category");
  if (data.picUserId && !found?.picMember) errors.picUserId = ["followUps.errors.picNotMember"];
  if (unit && data.dueDate < todayIn(unit.timeZone)) errors.dueDate = ["followUps.errors.dueDatePast"];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const source = await checkSource(user, data.meetingId, data.decisionId);
  // One statement writes the item, its first timeline entry, the audit row and the notifications
  // with their emails: atomic as a transaction, in one round trip. The id is chosen here so that
  // every part can name it.
  const id = crypto.randomUUID();
  const diff = { after: { title: data.title, workUnitId: data.workUnitId, picUserId: data.picUserId, dueDate: data.dueDate, decisionId: data.decisionId } };
  const [raw] = await rows<RawItem>(sql`
    with timeline as (
      insert into action_item_updates (action_item_id, author_id, kind, to_status, progress, note)
      values (${id}::uuid, ${user.id}::uuid, 'created', 'open', 0, '')
    ),
    audit as (${auditRowsSql({ actorId: user.id, ...ctx }, "actionItem.create", "action_item", [{ id, diff }])}),
    ${notifyCtes({
      to: recipients.unitActors(data.workUnitId, data.picUserId),
      kind: "assigned",
      payload: { itemId: id, title: data.title, unitName: unit!.name, dueDate: data.dueDate },
      dedupeKey: `assigned:${id}`,
      excludeUserId: user.id,
    })}
    insert into action_items (id, title, description, category_id, work_unit_id, pic_user_id, due_date, priority, meeting_id, decision_id, created_by)
    values (${id}::uuid, ${data.title}, ${data.description}, ${data.categoryId}::uuid, ${data.workUnitId}::uuid, ${data.picUserId}::uuid,
            ${data.dueDate}::date, ${data.priority}, ${source.meetingId}::uuid, ${data.decisionId}::uuid, ${user.id}::uuid)
    returning *`);
  // The unit's name and zone come along (the API shows the item without reading it again).
  return { ...toItem(raw!), workUnitName: unit!.name, workUnitTimeZone: unit!.timeZone };
}

type ActionItem = typeof actionItems.$inferSelect;
/** An action_items row as rows() gives it: timestamps as text. */
type RawItem = Omit<ActionItem, "sourceStartsAt" | "reportedAt" | "verifiedAt" | "createdAt" | "updatedAt"> & {
  sourceStartsAt: string | Date | null;
  reportedAt: string | Date | null;
  verifiedAt: string | Date | null;
  createdAt: string | Date;
  updatedAt: string | Date;
};
const instant = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const toItem = (r: RawItem): ActionItem => ({
  ...r,
  sourceStartsAt: r.sourceStartsAt === null ? null : instant(r.sourceStartsAt),
  reportedAt: r.reportedAt === null ? null : instant(r.reportedAt),
  verifiedAt: r.verifiedAt === null ? null : instant(r.verifiedAt),
  createdAt: instant(r.createdAt),
  updatedAt: instant(r.updatedAt),
});

/**
 * From one decision, one copy per chosen unit (e.g. every invited unit), all in one transaction:
 * either every unit gets its follow-up or none does.
 */
export async function createFromDecision(user: CurrentUser, input: unknown, ctx: Ctx = {}) {
  const data = parseInput(createFromDecisionSchema, input);
  const unitIds = [...new Set(data.workUnitIds)];
  for (const unitId of unitIds) {
    if (!can(user, "actionItem.create", { workUnitId: unitId })) throw new ForbiddenError();
  }
  const source = await checkSource(user, data.meetingId, data.decisionId);
  const errors: FieldErrors = {};
  const units = await loadUnits(unitIds);
  const unknown = unitIds.filter((id) => !units.get(id)?.active);
  if (unknown.length) errors.workUnitIds = ["errors.unknownUnit"];
  await assertCategory(data.categoryId, errors);
  const pics = unitIds.filter((u) => data.picByUnit[u]).map((u) => ({ unitId: u, picUserId: data.picByUnit[u]! }));
  for (const unitId of await invalidPics(pics)) errors[`picByUnit.${unitId}`] = ["followUps.errors.picNotMember"];
  if ([...units.values()].some((u) => data.dueDate < todayIn(u.timeZone))) errors.dueDate = ["followUps.errors.dueDatePast"];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return db.transaction((tx) =>
    insertItems(
      tx,
      user,
      ctx,
      unitIds.map((unitId) => ({
        title: data.title,
        description: data.description,
        categoryId: data.categoryId,
        workUnitId: unitId,
        picUserId: data.picByUnit[unitId] ?? null,
        dueDate: data.dueDate,
        priority: data.priority,
        meetingId: source.meetingId,
        decisionId: data.decisionId,
        createdBy: user.id,
      })),
      new Map([...units.values()].map((u) => [u.id, u.name])),
    ),
  );
}

/** What the "from a decision" form needs: the decision, its meeting's invited units and the units' members. */
export async function decisionContext(user: CurrentUser, decisionId: string) {
  if (!isUuid(decisionId)) throw new NotFoundError();
  const [dec] = await db.select().from(decisions).where(eq(decisions.id, decisionId));
  if (!dec) throw new NotFoundError();
  const meeting = await findVisibleMeeting(user, dec.meetingId);
  if (!meeting) throw new NotFoundError();
  const invited = await rows<{ id: string; name: string }>(
    sql`select w.id, w.name from invitations i join work_units w on w.id = i.work_unit_id
         where i.meeting_id = ${dec.meetingId} and w.active order by w.name`,
  );
  return {
    decision: dec,
    meeting,
    invitedUnits: invited.filter((u) => can(user, "actionItem.create", { workUnitId: u.id })),
  };
}

/** Decisions of recent meetings the user organises (to turn into follow-ups), newest first. */
export async function listRecentDecisions(user: CurrentUser, limit = 30) {
  const scope = unitsOverseenBy(user, sql`m.organizer_unit_id`);
  return rows<{ id: string; number: number; text: string; meetingTitle: string; startsAt: string | Date; items: number }>(sql`
    select d.id, d.number, d.text, m.title as meeting_title, m.starts_at,
           (select count(*)::int from action_items a where a.decision_id = d.id) as items
      from decisions d join meetings m on m.id = d.meeting_id
     where ${scope} and m.status <> 'cancelled'
     order by m.starts_at desc, d.number
     limit ${limit}`);
}
