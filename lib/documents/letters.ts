import "server-only";
import { and, asc, count, desc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { documents, letterSequences, letters, users, type Letter, type LetterDetails, type LetterKind } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, pgError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requireMeeting } from "@/lib/meetings/access";
import { officeOf } from "@/lib/offices/office";
import { formatLetterNumber, letterSchema } from "@/lib/offices/schemas";
import { getOfficeSettings, letterheadOf } from "@/lib/offices/settings";
import { can } from "@/lib/permissions";
import { formatDateTime, todayIn } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { newStamp, seal } from "./frozen";
import { loadMeetingRecord, type MeetingRecord } from "./meeting-records";
import { letterContent, letterPdf, LETTER_TITLES, meetingDayOf, type LetterContext, type LetterView } from "./pdf/letters";
import { loadSigner } from "./signing";
import { sequenceNext } from "@/lib/offices/sequence";
import { bindingOf, cappedCountSql, cappedTotal, keyset } from "@/lib/pagination";
import { withdrawLetterSchema } from "./schemas";
import { documentOfLetter, storeDocument } from "./store";

type Ctx = Omit<AuditContext, "actorId">;

/** A number another letter of the office holds this year: a field error for forms, 409 for the API. */
export class NumberTakenError extends ValidationError {
  override readonly status = 409 as const;
  constructor() {
    super({ number: ["offices.errors.numberTaken"] }, "offices.errors.numberTaken");
  }
}

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

// ---------------------------------------------------------------------------------------------
// Sequences

/**
 * Takes the next number of the sequence inside the issuing transaction (the row lock of the
 * upsert serializes concurrent issues; a rollback gives the number back, a commit never does).
 * A number someone typed by hand already is skipped.
 */
