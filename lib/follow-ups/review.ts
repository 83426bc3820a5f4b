import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { actionItemReviews, actionItemUpdates, type ActionItemStatus } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { loadVisibleItem, visibleTo } from "./access";
import { loadMeeting } from "./meeting-access";
import { reviewSchema } from "./schemas";

export type ReviewRow = {
  id: string;
  title: string;
  status: ActionItemStatus;
  progress: number;
  dueDate: string;
  version: number;
  unitName: string;
  sourceMeetingTitle: string | null;
  sourceMeetingStartsAt: Date | null;
  ageDays: number;
  overdue: boolean;
  reviewed: boolean;
  reviewNote: string | null;
  statusAtReview: ActionItemStatus | null;
};

/**
 * "Review of follow-ups" at a rakor: every follow-up of the meeting's invited units that is not
 * finished (verified/cancelled) and came from an earlier meeting (series or not) or was created
 * on its own before this meeting; with its age, status and whether this meeting reviewed it.
 */
export async function listReviewItems(user: CurrentUser, meetingId: string): Promise<ReviewRow[]> {
  const meeting = await loadMeeting(meetingId);
  if (!meeting || !can(user, "meeting.view", meeting)) throw new NotFoundError();
  const found = await rows<{
    id: string;
    title: string;
    status: ActionItemStatus;
    progress: number;
    due_date: string;
    version: number;
    unit_name: string;
    source_title: string | null;
    source_starts_at: string | Date | null;
    age_days: number;
    overdue: boolean;
    reviewed: boolean;
    review_note: string | null;
    status_at_review: ActionItemStatus | null;
  }>(sql`
    select action_items.id, action_items.title, action_items.status, action_items.progress,
           to_char(action_items.due_date, 'YYYY-MM-DD') as due_date, action_items.version,
           w.name as unit_name, src.title as source_title, src.starts_at as source_starts_at,
           ((now() at time zone w.time_zone)::date - (action_items.created_at at time zone w.time_zone)::date)::int as age_days,
           (action_items.due_date < (now() at time zone w.time_zone)::date) as overdue,
           (r.id is not null) as reviewed, r.note as review_note, r.status_at_review
      from action_items
      join invitations i on i.work_unit_id = action_items.work_unit_id and i.meeting_id = ${meeting.id}
      join work_units w on w.id = action_items.work_unit_id
      left join meetings src on src.id = action_items.meeting_id
      left join action_item_reviews r on r.action_item_id = action_items.id and r.meeting_id = ${meeting.id}
     where action_items.status not in ('verified','cancelled')
       and action_items.meeting_id is distinct from ${meeting.id}
       and (src.starts_at < ${meeting.startsAt} or (action_items.meeting_id is null and action_items.created_at < ${meeting.startsAt}))
       and ${visibleTo(user)}
     order by w.name, action_items.due_date, action_items.id`);
  return found.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    progress: Number(r.progress),
    dueDate: r.due_date,
    version: Number(r.version),
    unitName: r.unit_name,
    sourceMeetingTitle: r.source_title,
    sourceMeetingStartsAt: r.source_starts_at ? new Date(r.source_starts_at) : null,
    ageDays: Number(r.age_days),
    overdue: !!r.overdue,
    reviewed: !!r.reviewed,
    reviewNote: r.review_note,
    statusAtReview: r.status_at_review,
  }));
}

/**
 * Records that this meeting reviewed a follow-up (kept in the minutes): its status at that moment
 * and a note. Recording again updates the note. Done by whoever writes the meeting's minutes.
 */
export async function recordReview(user: CurrentUser, meetingId: string, itemId: string, input: unknown, ctx: Omit<AuditContext, "actorId"> = {}) {
  const { note } = parseInput(reviewSchema, input);
  const meeting = await loadMeeting(meetingId);
  if (!meeting || !can(user, "meeting.view", meeting)) throw new NotFoundError();
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

/** The follow-ups a meeting reviewed, for its minutes (one query). */
export async function listReviewedInMeeting(user: CurrentUser, meetingId: string) {
  const meeting = await loadMeeting(meetingId);
  if (!meeting || !can(user, "meeting.view", meeting)) throw new NotFoundError();
  return rows<{ id: string; title: string; unit_name: string; status_at_review: ActionItemStatus; note: string; reviewed_at: string }>(sql`
    select action_items.id, action_items.title, w.name as unit_name, r.status_at_review, r.note, r.updated_at as reviewed_at
      from action_item_reviews r
      join action_items on action_items.id = r.action_item_id
      join work_units w on w.id = action_items.work_unit_id
     where r.meeting_id = ${meeting.id} and ${visibleTo(user)}
     order by w.name, action_items.title`);
}
