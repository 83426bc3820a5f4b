import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz, updatedAt, version } from "./_shared";
import { agendaItems, meetings, speakers } from "./meetings";
import { users } from "./org";

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
    version: version(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("meeting_live_item_idx").on(t.currentItemId),
    index("meeting_live_speaker_idx").on(t.currentSpeakerId),
    index("meeting_live_updated_by_idx").on(t.updatedBy),
  ],
);

export const LIVE_EVENT_KINDS = ["item", "speaker", "attendance", "check_in", "check_in_toggle", "note", "status"] as const;
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

export type MeetingLive = typeof meetingLive.$inferSelect;
export type LiveEvent = typeof liveEvents.$inferSelect;
export type ScreenLink = typeof screenLinks.$inferSelect;
