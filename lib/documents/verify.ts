import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { letters, workUnits } from "@/db/schema";
import { LETTER_TITLES } from "./pdf/letters";
import { documentByCode, sha256Hex } from "./store";

const KIND_LABELS = { ...LETTER_TITLES, minutes: "Notulen Rapat" } as const;

/**
 * What the public verification page (/verifikasi/<code>) shows of a stored document: its kind,
 * number, date, hal, signer and SHA-256 — nothing else of the meeting — and, for a letter that
 * was withdrawn, when (in the issuing office's zone) and why. Null for an unknown code.
 */
export async function verificationOf(code: string) {
  const doc = await documentByCode(code);
  if (!doc) return null;
  const [withdrawal] = doc.letterId
    ? await db
        .select({ at: letters.withdrawnAt, reason: letters.withdrawReason, timeZone: workUnits.timeZone })
        .from(letters)
        .innerJoin(workUnits, eq(workUnits.id, letters.officeUnitId))
        .where(eq(letters.id, doc.letterId))
    : [];
  return {
    withdrawn: withdrawal?.at ? { at: withdrawal.at, reason: withdrawal.reason ?? "", timeZone: withdrawal.timeZone } : null,
    code: doc.code,
    kind: KIND_LABELS[doc.kind],
    number: doc.number,
    date: doc.documentDate,
    subject: doc.subject,
    signer: doc.signerName,
    sha256: doc.sha256,
    signed: doc.signed,
    version: doc.version,
    superseded: doc.supersededAt !== null,
  };
}

/**
 * Whether presented bytes (an uploaded file) or a pasted SHA-256 are the stored document's:
 * "match", "mismatch", or null when the code is unknown.
 */
export async function checkDocument(code: string, presented: { bytes?: Uint8Array; sha256?: string }): Promise<"match" | "mismatch" | null> {
  const doc = await documentByCode(code);
  if (!doc) return null;
  const hash = presented.bytes && presented.bytes.length > 0 ? sha256Hex(presented.bytes) : (presented.sha256 ?? "").trim().toLowerCase();
  return hash === doc.sha256 ? "match" : "mismatch";
}
