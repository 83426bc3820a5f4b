import "server-only";
import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { actionItemReviews, actionItemUpdates, type ActionItemStatus } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { bindingOf, keyset, type KeyColumn } from "@/lib/pagination";
import { actionItemsVisibleTo } from "@/lib/scopes";
import { loadVisibleItem } from "./access";
import { overdueSql, pastDueSql, todaySql } from "./overdue";
import { findVisibleMeeting } from "@/lib/meetings/access";
import { reviewBatchSchema, reviewSchema } from "./schemas";
import { transitionActionItem } from "./workflow";
import { isUuid } from "@/lib/ids";

export type ReviewRow = {
  id: string;
  title: string;
  status: ActionItemStatus;
  progress: number;
  dueDate: string;
  version: number;
  workUnitId: string;
  picUserId: string | null;
  unitName: string;
  sourceMeetingTitle: string | null;
  sourceMeetingStartsAt: Date | null;
  ageDays: number;
  overdue: boolean;
  reviewed: boolean;
  reviewNote: string | null;
  statusAtReview: ActionItemStatus | null;
};

export type ReviewUnit = { unitId: string; unitName: string; open: number; overdue: number; reviewed: number };

/** Items shown per page of one unit's review list. */
export const REVIEW_PAGE_SIZE = 50;

const KEY: KeyColumn[] = [
  { sql: sql`action_items.due_date`, type: "date" },
  { sql: sql`action_items.id`, type: "uuid" },
];

type Loaded = NonNullable<Awaited<ReturnType<typeof findVisibleMeeting>>>;

/**
 * Which follow-ups a rakor reviews: those of its invited units that are not finished and came from
 * an earlier meeting (series or not) or were created on their own before it. The open states are
 * a literal so that the partial index action_items_open_unit_due_idx serves it.
 */
function reviewFrom(user: CurrentUser, meeting: Loaded, opts: { withSource?: boolean } = {}) {
  const startsAt = meeting.startsAt.toISOString();
  // "Came before": the source meeting's start (source_starts_at, kept by triggers) or, for an item
  // of no meeting, its creation — read from the index action_items_review_idx, not each item's meeting.
  return sql`
      from action_items
      join invitations i on i.work_unit_id = action_items.work_unit_id and i.meeting_id = ${meeting.id}
      join work_units w on w.id = action_items.work_unit_id
      ${opts.withSource ? sql`left join meetings src on src.id = action_items.meeting_id` : sql``}
      left join action_item_reviews r on r.action_item_id = action_items.id and r.meeting_id = ${meeting.id}
     where action_items.status in ('open', 'in_progress', 'reported')
       and action_items.meeting_id is distinct from ${meeting.id}
       and ${
         opts.withSource
           ? // A page: walked in due-date order (action_items_open_unit_due_idx), 50 meetings read.
             sql`(src.starts_at < ${startsAt}::timestamptz or (action_items.meeting_id is null and action_items.created_at < ${startsAt}::timestamptz))`
           : sql`coalesce(action_items.source_starts_at, action_items.created_at) < ${startsAt}::timestamptz`
       }
       and ${actionItemsVisibleTo(user)}`;
}

/** The review's queries: counts per unit first, then one unit's items a page at a time (exported for EXPLAIN). */
export async function reviewQueries(user: CurrentUser, meetingId: string, opts: { unitId?: string; cursor?: string } = {}) {
  const meeting = await findVisibleMeeting(user, meetingId);
  if (!meeting) throw new NotFoundError();
  return buildReviewQueries(user, meeting, opts);
}

function buildReviewQueries(user: CurrentUser, meeting: Loaded, opts: { unitId?: string; cursor?: string | null }) {
  const from = reviewFrom(user, meeting);
  const withSource = reviewFrom(user, meeting, { withSource: true });
  const keys = keyset<ItemRow>({
    columns: KEY,
    order: "asc",
    limit: REVIEW_PAGE_SIZE,
    cursor: opts.cursor,
    binding: bindingOf({ list: "review", meeting: meeting.id, unit: opts.unitId, user: user.id }),
    keyOf: (r) => [r.dueDate, r.id],
  });
  const unitFilter = opts.unitId && isUuid(opts.unitId) ? sql`and action_items.work_unit_id = ${opts.unitId}` : sql``;
  return {
    keys,
    units: sql`
      select w.id as unit_id, w.name as unit_name, count(*)::int as open,
             (count(*) filter (where ${pastDueSql(sql`action_items.due_date`, todaySql(sql.raw("w.time_zone")))}))::int as overdue,
             count(r.id)::int as reviewed
        ${from}
       group by w.id, w.name
       order by w.name, w.id`,
    items: sql`
      select action_items.id, action_items.title, action_items.status, action_items.progress,
             to_char(action_items.due_date, 'YYYY-MM-DD') as due_date, action_items.version,
             action_items.work_unit_id, action_items.pic_user_id,
             w.name as unit_name, src.title as source_meeting_title, src.starts_at as source_meeting_starts_at,
             ((now() at time zone w.time_zone)::date - (action_items.created_at at time zone w.time_zone)::date)::int as age_days,
             ${overdueSql(sql.raw("action_items"), sql.raw("w.time_zone"))} as overdue,
             (r.id is not null) as reviewed, r.note as review_note, r.status_at_review
        ${withSource} ${unitFilter} and ${keys.where}
       order by ${keys.orderBy}
       limit ${keys.fetch}`,
  };
}

