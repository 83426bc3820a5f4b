import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, tstz, updatedAt, version } from "./_shared";
import { users } from "./org";

/**
 * What the API's integrations keep: Idempotency-Key answers (safe retries), the event feed
 * (written by triggers in the transaction of each change), webhook subscriptions and their deliveries.
 */

/** The kinds of events an outside system can read (GET /events) or subscribe to (webhooks). */
export const EVENT_KINDS = [
  "meeting.created",
  "meeting.published",
  "meeting.rescheduled",
  "meeting.cancelled",
  "meeting.completed",
  "agenda.changed",
  "speakers.changed",
  "invitation.answered",
  "attendance.recorded",
  "minutes.finalized",
  "letter.issued",
  "follow-up.created",
  "follow-up.transitioned",
  "follow-up.verified",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The first answer to a POST sent with an Idempotency-Key, kept at least 24 hours per token (or user). */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "token:<id>" or "user:<id>": keys of different clients never meet. */
    owner: text("owner").notNull(),
    key: text("key").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    /** sha256 of method, path and body: the same key with another request is refused (422). */
    requestHash: text("request_hash").notNull(),
    /** Null while the first request is still running. */
    status: integer("status"),
    responseBody: text("response_body"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    expiresAt: tstz("expires_at").notNull(),
  },
  (t) => [
    uniqueIndex("idempotency_keys_owner_key_uq").on(t.owner, t.key),
    index("idempotency_keys_expires_idx").on(t.expiresAt),
    check("idempotency_keys_key_ck", sql`length(key) between 1 and 255`),
  ],
);

/**
 * The event feed. Rows are written by triggers (see the migration's custom SQL) in the transaction
 * of the change. `txId` is the writing transaction's id: readers only see events of transactions
 * older than every running one and read in (txId, id) order, so a late commit is never skipped.
 */
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    txId: bigint("tx_id", { mode: "number" })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    kind: text("kind").$type<EventKind>().notNull(),
    /** No foreign keys: the feed outlives what it tells about (visibility is checked on read). */
    meetingId: uuid("meeting_id"),
    actionItemId: uuid("action_item_id"),
    /** The record the event is about (meeting, invitation, attendance, follow-up…). */
    subjectId: uuid("subject_id").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("events_tx_id_idx").on(t.txId, t.id),
    index("events_meeting_idx").on(t.meetingId, t.txId),
    index("events_action_item_idx").on(t.actionItemId),
    check("events_kind_ck", sql.raw(`kind in (${sqlList(EVENT_KINDS)})`)),
  ],
);

/** Where a reader of the feed is (the webhook fan-out's own position). */
export const eventCursors = pgTable("event_cursors", {
  name: text("name").primaryKey(),
  txId: bigint("tx_id", { mode: "number" }).notNull().default(0),
  eventId: bigint("event_id", { mode: "number" }).notNull().default(0),
  updatedAt: updatedAt(),
});

export const webhookSubscriptions = pgTable(
  "webhook_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Events are sent as this user may see them. */
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** Empty: every kind. */
    kinds: text("kinds").array().$type<EventKind[]>().notNull().default(sql`'{}'::text[]`),
    secret: text("secret").notNull(),
    active: boolean("active").notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_subscriptions_owner_idx").on(t.ownerUserId), check("webhook_subscriptions_url_ck", sql`length(url) between 8 and 2000`)],
);

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

/** One event sent to one subscription: every attempt's outcome, the exact signed body, for inspection and redelivery. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    status: text("status").$type<(typeof WEBHOOK_DELIVERY_STATUSES)[number]>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** The JSON body sent (the same on every attempt; the signature's timestamp changes). */
    payload: text("payload").notNull(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    /** The receiver's answer, capped. */
    lastResponseBody: text("last_response_body"),
    lastAttemptAt: tstz("last_attempt_at"),
    deliveredAt: tstz("delivered_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_sub_event_uq").on(t.subscriptionId, t.eventId),
    index("webhook_deliveries_event_idx").on(t.eventId),
    index("webhook_deliveries_sub_created_idx").on(t.subscriptionId, t.createdAt),
    check("webhook_deliveries_status_ck", sql.raw(`status in (${sqlList(WEBHOOK_DELIVERY_STATUSES)})`)),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type WebhookSubscription = typeof webhookSubscriptions.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