async function takeNumber(tx: DbOrTx, officeId: string, format: string, letterDate: string): Promise<string> {
  const year = yearOf(letterDate);
  for (let i = 0; i < 1000; i++) {
    const [row] = await tx
      .insert(letterSequences)
      .values({ officeUnitId: officeId, classification: format, year, next: 2 })
      .onConflictDoUpdate({ target: [letterSequences.officeUnitId, letterSequences.classification, letterSequences.year], set: { next: sql`${letterSequences.next} + 1` } })
      .returning({ next: letterSequences.next });
    const number = formatLetterNumber(format, row!.next - 1, letterDate);
    const [taken] = await tx.select({ id: letters.id }).from(letters).where(and(eq(letters.officeUnitId, officeId), eq(letters.year, year), eq(letters.number, number)));
    if (!taken) return number;
  }
  throw new NumberTakenError();
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The letters of a meeting in issuing order, each with the code of its verification page (null until its bytes are stored). */
export async function lettersOfMeeting(meetingId: string): Promise<(Letter & { code: string | null })[]> {
  const found = await db
    .select({ letter: letters, code: documents.code })
    .from(letters)
    .leftJoin(documents, eq(documents.letterId, letters.id))
    .where(eq(letters.meetingId, meetingId))
    .orderBy(asc(letters.issuedAt))
    .limit(50);
  return found.map((r) => ({ ...r.letter, code: r.code }));
}

/** The undangan in force of a meeting (not withdrawn), or null. */
export async function activeInvitation(meetingId: string, handle: DbOrTx = db): Promise<Letter | null> {
  const [row] = await handle
    .select()
    .from(letters)
    .where(and(eq(letters.meetingId, meetingId), eq(letters.kind, "invitation"), isNull(letters.withdrawnAt)));
  return row ?? null;
}

/** The last letter that announced the meeting's times (undangan or perubahan jadwal), not withdrawn. */
async function lastAnnouncement(meetingId: string, handle: DbOrTx = db): Promise<Letter | null> {
  const [row] = await handle
    .select()
    .from(letters)
    .where(and(eq(letters.meetingId, meetingId), sql`${letters.kind} in ('invitation', 'reschedule')`, isNull(letters.withdrawnAt)))
    .orderBy(desc(letters.issuedAt))
    .limit(1);
  return row ?? null;
}

/**
 * What a letter of a meeting needs besides its own fields: the meeting, the letterhead, the
 * invited units in the hierarchy's order (depth first, divisions before technical units, then by
 * name) without the organizer and its ancestors — the sender does not invite itself.
 */
export async function letterContext(record: MeetingRecord, refers: Pick<Letter, "number" | "letterDate" | "subject"> | null, draft: boolean): Promise<LetterContext> {
  const [letterhead, units] = await Promise.all([
    letterheadOf(record.officeId, record.officeName),
    rows<{ id: string; name: string; city: string; path: string[] }>(sql`
      with recursive organizer_chain as (
        select id, parent_id from work_units where id = ${record.organizerUnitId}
        union all
        select w.id, w.parent_id from work_units w join organizer_chain c on w.id = c.parent_id
      ), up as (
        select i.work_unit_id as unit_id, w.id, w.parent_id, w.kind, w.name, 0 as depth
          from invitations i join work_units w on w.id = i.work_unit_id
         where i.meeting_id = ${record.id} and i.work_unit_id not in (select id from organizer_chain)
        union all
        select up.unit_id, p.id, p.parent_id, p.kind, p.name, up.depth + 1 from up join work_units p on p.id = up.parent_id
      )
      select u.id, u.name, u.city,
             (select json_agg(case up.kind when 'regional_office' then '0' when 'division' then '1' else '2' end || lower(up.name) || '/' || up.id order by up.depth desc)
                from up where up.unit_id = u.id) as path
        from work_units u where u.id in (select unit_id from up)`),
  ]);
  const ordered = units
    .map((u) => ({ ...u, path: typeof u.path === "string" ? (JSON.parse(u.path) as string[]) : u.path }))
    .sort((a, b) => {
      for (let i = 0; i < Math.min(a.path.length, b.path.length); i++) {
        if (a.path[i] !== b.path[i]) return a.path[i]! < b.path[i]! ? -1 : 1;
      }
      return a.path.length - b.path.length;
    })
    .map(({ id, name, city }) => ({ id, name, city }));
  return { record, letterhead, units: ordered, refers: refers ? { number: refers.number, letterDate: refers.letterDate, subject: refers.subject } : null, draft };
}

/** The draft an undangan not issued yet shows ("KONSEP"): today's date, the office's signer. */
export async function draftInvitation(record: MeetingRecord): Promise<{ view: LetterView; context: LetterContext }> {
  const settings = await getOfficeSettings(record.officeId);
  const today = todayIn(record.officeTimeZone);
  const day = meetingDayOf(record);
  const view: LetterView = {
    kind: "invitation",
    number: "",
    letterDate: today < day ? today : day,
    placeName: settings?.placeName ?? "",
    nature: "biasa",
    subject: `Undangan ${record.title}`,
    addressees: [],
    addresseesAttached: true,
    copies: settings?.defaultCopies ?? [],
    signerName: settings?.defaultSigner?.name ?? record.chairName ?? "",
    signerPosition: settings?.defaultSigner?.position ?? record.chairPosition ?? "",
    signerNip: settings?.defaultSigner?.nip ?? record.chairNip ?? null,
    onBehalfKind: null,
    onBehalfOf: null,
    details: { startsAt: record.startsAt.toISOString(), endsAt: record.endsAt.toISOString() },
  };
  return { view, context: await letterContext(record, null, true) };
}

// ---------------------------------------------------------------------------------------------
// Issuing

const SUBJECTS: Record<LetterKind, string> = { invitation: "Undangan", reschedule: "Perubahan Jadwal", cancellation: "Pembatalan" };

/**
 * Issues a letter of a meeting (issue 19): undangan, surat perubahan jadwal or pemberitahuan
 * pembatalan. The number is taken from the office's sequence (or typed; a number the office gave
 * this year already is refused), the letter is rendered with it, sealed and stored in the same
 * transaction: what was issued never changes. Those who manage the meeting may do it.
 */
export async function issueLetter(user: CurrentUser, meetingId: string, input: unknown, ctx: Ctx = {}): Promise<Letter> {
  const meeting = await requireMeeting(user, meetingId, "meeting.manage");
  const data = parseInput(letterSchema, input);
  const record = await loadMeetingRecord(meetingId);
  if (!record) throw new NotFoundError();
  const office = await officeOf(meeting.organizerUnitId);
  if (!office) throw new NotFoundError();
  const invitation = await activeInvitation(meetingId);
  const previous = await lastAnnouncement(meetingId);
  let details: LetterDetails = { startsAt: record.startsAt.toISOString(), endsAt: record.endsAt.toISOString() };
  if (data.kind === "invitation") {
    if (meeting.status === "draft" || meeting.status === "cancelled") throw new ValidationError({ _form: ["offices.errors.letterNotYet"] }, "offices.errors.letterNotYet");
    if (invitation) throw new ValidationError({ _form: ["offices.errors.alreadyIssued"] }, "offices.errors.alreadyIssued");
    if (data.letterDate > meetingDayOf(record)) throw new ValidationError({ letterDate: ["offices.errors.letterAfterMeeting"] });
  } else {
    if (!invitation || !previous) throw new ValidationError({ kind: ["offices.errors.noInvitation"] }, "offices.errors.noInvitation");
    if (data.kind === "reschedule") {
      if (meeting.status === "cancelled") throw new ValidationError({ kind: ["offices.errors.meetingCancelled"] }, "offices.errors.meetingCancelled");
      if (previous.details.startsAt === details.startsAt && previous.details.endsAt === details.endsAt) {
        throw new ValidationError({ kind: ["offices.errors.notRescheduled"] }, "offices.errors.notRescheduled");
      }
      details = { ...details, previousStartsAt: previous.details.startsAt, previousEndsAt: previous.details.endsAt };
    } else {
      if (meeting.status !== "cancelled") throw new ValidationError({ kind: ["offices.errors.notCancelled"] }, "offices.errors.notCancelled");
      details = { startsAt: previous.details.startsAt, endsAt: previous.details.endsAt, reason: record.cancelReason };
    }
  }
  const settings = await getOfficeSettings(office.id);
  const format = settings?.letterNumberFormat ?? "";
  if (data.numberMode === "sequence" && !format) throw new ValidationError({ numberMode: ["offices.errors.noSequence"] });
  const refers = data.kind === "invitation" ? null : previous;
  const context = await letterContext(record, refers, false);
  const signer = await loadSigner(office.id);
  const stamp = newStamp();
  const fields = {
    kind: data.kind,
    letterDate: data.letterDate,
    placeName: data.placeName,
    nature: data.nature,
    subject: data.subject || `${SUBJECTS[data.kind]} ${record.title}`.slice(0, 300),
    addressees: data.addressees,
    addresseesAttached: data.addressees.length === 0,
    copies: data.copies ?? settings?.defaultCopies ?? [],
    signerName: data.signerName,
    signerPosition: data.signerPosition,
    signerNip: data.signerNip,
    onBehalfKind: data.onBehalfKind,
    onBehalfOf: data.onBehalfKind ? data.onBehalfOf : null,
    details,
  } satisfies Omit<LetterView, "number">;

  try {
    return await db.transaction(async (tx) => {
      const number = data.numberMode === "sequence" ? await takeNumber(tx, office.id, format, data.letterDate) : data.number!;
      const [row] = await tx
        .insert(letters)
        .values({ ...fields, officeUnitId: office.id, meetingId, number, year: yearOf(data.letterDate), refersToLetterId: refers?.id ?? null, issuedBy: user.id })
        .returning();
      const pdf = await letterPdf({ ...fields, number }, { ...context, stamp });
      const { body, signed } = await seal(signer, pdf, `${LETTER_TITLES[data.kind]} ${number}`);
      const doc = await storeDocument(tx, {
        kind: data.kind,
        meetingId,
        letterId: row!.id,
        number,
        documentDate: data.letterDate,
        subject: fields.subject,
        signerName: data.signerName,
        body,
        code: stamp.code,
        signed,
        createdBy: user.id,
      });
      await audit(tx, { actorId: user.id, ...ctx }, "letter.issue", "meeting", meetingId, { letterId: row!.id, kind: data.kind, number, letterDate: data.letterDate, sha256: doc.sha256 });
      // The event feed and the webhooks (issue 22): in the issuing transaction, like every change's event.
      const event = JSON.stringify({ kind: data.kind, number, letterDate: data.letterDate, officeId: office.id, sha256: doc.sha256 });
      await tx.execute(sql`select rakor_emit_event('letter.issued', ${meetingId}::uuid, null, ${row!.id}::uuid, ${event}::jsonb, false)`);
      return row!;
    });
  } catch (e) {
    const pg = pgError(e);
    if (pg?.code === "23505" && pg.constraint === "letters_office_year_number_uq") throw new NumberTakenError();
    if (pg?.code === "23505" && pg.constraint === "letters_meeting_invitation_uq") throw new ValidationError({ _form: ["offices.errors.alreadyIssued"] }, "offices.errors.alreadyIssued");
    throw e;
  }
}

/**
 * After a meeting with an issued undangan was moved or cancelled: issues the surat perubahan
 * jadwal or the pemberitahuan pembatalan with the next number, today's date and the undangan's
 * signer, sifat, addressees and tembusan. Without an undangan, or without a sequence, nothing is
 * issued (the documents tab offers it). Never undoes the change that called it.
 */
export async function issueFollowUpLetter(user: CurrentUser, meetingId: string, kind: "reschedule" | "cancellation", ctx: Ctx = {}): Promise<Letter | null> {
  const invitation = await activeInvitation(meetingId);
  if (!invitation) return null;
  const settings = await getOfficeSettings(invitation.officeUnitId);
  if (!settings?.letterNumberFormat) return null;
  const [zone] = await rows<{ timeZone: string }>(sql`select time_zone from work_units where id = ${invitation.officeUnitId}`);
  try {
    return await issueLetter(
      user,
      meetingId,
      {
        kind,
        numberMode: "sequence",
        letterDate: todayIn(zone?.timeZone ?? "Asia/Jakarta"),
        placeName: invitation.placeName,
        nature: invitation.nature,
        addressees: invitation.addressees,
        copies: invitation.copies,
        signerName: invitation.signerName,
        signerPosition: invitation.signerPosition,
        signerNip: invitation.signerNip,
        onBehalfKind: invitation.onBehalfKind,
        onBehalfOf: invitation.onBehalfOf,
      },
      ctx,
    );
  } catch (e) {
    console.error(`[rakor] could not issue the ${kind} letter of meeting ${meetingId}`, e);
    return null;
  }
}

/**
 * Withdraws (menarik) an issued letter, with a reason: it stays in the register and its stored
 * bytes stay as issued, both marked withdrawn (the verification page says when and why), and its
 * number is never given again. Those who manage the meeting may do it; permission is decided
 * before the version.
 */
export async function withdrawLetter(user: CurrentUser, letterId: string, version: number, reason: unknown, ctx: Ctx = {}) {
  if (!isUuid(letterId)) throw new NotFoundError();
  const [letter] = await db.select().from(letters).where(eq(letters.id, letterId));
  if (!letter) throw new NotFoundError();
  await requireMeeting(user, letter.meetingId, "meeting.manage");
  const { reason: text } = parseInput(withdrawLetterSchema, { reason });
  if (letter.withdrawnAt) throw new ValidationError({ _form: ["offices.errors.alreadyWithdrawn"] }, "offices.errors.alreadyWithdrawn");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(letters)
      .set({ withdrawnAt: new Date(), withdrawnBy: user.id, withdrawReason: text, version: sql`${letters.version} + 1` })
      .where(and(eq(letters.id, letterId), eq(letters.version, version), isNull(letters.withdrawnAt)))
      .returning();
    if (!row) {
      const [current] = await tx.select().from(letters).where(eq(letters.id, letterId));
      if (current?.withdrawnAt) throw new ValidationError({ _form: ["offices.errors.alreadyWithdrawn"] }, "offices.errors.alreadyWithdrawn");
      throw new ConflictError(current ?? null);
    }
    await audit(tx, { actorId: user.id, ...ctx }, "letter.withdraw", "meeting", letter.meetingId, { letterId, number: letter.number, reason: text });
    return row;
  });
}

