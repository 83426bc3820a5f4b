import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, tstz } from "./_shared";
import { meetings } from "./meetings";
import { users } from "./org";

export const auditLogs = pgTable(
  "audit_logs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    diff: jsonb("diff").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_logs_entity_idx").on(t.entityType, t.entityId, t.createdAt),
    index("audit_logs_actor_idx").on(t.actorId),
    index("audit_logs_created_idx").on(t.createdAt),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** Makes reminder jobs idempotent: the same reminder is never created twice. */
    dedupeKey: text("dedupe_key"),
    readAt: tstz("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_unread_idx").on(t.userId, t.readAt, t.createdAt),
    uniqueIndex("notifications_dedupe_uq").on(t.dedupeKey),
  ],
);

/**
 * A person's choice not to be e-mailed about one kind of notice (the notice still shows in the
 * app). No row: e-mail is sent. Read set-based by every fan-out (NOT EXISTS on the primary key).
 */
export const notificationEmailMutes = pgTable(
  "notification_email_mutes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), check("notification_email_mutes_kind_ck", sql`length(kind) between 1 and 40`)],
);

/** Outgoing email: sent through SMTP when configured, otherwise kept here for admins to read. */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    attachments: jsonb("attachments").$type<{ filename: string; contentType: string; content: string }[]>().notNull().default([]),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    dedupeKey: text("dedupe_key"),
    sentAt: tstz("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_emails_status_idx").on(t.status, t.createdAt),
    uniqueIndex("outbox_emails_dedupe_uq").on(t.dedupeKey),
    check("outbox_emails_status_ck", sql`status in ('pending','sent','kept','failed')`),
  ],
);

/** Runs of scheduled jobs (reminders), so several instances never run one twice at once. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    job: text("job").notNull(),
    startedAt: createdAt(),
    finishedAt: tstz("finished_at"),
    result: jsonb("result").$type<Record<string, unknown>>(),
  },
  (t) => [index("job_runs_job_idx").on(t.job, t.startedAt)],
);

/**
 * The last rendering of a meeting's official PDF (attendance list, minutes, invitation), stored
 * under the hash of everything it shows: the next download of unchanged content is a read, any
 * change (a person recorded, a title edited) renders it again. One row per meeting and kind.
 */
export const documentRenders = pgTable(
  "document_renders",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    contentHash: text("content_hash").notNull(),
    body: bytea("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("document_renders_meeting_kind_uq").on(t.meetingId, t.kind)],
);

/**
 * Facts about this installation, one row per key: "demo_seeded" is set by the demo seed (the
 * login page shows the demo password only then).
 */
export const appFlags = pgTable("app_flags", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull().default(true),
  setAt: tstz("set_at").notNull().defaultNow(),
});

/** The app_flags key the demo seed sets. */
export const DEMO_SEEDED_FLAG = "demo_seeded";

export type AuditLog = typeof auditLogs.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
