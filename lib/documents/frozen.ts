import "server-only";
import { attendanceRecap } from "@/lib/meetings/attendance";
import { letterheadOf } from "@/lib/offices/settings";
import { appUrl } from "@/lib/calendar/ics";
import { NotFoundError } from "@/lib/errors";
import { loadAttendanceSheet } from "./attendance-sheet";
import { loadMeetingRecord } from "./meeting-records";
import { loadMinutesRecord } from "./minutes-record";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { documentRenders } from "@/db/schema";
import { minutesDocument, type OfficialDocument } from "./content";
import { officialPdf } from "./pdf/documents";
import type { Stamp } from "./pdf/layout";
import { loadSigner, signWith, type Signer } from "./signing";
import { newVerificationCode, sha256Hex } from "./store";

/** The public verification page of a code: "https://rakor.example/verifikasi/7KQ2M9X4TB". */
export const verificationUrl = (code: string) => `${appUrl()}/verifikasi/${code}`;

export function newStamp(): Stamp {
  const code = newVerificationCode();
  return { code, url: verificationUrl(code) };
}

/**
 * Signs the rendered bytes with the office's certificate (PAdES) when one is configured; without
 * one the bytes stay as rendered and the QR verification alone vouches for them.
 */
export async function seal(signer: Signer | null, bytes: Uint8Array, reason: string): Promise<{ body: Uint8Array; signed: boolean }> {
  const signed = await signWith(signer, bytes, reason);
  return signed ? { body: signed, signed: true } : { body: bytes, signed: false };
}

/**
 * Renders the notulen of a meeting as finalized at `at` — the follow-up matrix as it stands now,
 * "status per <date>" — with the daftar hadir attached and the verification stamp, and seals it.
 */
export async function renderFrozenMinutes(meetingId: string, at: Date) {
  const record = await loadMeetingRecord(meetingId);
  if (!record) throw new NotFoundError();
  const [rec, letterhead, recap, attendance] = await Promise.all([
    loadMinutesRecord(meetingId),
    letterheadOf(record.officeId, record.officeName),
    attendanceRecap(meetingId),
    loadAttendanceSheet(record),
  ]);
  const stamp = newStamp();
  const view = minutesDocument(record, rec, { placeName: letterhead.placeName, recap, attendance, frozenAt: at });
  const pdf = await officialPdf(view, letterhead, record.organizerUnitName, stamp);
  const { body, signed } = await seal(await loadSigner(record.officeId), pdf, `Notulen ${record.title}`);
  await keepFrozenView(meetingId, sha256Hex(body), view);
  return { record, body, signed, code: stamp.code };
}

/**
 * The content of a frozen notulen, kept beside its bytes (under their SHA-256) so that the
 * browser's print view shows exactly the record — the follow-ups as they stood at finalization —
 * and not a second, newer notulen.
 */
async function keepFrozenView(meetingId: string, sha256: string, view: OfficialDocument) {
  const body = new TextEncoder().encode(JSON.stringify(view));
  await db
    .insert(documentRenders)
    .values({ meetingId, kind: FROZEN_VIEW, contentHash: sha256, body })
    .onConflictDoUpdate({ target: [documentRenders.meetingId, documentRenders.kind], set: { contentHash: sha256, body, createdAt: new Date() } });
}

const FROZEN_VIEW = "minutes-frozen-view";

/** The content of the stored notulen with this SHA-256 (null for a record frozen before views were kept). */
export async function frozenView(meetingId: string, sha256: string): Promise<OfficialDocument | null> {
  const [row] = await db
    .select({ body: documentRenders.body })
    .from(documentRenders)
    .where(and(eq(documentRenders.meetingId, meetingId), eq(documentRenders.kind, FROZEN_VIEW), eq(documentRenders.contentHash, sha256)));
  return row ? (JSON.parse(new TextDecoder().decode(row.body)) as OfficialDocument) : null;
}