/** The stored bytes of an issued letter (who may see the meeting may read its letters). */
export async function letterFile(user: CurrentUser, letterId: string) {
  if (!isUuid(letterId)) throw new NotFoundError();
  const [letter] = await db.select().from(letters).where(eq(letters.id, letterId));
  if (!letter) throw new NotFoundError();
  await requireMeeting(user, letter.meetingId, "meeting.view");
  const body = await storedLetterBody(letter);
  const slug = letter.number.replace(/[^\w.-]+/g, "-").replace(/-+/g, "-");
  return { letter, body, contentType: "application/pdf" as const, fileName: `${SUBJECTS[letter.kind].toLowerCase().replace(/\s+/g, "-")}-${slug}.pdf` };
}

/**
 * An issued letter as a Word copy (.docx) with the same content as its stored PDF — for staff who
 * see the meeting (`meeting.records`); the PDF stays the record.
 */
export async function letterWordFile(user: CurrentUser, letterId: string) {
  if (!isUuid(letterId)) throw new NotFoundError();
  const [letter] = await db.select().from(letters).where(eq(letters.id, letterId));
  if (!letter) throw new NotFoundError();
  await requireMeeting(user, letter.meetingId, "meeting.records");
  const record = await loadMeetingRecord(letter.meetingId);
  if (!record) throw new NotFoundError();
  const refers = letter.refersToLetterId ? ((await db.select().from(letters).where(eq(letters.id, letter.refersToLetterId)))[0] ?? null) : null;
  const context = await letterContext(record, refers, false);
  const { letterDocx, DOCX_TYPE } = await import("./docx");
  const body = await letterDocx(letterContent(letter, context), context.letterhead, record.organizerUnitName);
  const slug = letter.number.replace(/[^\w.-]+/g, "-").replace(/-+/g, "-");
  return { letter, body, contentType: DOCX_TYPE, fileName: `${SUBJECTS[letter.kind].toLowerCase().replace(/\s+/g, "-")}-${slug}.docx` };
}

