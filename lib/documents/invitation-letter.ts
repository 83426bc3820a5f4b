import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { invitationLetters, officeSettings, type InvitationLetter } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ValidationError, orConflict } from "@/lib/errors";
import { requireMeeting } from "@/lib/meetings/access";
import { officeOf } from "@/lib/offices/office";
import { formatLetterNumber, letterSchema } from "@/lib/offices/schemas";
import { getOfficeSettings } from "@/lib/offices/settings";
import { parseInput } from "@/lib/validation";

type Ctx = Omit<AuditContext, "actorId">;

export async function getInvitationLetter(meetingId: string): Promise<InvitationLetter | null> {
  const [row] = await db.select().from(invitationLetters).where(eq(invitationLetters.meetingId, meetingId));
  return row ?? null;
}

/**
 * What the "issue the letter" form starts from: the letter as issued, or the office's place,
 * default signer and the next number of its sequence.
 */
export async function letterFormDefaults(meetingId: string, organizerUnitId: string) {
  const office = await officeOf(organizerUnitId);
  const [letter, settings] = await Promise.all([getInvitationLetter(meetingId), office ? getOfficeSettings(office.id) : null]);
  const sequence = settings?.letterNumberFormat ? { format: settings.letterNumberFormat, next: settings.letterNumberNext } : null;
  return { letter, sequence, placeName: settings?.placeName ?? "", signer: settings?.defaultSigner ?? null };
}

/**
 * Issues (or corrects) the invitation letter of a meeting: its number — typed, or the next of the
 * office's sequence, taken in the same transaction so two letters never share one — the letter
 * date chosen now, the place and the signer (name, position, NIP). `version` 0 issues the first;
 * a stale version is a conflict. Those who manage the meeting may do it.
 */
export async function issueInvitationLetter(user: CurrentUser, meetingId: string, version: number, input: unknown, ctx: Ctx = {}) {
  const meeting = await requireMeeting(user, meetingId, "meeting.manage");
  const data = parseInput(letterSchema, input);
  if (meeting.status === "draft" || meeting.status === "cancelled") {
    throw new ValidationError({ _form: ["offices.errors.letterNotYet"] }, "offices.errors.letterNotYet");
  }
  const office = await officeOf(meeting.organizerUnitId);
  if (!office) throw new ValidationError({ numberMode: ["offices.errors.noSequence"] });
  return orConflict(
    db.transaction(async (tx) => {
      // The version check comes first, so a stale form never takes a number from the sequence.
      const [current] = await tx.select({ version: invitationLetters.version }).from(invitationLetters).where(eq(invitationLetters.meetingId, meetingId)).for("update");
      if ((current?.version ?? 0) !== version) return null;
      let number = data.number ?? "";
      if (data.numberMode === "sequence") {
        const [seq] = await tx
          .update(officeSettings)
          .set({ letterNumberNext: sql`${officeSettings.letterNumberNext} + 1` })
          .where(and(eq(officeSettings.officeUnitId, office.id), sql`${officeSettings.letterNumberFormat} <> ''`))
          .returning({ next: officeSettings.letterNumberNext, format: officeSettings.letterNumberFormat });
        if (!seq) throw new ValidationError({ numberMode: ["offices.errors.noSequence"] });
        number = formatLetterNumber(seq.format, seq.next - 1, data.letterDate);
      }
      const values = {
        number,
        letterDate: data.letterDate,
        placeName: data.placeName,
        signerName: data.signerName,
        signerPosition: data.signerPosition,
        signerNip: data.signerNip,
        issuedBy: user.id,
        issuedAt: new Date(),
      };
      const [row] =
        version === 0
          ? await tx.insert(invitationLetters).values({ meetingId, ...values }).onConflictDoNothing().returning()
          : await tx
              .update(invitationLetters)
              .set({ ...values, version: sql`${invitationLetters.version} + 1` })
              .where(and(eq(invitationLetters.meetingId, meetingId), eq(invitationLetters.version, version)))
              .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "meeting.letter", "meeting", meetingId, { number, letterDate: data.letterDate, signer: data.signerName });
      return row;
    }),
    () => getInvitationLetter(meetingId),
  );
}
