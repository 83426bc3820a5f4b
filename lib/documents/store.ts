import "server-only";
import { createHash, randomInt } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { documents, type DocumentKind, type StoredDocument } from "@/db/schema";

/**
 * Frozen records (issue 19): the bytes of a finalized notulen and of every issued letter, stored
 * once with their SHA-256 and a short public verification code. A download of a frozen record
 * returns these bytes, never a new rendering.
 */

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Crockford base32 without I, L, O, U: easy to read aloud and type from paper. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 10;

/** A fresh verification code: 10 characters (50 bits), "7KQ2M9X4TB". */
export function newVerificationCode(): string {
  let out = "";
  for (let i = 0; i < CODE_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** A code typed by hand: upper case, without spaces or dashes; O→0, I/L→1. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export const isVerificationCode = (code: string) => new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`).test(code);

export type NewDocument = {
  kind: DocumentKind;
  meetingId: string;
  letterId?: string | null;
  number?: string | null;
  documentDate: string;
  subject: string;
  signerName: string;
  body: Uint8Array;
  code: string;
  signed: boolean;
  createdBy: string | null;
};

/** Stores a frozen record. A notulen takes the next version of its meeting; a letter has one. */
export async function storeDocument(tx: DbOrTx, d: NewDocument): Promise<StoredDocument> {
  const version = d.letterId
    ? sql<number>`1`
    : sql<number>`(select coalesce(max(version), 0) + 1 from documents where meeting_id = ${d.meetingId} and kind = ${d.kind} and letter_id is null)`;
  const [row] = await tx
    .insert(documents)
    .values({ ...d, letterId: d.letterId ?? null, sha256: sha256Hex(d.body), version })
    .returning();
  return row!;
}

/** The notulen in force: the latest finalized version not superseded by a reopening. */
export async function currentMinutesDocument(meetingId: string, handle: DbOrTx = db): Promise<StoredDocument | null> {
  const [row] = await handle
    .select()
    .from(documents)
    .where(and(eq(documents.meetingId, meetingId), eq(documents.kind, "minutes"), isNull(documents.letterId), isNull(documents.supersededAt)))
    .orderBy(desc(documents.version))
    .limit(1);
  return row ?? null;
}

/** Reopening minutes: the version in force goes to the history. */
export async function supersedeMinutesDocument(tx: DbOrTx, meetingId: string) {
  await tx
    .update(documents)
    .set({ supersededAt: new Date() })
    .where(and(eq(documents.meetingId, meetingId), eq(documents.kind, "minutes"), isNull(documents.letterId), isNull(documents.supersededAt)));
}

export async function documentOfLetter(letterId: string, handle: DbOrTx = db): Promise<StoredDocument | null> {
  const [row] = await handle.select().from(documents).where(eq(documents.letterId, letterId));
  return row ?? null;
}

/** Every stored notulen of a meeting, newest first, without their bytes. */
export async function minutesHistory(meetingId: string) {
  return db
    .select({ id: documents.id, version: documents.version, sha256: documents.sha256, code: documents.code, createdAt: documents.createdAt, supersededAt: documents.supersededAt })
    .from(documents)
    .where(and(eq(documents.meetingId, meetingId), eq(documents.kind, "minutes"), isNull(documents.letterId)))
    .orderBy(desc(documents.version))
    .limit(100);
}

export async function documentByCode(code: string): Promise<StoredDocument | null> {
  const normalized = normalizeCode(code);
  if (!isVerificationCode(normalized)) return null;
  const [row] = await db.select().from(documents).where(eq(documents.code, normalized));
  return row ?? null;
}
