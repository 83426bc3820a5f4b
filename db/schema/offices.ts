import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, updatedAt, version } from "./_shared";
import { users, workUnits } from "./org";

/**
 * Rooms of a regional office (the root of a unit tree), managed by admins. A meeting picks one
 * (`meetings.room_id`) or names another place as free text; conflicts compare both.
 */
export const rooms = pgTable(
  "rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeUnitId: uuid("office_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    building: text("building").notNull().default(""),
    capacity: integer("capacity"),
    active: boolean("active").notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("rooms_office_name_uq").on(t.officeUnitId, sql`lower(${t.name})`),
    check("rooms_name_ck", sql`length(name) between 1 and 200`),
    check("rooms_capacity_ck", sql`capacity is null or capacity between 1 and 100000`),
  ],
);

/**
 * The letterhead and letter conventions (tata naskah dinas) of a regional office: one row per
 * office, edited by admins. The logo is kept in the database so every instance serves it.
 */
export const officeSettings = pgTable(
  "office_settings",
  {
    officeUnitId: uuid("office_unit_id")
      .primaryKey()
      .references(() => workUnits.id, { onDelete: "cascade" }),
    ministryLine: text("ministry_line").notNull().default(""),
    officeName: text("office_name").notNull().default(""),
    address: text("address").notNull().default(""),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    website: text("website").notNull().default(""),
    placeName: text("place_name").notNull().default(""),
    logo: bytea("logo"),
    logoContentType: text("logo_content_type"),
    defaultSignerUserId: uuid("default_signer_user_id").references(() => users.id, { onDelete: "set null" }),
    /** e.g. "W15.IMI-UM.01.01-{n}"; {n} is the running number, {yyyy} the year, {mm} the month. */
    letterNumberFormat: text("letter_number_format").notNull().default(""),
    /** Legacy (before issue 19): copied into letter_sequences by migration 0008; no longer read. */
    letterNumberNext: integer("letter_number_next").notNull().default(1),
    /** Tembusan printed on every letter unless the letter says otherwise (one line each). */
    defaultCopies: jsonb("default_copies").$type<string[]>().notNull().default([]),
    /** Print the organizing division as an extra kop line (off by default). */
    showDivisionLine: boolean("show_division_line").notNull().default(false),
    version: version(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("office_settings_signer_idx").on(t.defaultSignerUserId),
    index("office_settings_updated_by_idx").on(t.updatedBy),
    check("office_settings_next_ck", sql`letter_number_next >= 1`),
    check("office_settings_logo_ck", sql`logo is null or (logo_content_type in ('image/png','image/jpeg') and octet_length(logo) <= 1048576)`),
  ],
);

/**
 * Public holidays and office days off (hari libur): a meeting planned on one asks for a
 * confirmation. A row without an office holds for every office (the national holidays, loaded by
 * the migration); an office adds its own (cuti bersama, a local holiday). Kept by admins.
 */
export const holidays = pgTable(
  "holidays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null: every office (a national holiday). */
    officeUnitId: uuid("office_unit_id").references(() => workUnits.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    name: text("name").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("holidays_office_date_uq").on(sql`coalesce(${t.officeUnitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.date),
    index("holidays_date_idx").on(t.date),
    index("holidays_office_idx").on(t.officeUnitId),
    index("holidays_created_by_idx").on(t.createdBy),
    check("holidays_name_ck", sql`length(name) between 1 and 200`),
  ],
);

export type Room = typeof rooms.$inferSelect;
export type Holiday = typeof holidays.$inferSelect;
export type OfficeSettings = typeof officeSettings.$inferSelect;