/**
 * The stored bytes of a letter; a letter issued before records were stored (issue 19) is
 * rendered once, as it was issued, on its first download and kept.
 */
export async function storedLetterBody(letter: Letter): Promise<Uint8Array> {
  const stored = await documentOfLetter(letter.id);
  if (stored) return stored.body;
  const record = await loadMeetingRecord(letter.meetingId);
  if (!record) throw new NotFoundError();
  const refers = letter.refersToLetterId ? ((await db.select().from(letters).where(eq(letters.id, letter.refersToLetterId)))[0] ?? null) : null;
  const stamp = newStamp();
  const pdf = await letterPdf(letter, { ...(await letterContext(record, refers, false)), stamp });
  const { body, signed } = await seal(await loadSigner(letter.officeUnitId), pdf, `${LETTER_TITLES[letter.kind]} ${letter.number}`);
  try {
    await storeDocument(db, { kind: letter.kind, meetingId: letter.meetingId, letterId: letter.id, number: letter.number, documentDate: letter.letterDate, subject: letter.subject, signerName: letter.signerName, body, code: stamp.code, signed, createdBy: letter.issuedBy });
    return body;
  } catch (e) {
    if (pgError(e)?.code !== "23505") throw e;
    return (await documentOfLetter(letter.id))?.body ?? body;
  }
}

