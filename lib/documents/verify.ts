import "server-only";
import { LETTER_TITLES } from "./pdf/letters";
import { documentByCode, sha256Hex } from "./store";

const KIND_LABELS = { ...LETTER_TITLES, minutes: "Notulen Rapat" } as const;

/**
 * What the public verification page (/verifikasi/<code>) shows of a stored document: its kind,
 * number, date, hal, signer and SHA-256 — nothing else of the meeting. Null for an unknown code.
 */
export async function verificationOf(code: string) {
  const doc = await documentByCode(code);
  if (!doc) return null;
  return {
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
