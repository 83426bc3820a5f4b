import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { TIME_ZONES, createdAt, sqlList, tstz, updatedAt, version } from "./_shared";
import { rooms } from "./offices";
import { users, workUnits } from "./org";
import { MEETING_KINDS, MEETING_STATUSES, SERIES_RULES, SPEAKER_ROLES, RSVP_RESPONSES, ATTENDANCE_STATUSES, CHECK_IN_METHODS, AGENDA_ITEM_KINDS } from "./_enums";

export { MEETING_KINDS, MEETING_STATUSES, SERIES_RULES, SPEAKER_ROLES, RSVP_RESPONSES, ATTENDANCE_STATUSES, CHECK_IN_METHODS, AGENDA_ITEM_KINDS };

export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type SeriesRule = (typeof SERIES_RULES)[number];
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const meetingSeries = pgTable(
  "meeting_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rule: text("rule").$type<SeriesRule>().notNull(),
    occurrences: integer("occurrences"),
    untilDate: date("until_date"),
    templateMeetingId: uuid("template_meeting_id").references((): AnyPgColumn => meetings.id, {
      onDelete: "set null",
    }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("meeting_series_template_idx").on(t.templateMeetingId),
    index("meeting_series_created_by_idx").on(t.createdBy),
    check("meeting_series_rule_ck", sql.raw(`rule in (${sqlList(SERIES_RULES)})`)),
    check("meeting_series_bound_ck", sql`occurrences is not null or until_date is not null`),
    check("meeting_series_occ_ck", sql`occurrences is null or occurrences between 1 and 60`),
  ],
);

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    topic: text("topic").notNull().default(""),
    description: text("description").notNull().default(""),
    kind: text("kind").$type<MeetingKind>().notNull().default("rakor"),
    startsAt: tstz("starts_at").notNull(),
    endsAt: tstz("ends_at").notNull(),
    timeZone: text("time_zone").notNull(),
    /** Free text: the chosen room's name, or another place ("other place"). */
    location: text("location").notNull().default(""),
    /** The location compared case- and space-insensitively for room conflicts. */
    locationKey: text("location_key").generatedAlwaysAs(sql`lower(regexp_replace(btrim(location), '\\s+', ' ', 'g'))`),
    roomId: uuid("room_id").references(() => rooms.id, { onDelete: "set null" }),
    onlineUrl: text("online_url"),
    organizerUnitId: uuid("organizer_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "restrict" }),
    chairUserId: uuid("chair_user_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status").$type<MeetingStatus>().notNull().default("draft"),
    cancelReason: text("cancel_reason"),
    seriesId: uuid("series_id").references(() => meetingSeries.id, { onDelete: "set null" }),
    seriesIndex: integer("series_index"),
    /** Secret code of the self check-in link / QR code. */
    checkInCode: text("check_in_code")
      .notNull()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    /** iCalendar SEQUENCE: bumped on every reschedule or cancellation. */
    sequence: integer("sequence").notNull().default(0),
    version: version(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("meetings_updated_idx").on(t.updatedAt, t.id),
    // The meeting list's keyset order (starts_at desc, id desc) and the agenda's time window.
    index("meetings_starts_at_idx").on(t.startsAt, t.id),
    index("meetings_status_starts_idx").on(t.status, t.startsAt),
    index("meetings_organizer_starts_idx").on(t.organizerUnitId, t.startsAt),
    index("meetings_chair_idx").on(t.chairUserId),
    index("meetings_series_idx").on(t.seriesId),
    index("meetings_location_key_starts_idx").on(t.locationKey, t.startsAt),
    index("meetings_room_starts_idx").on(t.roomId, t.startsAt),
    index("meetings_created_by_idx").on(t.createdBy),
    index("meetings_updated_by_idx").on(t.updatedBy),
    uniqueIndex("meetings_check_in_code_uq").on(t.checkInCode),
    check("meetings_time_ck", sql`ends_at > starts_at`),
    check("meetings_kind_ck", sql.raw(`kind in (${sqlList(MEETING_KINDS)})`)),
    check("meetings_status_ck", sql.raw(`status in (${sqlList(MEETING_STATUSES)})`)),
    check("meetings_tz_ck", sql.raw(`time_zone in (${sqlList(TIME_ZONES)})`)),
    check("meetings_title_ck", sql`length(title) between 1 and 200`),
    check("meetings_cancel_ck", sql`status <> 'cancelled' or cancel_reason is not null`),
  ],
);

