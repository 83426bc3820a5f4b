import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/types";
import { getLetter, issueLetter, letterFile, registerPage, type LetterWithRecord } from "@/lib/documents/letters";
import { attachmentDisposition } from "@/lib/follow-ups/evidence";
import { finalizeMinutes, reopenMinutes } from "@/lib/meetings/minutes";
import { requireMeeting } from "@/lib/meetings/access";
import { can } from "@/lib/permissions";
import { assertVersion, publicMinutes, withCurrent } from "./meetings";
import type * as r from "./resources";
import type * as s from "./schemas";

/**
 * Letters (surat dinas) and the finalization of minutes through the API (issue 19): the same use
 * cases as the documents tab and the minutes editor (lib/documents/letters.ts, lib/meetings/minutes.ts).
 */

type Ctx = { ip?: string | null };
type Out<T extends z.ZodType> = z.output<T>;
const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export function letterJson(l: LetterWithRecord): Out<typeof r.Letter> {
  return {
    id: l.id,
    meetingId: l.meetingId,
    officeId: l.officeUnitId,
    kind: l.kind,
    number: l.number,
    year: l.year,
    letterDate: l.letterDate,
    placeName: l.placeName,
    nature: l.nature,
    subject: l.subject,
    addressees: l.addressees,
    addresseesAttached: l.addresseesAttached,
    copies: l.copies,
    signerName: l.signerName,
    signerPosition: l.signerPosition,
    signerNip: l.signerNip,
    onBehalfKind: l.onBehalfKind,
    onBehalfOf: l.onBehalfOf,
    refersToLetterId: l.refersToLetterId,
    startsAt: iso(l.details.startsAt),
    endsAt: iso(l.details.endsAt),
    previousStartsAt: l.details.previousStartsAt ? iso(l.details.previousStartsAt) : null,
    previousEndsAt: l.details.previousEndsAt ? iso(l.details.previousEndsAt) : null,
    issuedAt: iso(l.issuedAt),
    withdrawnAt: l.withdrawnAt ? iso(l.withdrawnAt) : null,
    withdrawReason: l.withdrawReason,
    sha256: l.sha256,
    verificationCode: l.code,
  };
}

export async function apiIssueLetter(user: CurrentUser, meetingId: string, body: z.output<typeof s.letterBody>, ctx: Ctx): Promise<Out<typeof r.Letter>> {
  const letter = await issueLetter(
    user,
    meetingId,
    {
      kind: body.kind,
      numberMode: body.number ? "manual" : "sequence",
      number: body.number ?? null,
      letterDate: body.letterDate,
      placeName: body.placeName,
      nature: body.nature,
      subject: body.subject ?? "",
      addressees: body.addressees ?? [],
      copies: body.copies ?? null,
      signerName: body.signerName,
      signerPosition: body.signerPosition,
      signerNip: body.signerNip ?? null,
      onBehalfKind: body.onBehalfKind ?? null,
      onBehalfOf: body.onBehalfOf ?? null,
    },
    ctx,
  );
  return letterJson(await getLetter(user, letter.id));
}

export async function apiLetters(user: CurrentUser, q: z.output<typeof s.lettersQuery>): Promise<Out<typeof r.LetterPage>> {
  const page = await registerPage(user, { officeId: q.officeId, year: q.year, meetingId: q.meetingId, limit: q.limit, cursor: q.cursor });
  return { items: page.items.map(letterJson), total: page.total, totalCapped: page.totalCapped, nextCursor: page.nextCursor, prevCursor: page.prevCursor };
}

/** The stored bytes of an issued letter, exactly as issued (and signed, when the office has a certificate). */
export async function apiLetterPdf(user: CurrentUser, letterId: string): Promise<Response> {
  const out = await letterFile(user, letterId);
  return new Response(out.body as BodyInit, {
    status: 200,
    headers: {
      "Content-Type": out.contentType,
      "Content-Length": String(out.body.byteLength),
      "Content-Disposition": attachmentDisposition(out.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export async function apiTransitionMinutes(user: CurrentUser, meetingId: string, body: z.output<typeof s.minutesTransitionBody>, version: number, ctx: Ctx): Promise<Out<typeof r.Minutes>> {
  const current = () => publicMinutes(meetingId);
  // Permission, then the version, before any other rule: a replayed "finalize" is stale, not "already final".
  const meeting = await requireMeeting(user, meetingId, "meeting.view");
  const before = await current();
  await assertVersion(before.version, version, async () => before, can(user, body.to === "finalized" ? "minutes.write" : "minutes.reopen", meeting.resource));
  if (body.to === "finalized") await withCurrent(finalizeMinutes(user, meetingId, version, ctx), current);
  else await withCurrent(reopenMinutes(user, meetingId, version, { reason: body.reason ?? "" }, ctx), current);
  return publicMinutes(meetingId);
}
