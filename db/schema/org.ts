import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { TIME_ZONES, createdAt, sqlList, tstz, updatedAt, version } from "./_shared";
import { WORK_UNIT_KINDS, ROLES } from "./_enums";

export { WORK_UNIT_KINDS, ROLES };

export type WorkUnitKind = (typeof WORK_UNIT_KINDS)[number];

export type Role = (typeof ROLES)[number];

export const workUnits = pgTable(
  "work_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => workUnits.id, { onDelete: "restrict" }),
    code: varchar("code", { length: 40 }).notNull(),
    name: text("name").notNull(),
    kind: text("kind").$type<WorkUnitKind>().notNull(),
    timeZone: text("time_zone").notNull().default("Asia/Jakarta"),
    /** The city the unit sits in: letters to units of the sender's city say "di tempat". */
    city: text("city").notNull().default(""),
    active: boolean("active").notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("work_units_updated_idx").on(t.updatedAt, t.id),
    uniqueIndex("work_units_code_uq").on(t.code),
    index("work_units_parent_idx").on(t.parentId),
    index("work_units_name_idx").on(t.name),
    check("work_units_kind_ck", sql.raw(`kind in (${sqlList(WORK_UNIT_KINDS)})`)),
    check("work_units_tz_ck", sql.raw(`time_zone in (${sqlList(TIME_ZONES)})`)),
    check("work_units_name_ck", sql`length(name) between 1 and 200`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    nip: varchar("nip", { length: 18 }),
    position: text("position").notNull().default(""),
    workUnitId: uuid("work_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "restrict" }),
    role: text("role").$type<Role>().notNull(),
    /** Null: no password (the person signs in through SSO, or an admin sets one). */
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    /** Bumped on deactivation, role/unit change or password reset: older sessions stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    /**
     * A designated contact of their unit: told about the unit's new follow-ups, reminders of
     * items without a person in charge, and meeting invitations (with the unit's heads). Keeps
     * notifications bounded however large the unit is.
     */
    unitContact: boolean("unit_contact").notNull().default(false),
    /** Secret of the personal calendar feed URL; regenerating it revokes the old URL. */
    calendarToken: text("calendar_token"),
    locale: varchar("locale", { length: 5 }).notNull().default("id"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sync order of ?updatedSince= (updated_at, id).
    index("users_updated_idx").on(t.updatedAt, t.id),
    uniqueIndex("users_email_uq").on(sql`lower(${t.email})`),
    uniqueIndex("users_nip_uq").on(t.nip),
    uniqueIndex("users_calendar_token_uq").on(t.calendarToken),
    index("users_work_unit_idx").on(t.workUnitId),
    index("users_role_idx").on(t.role),
    index("users_name_idx").on(t.name),
    index("users_unit_contact_idx").on(t.workUnitId).where(sql`unit_contact and active`),
    check("users_role_ck", sql.raw(`role in (${sqlList(ROLES)})`)),
    check("users_nip_ck", sql`nip is null or nip ~ '^[0-9]{18}$'`),
    check("users_email_ck", sql`position('@' in email) > 1`),
    check("users_locale_ck", sql`locale in ('id','en')`),
  ],
);

/** Failed sign-ins, shared by every app instance (throttling lives in the database). */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "account:<identifier>" or "ip:<address>" */
    key: text("key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("login_attempts_key_time_idx").on(t.key, t.createdAt)],
);

/** Personal API tokens (stored hashed; shown once). */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: tstz("expires_at"),
    lastUsedAt: tstz("last_used_at"),
    revokedAt: tstz("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_uq").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId),
  ],
);

/** Fixed-window request counters per API token (shared by every instance). */
export const apiRateWindows = pgTable(
  "api_rate_windows",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    windowStart: tstz("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [uniqueIndex("api_rate_windows_pk").on(t.tokenId, t.windowStart)],
);

/** Fixed-window request counters per user for API calls made with a session cookie (shared by every instance). */
export const apiUserRateWindows = pgTable(
  "api_user_rate_windows",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    windowStart: tstz("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [uniqueIndex("api_user_rate_windows_pk").on(t.userId, t.windowStart)],
);

export type WorkUnit = typeof workUnits.$inferSelect;
export type NewWorkUnit = typeof workUnits.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