/** Earlier times of a rescheduled meeting. */
export const meetingReschedules = pgTable(
  "meeting_reschedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    previousStartsAt: tstz("previous_starts_at").notNull(),
    previousEndsAt: tstz("previous_ends_at").notNull(),
    newStartsAt: tstz("new_starts_at").notNull(),
    newEndsAt: tstz("new_ends_at").notNull(),
    reason: text("reason"),
    changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("meeting_reschedules_meeting_idx").on(t.meetingId),
    index("meeting_reschedules_changed_by_idx").on(t.changedBy),
  ],
);

export const speakers = pgTable(
  "speakers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name"),
    position: text("position"),
    organization: text("organization"),
    role: text("role").$type<SpeakerRole>().notNull(),
    onBehalfOf: text("on_behalf_of"),
    topic: text("topic"),
    sortOrder: integer("sort_order").notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("speakers_updated_idx").on(t.updatedAt, t.id),
    index("speakers_meeting_idx").on(t.meetingId, t.sortOrder),
    index("speakers_user_idx").on(t.userId),
    check("speakers_role_ck", sql.raw(`role in (${sqlList(SPEAKER_ROLES)})`)),
    check("speakers_who_ck", sql`user_id is not null or (name is not null and length(name) > 0)`),
  ],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    durationMinutes: integer("duration_minutes").notNull(),
    presenterSpeakerId: uuid("presenter_speaker_id").references(() => speakers.id, { onDelete: "set null" }),
    kind: text("kind").$type<AgendaItemKind>().notNull().default("regular"),
    /** When the item actually started and ended in the room (the live console, issue 13). */
    actualStartedAt: tstz("actual_started_at"),
    actualEndedAt: tstz("actual_ended_at"),
    /** The secretariat's note taken during the item; it flows into the minutes draft. */
    liveNote: text("live_note").notNull().default(""),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("agenda_items_updated_idx").on(t.updatedAt, t.id),
    index("agenda_items_meeting_idx").on(t.meetingId, t.position),
    index("agenda_items_presenter_idx").on(t.presenterSpeakerId),
    check("agenda_items_duration_ck", sql`duration_minutes between 1 and 1440`),
    check("agenda_items_kind_ck", sql.raw(`kind in (${sqlList(AGENDA_ITEM_KINDS)})`)),
    check("agenda_items_title_ck", sql`length(title) between 1 and 200`),
    check("agenda_items_live_note_ck", sql`length(live_note) <= 5000`),
  ],
);

export type Delegate = { name: string; position?: string };

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    workUnitId: uuid("work_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "restrict" }),
    response: text("response").$type<RsvpResponse>().notNull().default("pending"),
    delegates: jsonb("delegates").$type<Delegate[]>().notNull().default([]),
    representedBy: text("represented_by"),
    reason: text("reason"),
    respondedBy: uuid("responded_by").references(() => users.id, { onDelete: "set null" }),
    respondedAt: tstz("responded_at"),
    /**
     * Set when the meeting was moved after the unit answered: the time the answer was given for.
     * The answer and representative are kept; the unit confirms or changes them ("perlu
     * konfirmasi ulang"), which clears these.
     */
    reconfirmStartsAt: tstz("reconfirm_starts_at"),
    reconfirmEndsAt: tstz("reconfirm_ends_at"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("invitations_updated_idx").on(t.updatedAt, t.id),
    uniqueIndex("invitations_meeting_unit_uq").on(t.meetingId, t.workUnitId),
    // "Meetings my unit is invited to" (agenda, lists): index-only join to the meeting.
    index("invitations_unit_idx").on(t.workUnitId, t.meetingId),
    index("invitations_responded_by_idx").on(t.respondedBy),
    // "Which units still have to reconfirm" for a meeting's secretariat.
    index("invitations_reconfirm_idx").on(t.meetingId).where(sql`reconfirm_starts_at is not null`),
    check("invitations_response_ck", sql.raw(`response in (${sqlList(RSVP_RESPONSES)})`)),
  ],
);

