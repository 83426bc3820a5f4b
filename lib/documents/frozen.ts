import "server-only";
import { attendanceRecap } from "@/lib/meetings/attendance";
import { letterheadOf } from "@/lib/offices/settings";
import { appUrl } from "@/lib/calendar/ics";
import { NotFoundError } from "@/lib/errors";
import { loadAttendanceSheet } from "./attendance-sheet";
import { loadMeetingRecord } from "./meeting-records";
import { loadMinutesRecord } from "./minutes-record";
import { minutesPdf } from "./pdf/documents";
import type { Stamp } from "./pdf/layout";
import { loadSigner, signWith, type Signer } from "./signing";
import { newVerificationCode } from "./store";

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
  const pdf = await minutesPdf(record, rec, { letterhead, recap, attendance, frozen: { at, stamp } });
  const { body, signed } = await seal(await loadSigner(record.officeId), pdf, `Notulen ${record.title}`);
  return { record, body, signed, code: stamp.code };
}
