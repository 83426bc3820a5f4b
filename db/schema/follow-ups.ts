import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { bytea, createdAt, sqlList, tstz, updatedAt, version } from "./_shared";
import { decisions, meetings } from "./meetings";
import { users, workUnits } from "./org";
import { ACTION_ITEM_STATUSES, PRIORITIES, UPDATE_KINDS, EXTENSION_STATUSES } from "./_enums";

export { ACTION_ITEM_STATUSES, PRIORITIES, UPDATE_KINDS, EXTENSION_STATUSES };

export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** Follow-up categories: the nine obligations of UU 25/2009, editable by admins. */
export const categories = pgTable(
  "categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: varchar("code", { length: 40 }).notNull(),
    nameId: text("name_id").notNull(),
    nameEn: text("name_en").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("categories_code_uq").on(t.code), index("categories_sort_idx").on(t.sortOrder), index("categories_updated_idx").on(t.updatedAt, t.id)],
);

export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    /**
     * The source meeting's start, kept by triggers (set from the meeting on insert and when the
     * meeting changes; moved with a rescheduled meeting): the review at a later rakor asks "came
     * before this meeting" of thousands of items without reading each one's meeting.
     */
    sourceStartsAt: tstz("source_starts_at"),
    decisionId: uuid("decision_id").references(() => decisions.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    workUnitId: uuid("work_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "restrict" }),
    picUserId: uuid("pic_user_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: date("due_date").notNull(),
    priority: text("priority").$type<Priority>().notNull().default("medium"),
    status: text("status").$type<ActionItemStatus>().notNull().default("open"),
    progress: integer("progress").notNull().default(0),
    cancelReason: text("cancel_reason"),
    reportedAt: tstz("reported_at"),
    reportedBy: uuid("reported_by").references(() => users.id, { onDelete: "set null" }),
    verifiedAt: tstz("verified_at"),
    verifiedBy: uuid("verified_by").references(() => users.id, { onDelete: "set null" }),
    version: version(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("action_items_updated_idx").on(t.updatedAt, t.id),
    index("action_items_meeting_idx").on(t.meetingId),
    index("action_items_decision_idx").on(t.decisionId),
    index("action_items_category_idx").on(t.categoryId),
    index("action_items_unit_status_due_idx").on(t.workUnitId, t.status, t.dueDate),
    // Open items (not verified or cancelled) per unit by due date: "my unit's open follow-ups",
    // overdue counts of the dashboard (index-only, with the category), the reminders' window.
    index("action_items_open_unit_due_idx")
      .on(t.workUnitId, t.dueDate, t.categoryId)
      .where(sql`status in ('open', 'in_progress', 'reported')`),
    // The overdue / due-soon lists across units, in list order (keyset on due date, id).
    index("action_items_open_due_idx").on(t.dueDate, t.id).where(sql`status in ('open', 'in_progress', 'reported')`),
    // The list's keyset order.
    index("action_items_due_id_idx").on(t.dueDate, t.id),
    // Dashboard: verified items per unit (median days to verify, the trend's verifications).
    index("action_items_verified_unit_idx").on(t.workUnitId, t.verifiedAt, t.createdAt, t.categoryId).where(sql`status = 'verified'`),
    // Dashboard trend: items created per unit and month.
    index("action_items_unit_created_idx").on(t.workUnitId, t.createdAt),
    index("action_items_status_due_idx").on(t.status, t.dueDate),
    index("action_items_pic_idx").on(t.picUserId),
    index("action_items_created_at_idx").on(t.createdAt),
    index("action_items_reported_by_idx").on(t.reportedBy),
    index("action_items_verified_by_idx").on(t.verifiedBy),
    index("action_items_created_by_idx").on(t.createdBy),
    check("action_items_status_ck", sql.raw(`status in (${sqlList(ACTION_ITEM_STATUSES)})`)),
    check("action_items_priority_ck", sql.raw(`priority in (${sqlList(PRIORITIES)})`)),
    check("action_items_progress_ck", sql`progress between 0 and 100`),
    check("action_items_title_ck", sql`length(title) between 1 and 300`),
    check("action_items_cancel_ck", sql`status <> 'cancelled' or cancel_reason is not null`),
  ],
);

/**
 * Follow-up counts per unit, category and status for the dashboard, kept current by statement
 * triggers on action_items in the same transaction as every change (see the migration's custom
 * SQL). Each change appends delta rows (+1/-1) instead of updating a hot row, so concurrent
 * writers never wait for each other; the reminders job folds the deltas back into one row per
 * (unit, category, status). Sum `n` (and `on_time`) per group to read it.
 */
export const followUpCounts = pgTable(
  "follow_up_counts",
  {
    workUnitId: uuid("work_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    status: text("status").$type<ActionItemStatus>().notNull(),
    n: integer("n").notNull(),
    /** Of those, verified items reported on or before their due date (in the unit's zone). */
    onTime: integer("on_time").notNull().default(0),
  },
  (t) => [
    index("follow_up_counts_unit_idx").on(t.workUnitId, t.categoryId, t.status),
    index("follow_up_counts_category_idx").on(t.categoryId),
  ],
);

/**
 * How many verified follow-ups took how many whole days from creation to verification, per unit
 * and category: the dashboard's median is read from this histogram (a few rows per unit) instead of
 * sorting every verified item. Kept by the same triggers and folded by the same job as
 * follow_up_counts.
 */
export const followUpVerifyDays = pgTable(
  "follow_up_verify_days",
  {
    workUnitId: uuid("work_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    days: integer("days").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    index("follow_up_verify_days_unit_idx").on(t.workUnitId, t.categoryId, t.days),
    index("follow_up_verify_days_category_idx").on(t.categoryId),
  ],
);

/**
 * Follow-ups created and verified per unit and calendar month (the month in the unit's own zone):
 * the dashboard's 12-month trend reads a dozen rows per unit instead of every item of the year.
 * Delta rows kept by the same triggers and folded by the same job as follow_up_counts.
 */
export const followUpMonths = pgTable(
  "follow_up_months",
  {
    workUnitId: uuid("work_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "cascade" }),
    month: date("month").notNull(),
    created: integer("created").notNull().default(0),
    verified: integer("verified").notNull().default(0),
  },
  (t) => [index("follow_up_months_unit_idx").on(t.workUnitId, t.month)],
);

/**
 * Overdue follow-ups without counting them on every view. For each unit, `cutoff` is a date such
 * that follow_up_overdue holds the number of its unfinished follow-ups due before that date, per
 * category. A statement trigger on action_items appends the delta rows in the transaction of every
 * change (after locking the unit's cutoff row FOR KEY SHARE); the reminders job moves each unit's
 * cutoff to today in the unit's zone (locking the row FOR UPDATE SKIP LOCKED, so it never waits on
 * a writer) and adds the items that fell due meanwhile. The dashboard reads the deltas plus the few
 * items due between the cutoff and today (an index range, usually empty). A unit gets its row,
 * at '-infinity' (nothing counted yet), when it is created.
 */
export const overdueCutoffs = pgTable("overdue_cutoffs", {
  workUnitId: uuid("work_unit_id")
    .primaryKey()
    .references(() => workUnits.id, { onDelete: "cascade" }),
  cutoff: date("cutoff").notNull(),
});

/** Delta rows: unfinished follow-ups due before their unit's cutoff, per unit and category (see overdueCutoffs). */
export const followUpOverdue = pgTable(
  "follow_up_overdue",
  {
    workUnitId: uuid("work_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    n: integer("n").notNull(),
  },
  (t) => [
    index("follow_up_overdue_unit_idx").on(t.workUnitId, t.categoryId),
    index("follow_up_overdue_category_idx").on(t.categoryId),
  ],
);

/** Uploaded evidence (bukti dukung), kept in PostgreSQL so every app instance serves it. */
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionItemId: uuid("action_item_id")
      .notNull()
      .references(() => actionItems.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    /** Bytes in the database, or null when kept in an S3-compatible store under storageKey. */
    data: bytea("data"),
    storageKey: text("storage_key"),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("evidence_files_item_idx").on(t.actionItemId),
    index("evidence_files_uploaded_by_idx").on(t.uploadedBy),
    check("evidence_files_size_ck", sql`size between 1 and 10485760`),
    check("evidence_files_where_ck", sql`data is not null or storage_key is not null`),
  ],
);

export const actionItemUpdates = pgTable(
  "action_item_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionItemId: uuid("action_item_id")
      .notNull()
      .references(() => actionItems.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<UpdateKind>().notNull(),
    fromStatus: text("from_status").$type<ActionItemStatus>(),
    toStatus: text("to_status").$type<ActionItemStatus>(),
    progress: integer("progress"),
    note: text("note").notNull().default(""),
    evidenceUrl: text("evidence_url"),
    evidenceFileId: uuid("evidence_file_id").references(() => evidenceFiles.id, { onDelete: "set null" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("action_item_updates_item_idx").on(t.actionItemId, t.createdAt),
    index("action_item_updates_author_idx").on(t.authorId),
    index("action_item_updates_file_idx").on(t.evidenceFileId),
    index("action_item_updates_meeting_idx").on(t.meetingId),
    check("action_item_updates_kind_ck", sql.raw(`kind in (${sqlList(UPDATE_KINDS)})`)),
    check("action_item_updates_progress_ck", sql`progress is null or progress between 0 and 100`),
  ],
);

export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionItemId: uuid("action_item_id")
      .notNull()
      .references(() => actionItems.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    currentDueDate: date("current_due_date").notNull(),
    requestedDueDate: date("requested_due_date").notNull(),
    reason: text("reason").notNull(),
    status: text("status").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: tstz("decided_at"),
    decisionNote: text("decision_note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("extension_requests_item_idx").on(t.actionItemId),
    index("extension_requests_requested_by_idx").on(t.requestedBy),
    index("extension_requests_decided_by_idx").on(t.decidedBy),
    index("extension_requests_status_idx").on(t.status),
    uniqueIndex("extension_requests_one_pending_uq").on(t.actionItemId).where(sql`status = 'pending'`),
    check("extension_requests_status_ck", sql.raw(`status in (${sqlList(EXTENSION_STATUSES)})`)),
    check("extension_requests_date_ck", sql`requested_due_date > current_due_date`),
  ],
);

/** Follow-ups reviewed at a later rakor (recorded in its minutes). */
export const actionItemReviews = pgTable(
  "action_item_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    actionItemId: uuid("action_item_id")
      .notNull()
      .references(() => actionItems.id, { onDelete: "cascade" }),
    statusAtReview: text("status_at_review").$type<ActionItemStatus>().notNull(),
    note: text("note").notNull().default(""),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("action_item_reviews_uq").on(t.meetingId, t.actionItemId),
    index("action_item_reviews_item_idx").on(t.actionItemId),
    index("action_item_reviews_reviewed_by_idx").on(t.reviewedBy),
  ],
);

export type Category = typeof categories.$inferSelect;
export type ActionItem = typeof actionItems.$inferSelect;
export type NewActionItem = typeof actionItems.$inferInsert;
export type ActionItemUpdate = typeof actionItemUpdates.$inferSelect;