export const attendances = pgTable(
  "attendances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    guestName: text("guest_name"),
    guestPosition: text("guest_position"),
    guestOrganization: text("guest_organization"),
    workUnitId: uuid("work_unit_id").references(() => workUnits.id, { onDelete: "restrict" }),
    status: text("status").$type<AttendanceStatus>().notNull(),
    representedBy: text("represented_by"),
    checkedInAt: tstz("checked_in_at"),
    method: text("method").$type<(typeof CHECK_IN_METHODS)[number]>().notNull().default("manual"),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("attendances_updated_idx").on(t.updatedAt, t.id),
    index("attendances_meeting_unit_idx").on(t.meetingId, t.workUnitId),
    uniqueIndex("attendances_meeting_user_uq").on(t.meetingId, t.userId).where(sql`user_id is not null`),
    index("attendances_user_idx").on(t.userId),
    index("attendances_unit_idx").on(t.workUnitId),
    index("attendances_recorded_by_idx").on(t.recordedBy),
    check("attendances_status_ck", sql.raw(`status in (${sqlList(ATTENDANCE_STATUSES)})`)),
    check("attendances_method_ck", sql.raw(`method in (${sqlList(CHECK_IN_METHODS)})`)),
    check("attendances_who_ck", sql`user_id is not null or (guest_name is not null and length(guest_name) > 0)`),
    check("attendances_repr_ck", sql`status <> 'represented' or represented_by is not null`),
  ],
);

export const minutes = pgTable(
  "minutes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    summary: text("summary").notNull().default(""),
    finalizedAt: tstz("finalized_at"),
    finalizedBy: uuid("finalized_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("minutes_updated_idx").on(t.updatedAt, t.id),
    uniqueIndex("minutes_meeting_uq").on(t.meetingId),
    index("minutes_finalized_by_idx").on(t.finalizedBy),
    index("minutes_updated_by_idx").on(t.updatedBy),
  ],
);

export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    text: text("text").notNull(),
    /** The agenda item the decision was taken under (issue 23); null: the meeting as a whole. */
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("decisions_updated_idx").on(t.updatedAt, t.id),
    uniqueIndex("decisions_meeting_number_uq").on(t.meetingId, t.number),
    index("decisions_created_by_idx").on(t.createdBy),
    index("decisions_agenda_item_idx").on(t.agendaItemId),
    check("decisions_number_ck", sql`number >= 1`),
    check("decisions_text_ck", sql`length(text) between 1 and 5000`),
  ],
);

/**
 * Legacy (before issue 19): the invitation letter of a meeting. Its rows were copied into `letters`
 * by migration 0008; nothing reads or writes it any more.
 */
export const invitationLetters = pgTable(
  "invitation_letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    letterDate: date("letter_date").notNull(),
    placeName: text("place_name").notNull(),
    signerName: text("signer_name").notNull(),
    signerPosition: text("signer_position").notNull(),
    signerNip: varchar("signer_nip", { length: 18 }),
    issuedBy: uuid("issued_by").references(() => users.id, { onDelete: "set null" }),
    issuedAt: tstz("issued_at").notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    uniqueIndex("invitation_letters_meeting_uq").on(t.meetingId),
    index("invitation_letters_issued_by_idx").on(t.issuedBy),
    check("invitation_letters_number_ck", sql`length(number) between 1 and 100`),
    check("invitation_letters_nip_ck", sql`signer_nip is null or signer_nip ~ '^[0-9]{18}$'`),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type Speaker = typeof speakers.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type Attendance = typeof attendances.$inferSelect;
export type Minutes = typeof minutes.$inferSelect;
export type Decision = typeof decisions.$inferSelect;
export type InvitationLetter = typeof invitationLetters.$inferSelect;
