import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, tstz, updatedAt, version } from "./_shared";
import { agendaItems, meetings, speakers } from "./meetings";
import { users, workUnits } from "./org";

/** What is happening in the room right now: one row per meeting that has been run live. */
export const meetingLive = pgTable(
  "meeting_live",
  {
    meetingId: uuid("meeting_id")
      .primaryKey()
      .references(() => meetings.id, { onDelete: "cascade" }),
    currentItemId: uuid("current_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    currentSpeakerId: uuid("current_speaker_id").references(() => speakers.id, { onDelete: "set null" }),
    speakerCalledAt: tstz("speaker_called_at"),
    /** The secretariat may close self check-in before the window ends (and open it again). */
    checkInOpen: boolean("check_in_open").notNull().default(true),
    /** The speakers' queue (daftar bicara, issue 23): participants may ask to speak while it is open. */
    queueOpen: boolean("queue_open").notNull().default(true),
    /** Minutes a participant's turn may take (shown on the room screen); null: no limit. */
    turnMinutes: integer("turn_minutes"),
    version: version(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("meeting_live_item_idx").on(t.currentItemId),
    index("meeting_live_speaker_idx").on(t.currentSpeakerId),
    index("meeting_live_updated_by_idx").on(t.updatedBy),
    check("meeting_live_turn_minutes_ck", sql`turn_minutes is null or turn_minutes between 1 and 60`),
  ],
);

export const LIVE_EVENT_KINDS = ["item", "speaker", "attendance", "check_in", "check_in_toggle", "note", "status", "queue"] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/**
 * Every live change as an event: SSE clients resume from Last-Event-ID by reading id > last. Rows
 * older than a day are deleted as new ones are written (lib/live/publish.ts).
 */
export const liveEvents = pgTable(
  "live_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind").$type<LiveEventKind>().notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("live_events_meeting_id_idx").on(t.meetingId, t.id),
    index("live_events_created_at_idx").on(t.createdAt),
    check("live_events_kind_ck", sql.raw(`kind in (${LIVE_EVENT_KINDS.map((k) => `'${k}'`).join(",")})`)),
  ],
);

/** A revocable link that opens the room screen without signing in (the token is stored hashed). */
export const screenLinks = pgTable(
  "screen_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [
    uniqueIndex("screen_links_token_hash_uq").on(t.tokenHash),
    index("screen_links_meeting_idx").on(t.meetingId),
    index("screen_links_created_by_idx").on(t.createdBy),
  ],
);

export const TURN_STATUSES = ["waiting", "speaking", "done", "skipped", "withdrawn"] as const;
export type TurnStatus = (typeof TURN_STATUSES)[number];

/**
 * Speaking turns (issue 23): a participant's request to speak from the speakers' queue (waiting →
 * speaking → done, or skipped / withdrawn) and every planned speaker called from the console
 * (inserted as speaking). Who, which agenda item, from–to: the notulen lists them under the item.
 */
export const speakingTurns = pgTable(
  "speaking_turns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    /** The participant who asked (queue); null for a planned speaker. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The planned speaker called from the console; null for a queue request. */
    speakerId: uuid("speaker_id").references(() => speakers.id, { onDelete: "set null" }),
    /** The name as it was when the turn was asked for or given (kept for the record). */
    name: text("name").notNull(),
    workUnitId: uuid("work_unit_id").references(() => workUnits.id, { onDelete: "set null" }),
    /** The item named by the participant, else the item running when the floor was given. */
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    topic: text("topic").notNull().default(""),
    status: text("status").$type<TurnStatus>().notNull().default("waiting"),
    requestedAt: tstz("requested_at").notNull().defaultNow(),
    startedAt: tstz("started_at"),
    endedAt: tstz("ended_at"),
    allowedMinutes: integer("allowed_minutes"),
    version: version(),
  },
  (t) => [
    // The queue in order (waiting, oldest first) and the one speaking now.
    index("speaking_turns_queue_idx").on(t.meetingId, t.status, t.requestedAt),
    // The notulen: turns of a meeting in the order they were given.
    index("speaking_turns_started_idx").on(t.meetingId, t.startedAt).where(sql`started_at is not null`),
    // One open request per person and meeting; one speaker at a time.
    uniqueIndex("speaking_turns_open_uq").on(t.meetingId, t.userId).where(sql`status in ('waiting', 'speaking') and user_id is not null`),
    uniqueIndex("speaking_turns_speaking_uq").on(t.meetingId).where(sql`status = 'speaking'`),
    index("speaking_turns_user_idx").on(t.userId),
    index("speaking_turns_speaker_idx").on(t.speakerId),
    index("speaking_turns_unit_idx").on(t.workUnitId),
    index("speaking_turns_item_idx").on(t.agendaItemId),
    check("speaking_turns_status_ck", sql.raw(`status in (${sqlList(TURN_STATUSES)})`)),
    check("speaking_turns_topic_ck", sql`length(topic) <= 200`),
    check("speaking_turns_name_ck", sql`length(name) between 1 and 200`),
    check("speaking_turns_allowed_ck", sql`allowed_minutes is null or allowed_minutes between 1 and 60`),
    check("speaking_turns_times_ck", sql`ended_at is null or (started_at is not null and ended_at >= started_at)`),
    check("speaking_turns_started_ck", sql`status not in ('speaking', 'done') or started_at is not null`),
  ],
);

export type SpeakingTurn = typeof speakingTurns.$inferSelect;
export type MeetingLive = typeof meetingLive.$inferSelect;
export type LiveEvent = typeof liveEvents.$inferSelect;
export type ScreenLink = typeof screenLinks.$inferSelect;