// ---------------------------------------------------------------------------------------------
// The register (buku agenda surat keluar)

export const REGISTER_PAGE_SIZE = 50;

async function requireRegister(user: CurrentUser, officeId: string) {
  if (!isUuid(officeId)) throw new NotFoundError();
  const own = await officeOf(user.workUnitId);
  if (!can(user, "letters.register", { sameOffice: own?.id === officeId })) throw new ForbiddenError();
}

export type RegisterRow = {
  id: string;
  meetingId: string;
  kind: LetterKind;
  number: string;
  letterDate: string;
  subject: string;
  addressees: string[];
  addresseesAttached: boolean;
  signerName: string;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  issuedByName: string | null;
  sha256: string | null;
};

/** One page of an office's register for a year, in issuing order (number order), with the total. */
export async function listRegister(user: CurrentUser, officeId: string, year: number, page = 1, pageSize = REGISTER_PAGE_SIZE) {
  await requireRegister(user, officeId);
  const size = Math.min(Math.max(1, pageSize), 5000);
  const where = and(eq(letters.officeUnitId, officeId), gte(letters.letterDate, `${year}-01-01`), lt(letters.letterDate, `${year + 1}-01-01`));
  const [list, [total]] = await Promise.all([
    db
      .select({
        id: letters.id,
        meetingId: letters.meetingId,
        kind: letters.kind,
        number: letters.number,
        letterDate: letters.letterDate,
        subject: letters.subject,
        addressees: letters.addressees,
        addresseesAttached: letters.addresseesAttached,
        signerName: letters.signerName,
        withdrawnAt: letters.withdrawnAt,
        withdrawReason: letters.withdrawReason,
        issuedByName: users.name,
        sha256: documents.sha256,
      })
      .from(letters)
      .leftJoin(users, eq(users.id, letters.issuedBy))
      .leftJoin(documents, eq(documents.letterId, letters.id))
      .where(where)
      .orderBy(asc(letters.letterDate), asc(letters.issuedAt), asc(letters.id))
      .limit(size)
      .offset((Math.max(1, page) - 1) * size),
    db.select({ n: count() }).from(letters).where(where),
  ]);
  return { rows: list as RegisterRow[], total: total?.n ?? 0, page: Math.max(1, page), pageSize: size };
}