/** A raw row: ReviewRow with the source meeting's start as text (the SQL names it source_meeting_*). */
type ItemRow = Omit<ReviewRow, "sourceMeetingStartsAt"> & { sourceMeetingStartsAt: string | Date | null };

const toReviewRow = (r: ItemRow): ReviewRow => ({ ...r, sourceMeetingStartsAt: r.sourceMeetingStartsAt ? new Date(r.sourceMeetingStartsAt) : null });

/**
 * The review page: the counts per invited unit first (open, overdue, reviewed here), then — for
 * the chosen unit, or every unit with `withItems` — one page of its items.
 */
export async function getReview(user: CurrentUser, meetingId: string, opts: { unitId?: string; cursor?: string; withItems?: boolean } = {}) {
  const meeting = await findVisibleMeeting(user, meetingId);
  if (!meeting) throw new NotFoundError();
  const unitId = opts.unitId && isUuid(opts.unitId) ? opts.unitId : undefined;
  const q = buildReviewQueries(user, meeting, { unitId, cursor: unitId || opts.withItems ? opts.cursor : null });
  const [units, found] = await Promise.all([
    rows<{ unitId: string; unitName: string; open: number; overdue: number; reviewed: number }>(q.units),
    unitId || opts.withItems ? rows<ItemRow>(q.items) : Promise.resolve([] as ItemRow[]),
  ]);
  const page = q.keys.finish(found);
  return {
    meeting,
    units: units.map((u): ReviewUnit => ({ unitId: u.unitId, unitName: u.unitName, open: Number(u.open), overdue: Number(u.overdue), reviewed: Number(u.reviewed) })),
    unitId: unitId ?? null,
    items: page.items.map(toReviewRow),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    canRecord: can(user, "minutes.write", meeting),
  };
}

/**
 * Records that this meeting reviewed a follow-up (kept in the minutes): its status at that moment
 * and a note. Recording again updates the note. Done by whoever writes the meeting's minutes.
 */
export async function recordReview(user: CurrentUser, meetingId: string, itemId: string, input: unknown, ctx: Omit<AuditContext, "actorId"> = {}) {
  const { note } = parseInput(reviewSchema, input);
  const meeting = await findVisibleMeeting(user, meetingId);
  if (!meeting) throw new NotFoundError();
  if (!can(user, "minutes.write", meeting)) throw new ForbiddenError();
  const item = await loadVisibleItem(user, itemId);
  if (!meeting.invitedUnitIds.includes(item.workUnitId)) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const [review] = await tx
      .insert(actionItemReviews)
      .values({ meetingId: meeting.id, actionItemId: item.id, statusAtReview: item.status, note, reviewedBy: user.id })
      .onConflictDoUpdate({
        target: [actionItemReviews.meetingId, actionItemReviews.actionItemId],
        set: { statusAtReview: item.status, note, reviewedBy: user.id, updatedAt: sql`now()` },
      })
      .returning();
    await tx.insert(actionItemUpdates).values({ actionItemId: item.id, authorId: user.id, kind: "review", progress: item.progress, note, meetingId: meeting.id });
    await audit(tx, { actorId: user.id, ...ctx }, "actionItem.review", "action_item", item.id, { meetingId: meeting.id, status: item.status });
    return review!;
  });
}

/**
 * The review page's one form: for each checked row, the review is recorded (with its note) and,
 * when a status step is chosen (verify, return, cancel), the item takes it — each step checked by
 * the workflow as if taken on the item's own page (the note is the reason of a return or cancel).
 * Rows are handled one by one; the outcome says how many were saved and which failed.
 */
export async function recordReviews(user: CurrentUser, meetingId: string, input: unknown, ctx: Omit<AuditContext, "actorId"> = {}) {
  const { entries } = parseInput(reviewBatchSchema, input);
  const meeting = await findVisibleMeeting(user, meetingId);
  if (!meeting) throw new NotFoundError();
  if (!can(user, "minutes.write", meeting)) throw new ForbiddenError();
  const failed: Record<string, string[]> = {};
  let saved = 0;
  for (const e of entries) {
    try {
      if (e.to) await transitionActionItem(user, e.itemId, e.version, { to: e.to, note: e.note, meetingId: meeting.id }, null, ctx);
      await recordReview(user, meeting.id, e.itemId, { note: e.note }, ctx);
      saved++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const fieldErrors = err instanceof ValidationError ? Object.values(err.fieldErrors).flat() : [];
      failed[`note.${e.itemId}`] = fieldErrors.length ? fieldErrors : [err.message];
    }
  }
  if (Object.keys(failed).length) throw new ValidationError(failed, saved ? "followUps.review.partlySaved" : "errors.fixFields");
  return { saved };
}

/** The follow-ups a meeting reviewed, for its minutes (one query). */
export async function listReviewedInMeeting(user: CurrentUser, meetingId: string) {
  const meeting = await findVisibleMeeting(user, meetingId);
  if (!meeting) throw new NotFoundError();
  return rows<{ id: string; title: string; unitName: string; statusAtReview: ActionItemStatus; note: string; reviewedAt: string }>(sql`
    select action_items.id, action_items.title, w.name as unit_name, r.status_at_review, r.note, r.updated_at as reviewed_at
      from action_item_reviews r
      join action_items on action_items.id = r.action_item_id
      join work_units w on w.id = action_items.work_unit_id
     where r.meeting_id = ${meeting.id} and ${actionItemsVisibleTo(user)}
     order by w.name, action_items.title`);
}
