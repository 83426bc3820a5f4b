import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, varchar, type AnyPgColumn } from "drizzle-orm/pg-core";
import { DOCUMENT_KINDS, LETTER_KINDS, LETTER_NATURES, ON_BEHALF_KINDS } from "./_enums";
import { bytea, createdAt, sqlList, tstz, version } from "./_shared";
import { meetings } from "./meetings";
import { users, workUnits } from "./org";

/**
 * The running numbers of an office's letters: one row per office, classification (the number
 * format, e.g. "W15.IMI-UM.01.01-{n}/{yyyy}") and year — so every 1 January starts at 1. Taken with
 * one upsert in the issuing transaction; never moves backwards.
 */
export const letterSequences = pgTable(
  "letter_sequences",
  {
    officeUnitId: uuid("office_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "cascade" }),
    classification: text("classification").notNull(),
    year: integer("year").notNull(),
    next: integer("next").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.officeUnitId, t.classification, t.year] }),
    check("letter_sequences_next_ck", sql`next >= 1`),
    check("letter_sequences_year_ck", sql`year between 1900 and 9999`),
  ],
);

export type LetterDetails = {
  /** The meeting's times the letter announced (ISO instants). */
  startsAt: string;
  endsAt: string;
  /** Surat perubahan jadwal: the times announced before. */
  previousStartsAt?: string;
  previousEndsAt?: string;
  /** Pemberitahuan pembatalan: the reason. */
  reason?: string | null;
};

/**
 * The buku agenda surat keluar: every letter an office issued, with its number (unique per office
 * and year, whatever the format), date, sifat, hal, addressees, signer and copies. An issued
 * letter never changes; a withdrawn one stays in the register, marked.
 */
export const letters = pgTable(
  "letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeUnitId: uuid("office_unit_id")
      .notNull()
      .references(() => workUnits.id, { onDelete: "restrict" }),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: LETTER_KINDS }).notNull(),
    number: text("number").notNull(),
    year: integer("year").notNull(),
    letterDate: date("letter_date").notNull(),
    placeName: text("place_name").notNull(),
    nature: text("nature", { enum: LETTER_NATURES }).notNull().default("biasa"),
    subject: text("subject").notNull(),
    /** Named addressees ("Kepala Divisi Administrasi"); empty with `addresseesAttached`: "Daftar terlampir". */
    addressees: jsonb("addressees").$type<string[]>().notNull().default([]),
    addresseesAttached: boolean("addressees_attached").notNull().default(false),
    copies: jsonb("copies").$type<string[]>().notNull().default([]),
    signerName: text("signer_name").notNull(),
    signerPosition: text("signer_position").notNull(),
    signerNip: varchar("signer_nip", { length: 18 }),
    onBehalfKind: text("on_behalf_kind", { enum: ON_BEHALF_KINDS }),
    onBehalfOf: text("on_behalf_of"),
    refersToLetterId: uuid("refers_to_letter_id").references((): AnyPgColumn => letters.id, { onDelete: "restrict" }),
    details: jsonb("details").$type<LetterDetails>().notNull(),
    withdrawnAt: tstz("withdrawn_at"),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
    withdrawReason: text("withdraw_reason"),
    issuedBy: uuid("issued_by").references(() => users.id, { onDelete: "set null" }),
    issuedAt: tstz("issued_at").notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    uniqueIndex("letters_office_year_number_uq").on(t.officeUnitId, t.year, t.number),
    index("letters_office_date_idx").on(t.officeUnitId, t.letterDate, t.issuedAt),
    index("letters_meeting_idx").on(t.meetingId, t.kind),
    /** One undangan in force per meeting (a withdrawn one no longer counts). */
    uniqueIndex("letters_meeting_invitation_uq").on(t.meetingId).where(sql`kind = 'invitation' and withdrawn_at is null`),
    index("letters_refers_idx").on(t.refersToLetterId),
    index("letters_issued_by_idx").on(t.issuedBy),
    index("letters_withdrawn_by_idx").on(t.withdrawnBy),
    check("letters_kind_ck", sql.raw(`kind in (${sqlList(LETTER_KINDS)})`)),
    check("letters_nature_ck", sql.raw(`nature in (${sqlList(LETTER_NATURES)})`)),
    check("letters_on_behalf_ck", sql.raw(`on_behalf_kind is null or on_behalf_kind in (${sqlList(ON_BEHALF_KINDS)})`)),
    check("letters_number_ck", sql`length(number) between 1 and 100`),
    check("letters_nip_ck", sql`signer_nip is null or signer_nip ~ '^[0-9]{18}$'`),
  ],
);

/**
 * Frozen records: the bytes of a finalized notulen (with its daftar hadir) and of every issued
 * letter, rendered once, with their SHA-256 and the short code of the public verification page.
 * Reopening minutes marks the version superseded; finalizing again adds the next version.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    letterId: uuid("letter_id").references(() => letters.id, { onDelete: "cascade" }),
    number: text("number"),
    documentDate: date("document_date").notNull(),
    subject: text("subject").notNull(),
    signerName: text("signer_name").notNull().default(""),
    body: bytea("body").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    /** Short code of /verifikasi/<code>. */
    code: varchar("code", { length: 16 }).notNull(),
    signed: boolean("signed").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    supersededAt: tstz("superseded_at"),
  },
  (t) => [
    uniqueIndex("documents_code_uq").on(t.code),
    uniqueIndex("documents_meeting_kind_version_uq").on(t.meetingId, t.kind, t.version).where(sql`letter_id is null`),
    uniqueIndex("documents_letter_uq").on(t.letterId),
    index("documents_created_by_idx").on(t.createdBy),
    check("documents_kind_ck", sql.raw(`kind in (${sqlList(DOCUMENT_KINDS)})`)),
    check("documents_sha_ck", sql`sha256 ~ '^[0-9a-f]{64}$'`),
    check("documents_version_ck", sql`version >= 1`),
  ],
);

/**
 * The signing certificate of an office (PKCS#12 with its passphrase), encrypted with a key
 * derived from AUTH_SECRET (AES-256-GCM).
 */
export const signingCertificates = pgTable(
  "signing_certificates",
  {
    officeUnitId: uuid("office_unit_id")
      .primaryKey()
      .references(() => workUnits.id, { onDelete: "cascade" }),
    encrypted: bytea("encrypted").notNull(),
    subject: text("subject").notNull(),
    validTo: tstz("valid_to").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: tstz("uploaded_at").notNull().defaultNow(),
    version: version(),
  },
  (t) => [index("signing_certificates_uploaded_by_idx").on(t.uploadedBy)],
);

export type LetterSequence = typeof letterSequences.$inferSelect;
export type Letter = typeof letters.$inferSelect;
export type StoredDocument = typeof documents.$inferSelect;
export type LetterKind = (typeof LETTER_KINDS)[number];
export type LetterNature = (typeof LETTER_NATURES)[number];
export type OnBehalfKind = (typeof ON_BEHALF_KINDS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