/** An issued letter with its stored record's SHA-256 and verification code (the API's shape). */
export type LetterWithRecord = Letter & { sha256: string | null; code: string | null };

const letterWithRecord = {
  letter: letters,
  sha256: documents.sha256,
  code: documents.code,
};

/** One letter the user may see (who may see its meeting), with its stored record. */
export async function getLetter(user: CurrentUser, letterId: string): Promise<LetterWithRecord> {
  if (!isUuid(letterId)) throw new NotFoundError();
  const [found] = await db.select(letterWithRecord).from(letters).leftJoin(documents, eq(documents.letterId, letters.id)).where(eq(letters.id, letterId));
  if (!found) throw new NotFoundError();
  await requireMeeting(user, found.letter.meetingId, "meeting.view");
  return { ...found.letter, sha256: found.sha256, code: found.code };
}

/**
 * The register for the API: an office's letters (the caller's own office by default) in number
 * order — letter date, issue time, id — under a keyset cursor; optionally one year, one meeting.
 */
export async function registerPage(user: CurrentUser, opts: { officeId?: string; year?: number; meetingId?: string; limit: number; cursor?: string }) {
  const officeId = opts.officeId ?? (await officeOf(user.workUnitId))?.id;
  if (!officeId) throw new ForbiddenError();
  await requireRegister(user, officeId);
  const filters = [eq(letters.officeUnitId, officeId)];
  if (opts.year !== undefined) filters.push(eq(letters.year, opts.year));
  if (opts.meetingId) filters.push(eq(letters.meetingId, opts.meetingId));
  const where = and(...filters);
  type Row = LetterWithRecord & { issuedAtText: string };
  const page = keyset<Row>({
    columns: [
      { sql: sql`${letters.letterDate}`, type: "date" },
      { sql: sql`${letters.issuedAt}`, type: "timestamptz" },
      { sql: sql`${letters.id}`, type: "uuid" },
    ],
    order: "asc",
    limit: opts.limit,
    cursor: opts.cursor,
    binding: bindingOf({ list: "letters", officeId, year: opts.year, meetingId: opts.meetingId, limit: opts.limit }),
    // issued_at as PostgreSQL's text (microseconds), so two letters of the same millisecond stay apart.
    keyOf: (l) => [l.letterDate, l.issuedAtText, l.id],
  });
  const [found, [total]] = await Promise.all([
    db
      .select({ ...letterWithRecord, issuedAtText: sql<string>`${letters.issuedAt}::text` })
      .from(letters)
      .leftJoin(documents, eq(documents.letterId, letters.id))
      .where(and(where, page.where))
      .orderBy(page.orderBy)
      .limit(page.fetch),
    rows<{ n: number }>(cappedCountSql(sql`from letters where ${where}`)),
  ]);
  const out = page.finish(found.map((f) => ({ ...f.letter, sha256: f.sha256, code: f.code, issuedAtText: f.issuedAtText })));
  return { ...out, ...cappedTotal(total?.n) };
}

/** The years an office has letters in, newest first (the register's year filter). */
export async function registerYears(user: CurrentUser, officeId: string): Promise<number[]> {
  await requireRegister(user, officeId);
  const found = await db.selectDistinct({ year: letters.year }).from(letters).where(eq(letters.officeUnitId, officeId)).orderBy(desc(letters.year)).limit(100);
  return found.map((r) => r.year);
}

/** Where the sequence stands for the admin form and the issue form: format and next number this year. */
export async function sequenceState(officeId: string, timeZone: string) {
  const settings = await getOfficeSettings(officeId);
  const format = settings?.letterNumberFormat ?? "";
  if (!format) return null;
  const today = todayIn(timeZone);
  const next = await sequenceNext(officeId, format, yearOf(today));
  return { format, next, preview: formatLetterNumber(format, next, today) };
}

/**
 * What the documents tab shows: the letters issued, the kinds that may be issued now (an undangan
 * once; a perubahan jadwal after a move; a pembatalan after a cancellation) and the form's start.
 */
export async function letterFormState(m: Pick<MeetingRecord, "id" | "status" | "startsAt" | "endsAt" | "organizerUnitId" | "chairName" | "chairPosition" | "timeZone" | "title">) {
  const office = await officeOf(m.organizerUnitId);
  const [issued, settings, officeZone] = await Promise.all([
    lettersOfMeeting(m.id),
    office ? getOfficeSettings(office.id) : null,
    office ? office.timeZone : m.timeZone,
  ]);
  const active = issued.filter((l) => !l.withdrawnAt);
  const invitation = active.find((l) => l.kind === "invitation") ?? null;
  const last = active.filter((l) => l.kind !== "cancellation").at(-1) ?? null;
  const kinds: LetterKind[] = [];
  if (!invitation && m.status !== "draft" && m.status !== "cancelled") kinds.push("invitation");
  if (invitation && last && m.status !== "cancelled" && (last.details.startsAt !== m.startsAt.toISOString() || last.details.endsAt !== m.endsAt.toISOString())) kinds.push("reschedule");
  if (invitation && m.status === "cancelled" && !active.some((l) => l.kind === "cancellation")) kinds.push("cancellation");
  const sequence = office ? await sequenceState(office.id, officeZone) : null;
  const today = todayIn(officeZone);
  const day = todayIn(m.timeZone, m.startsAt);
  const base = invitation;
  const initial = {
    kind: kinds[0] ?? "invitation",
    numberMode: sequence ? ("sequence" as const) : ("manual" as const),
    number: "",
    letterDate: kinds[0] === "invitation" && day < today ? day : today,
    placeName: base?.placeName ?? settings?.placeName ?? "",
    nature: base?.nature ?? "biasa",
    subject: "",
    addressees: (base?.addressees ?? []).join("\n"),
    copies: (base?.copies ?? settings?.defaultCopies ?? []).join("\n"),
    signerName: base?.signerName ?? settings?.defaultSigner?.name ?? m.chairName ?? "",
    signerPosition: base?.signerPosition ?? settings?.defaultSigner?.position ?? m.chairPosition ?? "",
    signerNip: base?.signerNip ?? settings?.defaultSigner?.nip ?? "",
    onBehalfKind: base?.onBehalfKind ?? "",
    onBehalfOf: base?.onBehalfOf ?? "",
  };
  return { issued, kinds, nextNumber: sequence?.preview ?? null, initial };
}

/**
 * The register of a year as an XLSX file: title block (office, year, who downloaded it), print
 * titles, print area, A4 landscape, fit to width, page numbers; a withdrawn letter says so, with
 * when and why.
 */
export async function registerXlsx(user: CurrentUser, officeId: string, year: number, now = new Date()): Promise<Uint8Array> {
  const { rows: list } = await listRegister(user, officeId, year, 1, 5000);
  const [office] = await rows<{ name: string; timeZone: string }>(sql`select name, time_zone from work_units where id = ${officeId}`);
  const zone = office?.timeZone ?? user.timeZone;
  const { titledWorkbook, dateCell } = await import("@/lib/spreadsheet");
  const title = `BUKU AGENDA SURAT KELUAR ${year}`;
  return titledWorkbook([
    {
      name: `Surat keluar ${year}`,
      title,
      lines: [office?.name, `Diunduh ${formatDateTime(now, user.timeZone)} oleh ${user.name}`],
      header: ["No.", "Nomor surat", "Tanggal", "Jenis", "Hal", "Kepada", "Penanda tangan", "Keterangan"],
      body: list.map((r, i) => [
        i + 1,
        r.number,
        dateCell(r.letterDate),
        LETTER_TITLES[r.kind],
        r.subject,
        r.addresseesAttached || r.addressees.length === 0 ? "Daftar terlampir" : r.addressees.join("; "),
        r.signerName,
        r.withdrawnAt ? `Ditarik ${formatDateTime(r.withdrawnAt, zone)}: ${r.withdrawReason ?? ""}` : "",
      ]),
      dateColumns: [2],
      widths: [6, 30, 12, 22, 45, 30, 28, 30],
      footer: `${title} — ${office?.name ?? ""}`,
    },
  ]);
}

export const LETTER_KIND_LABELS = LETTER_TITLES;
