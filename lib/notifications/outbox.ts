import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { emailJobsSql } from "@/lib/mail/send";
import { can } from "@/lib/permissions";

export const OUTBOX_PAGE_SIZE = 25;

/** The outbox, for admins: emails kept (no SMTP configured), pending, sent or failed. */
export async function listOutbox(user: CurrentUser, page = 1) {
  if (!can(user, "outbox.view")) throw new ForbiddenError();
  const p = Math.max(1, Math.floor(page) || 1);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(outboxEmails)
      .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset((p - 1) * OUTBOX_PAGE_SIZE),
    db.select({ n: count() }).from(outboxEmails),
  ]);
  return { items, total: total?.n ?? 0, page: p, pageSize: OUTBOX_PAGE_SIZE };
}

export const DEAD_LETTER_LIMIT = 50;

/**
 * The dead letters: e-mails whose every delivery attempt failed (status "failed"), newest first,
 * with their last error. Read through the (status, created_at) index; capped.
 */
export async function listDeadLetters(user: CurrentUser) {
  if (!can(user, "outbox.view")) throw new ForbiddenError();
  const [items, [total]] = await Promise.all([
    db
      .select({ id: outboxEmails.id, toAddress: outboxEmails.toAddress, subject: outboxEmails.subject, attempts: outboxEmails.attempts, error: outboxEmails.error, createdAt: outboxEmails.createdAt })
      .from(outboxEmails)
      .where(eq(outboxEmails.status, "failed"))
      .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
      .limit(DEAD_LETTER_LIMIT),
    db.select({ n: count() }).from(outboxEmails).where(eq(outboxEmails.status, "failed")),
  ]);
  return { items, total: total?.n ?? 0 };
}

/**
 * "Kirim ulang": a dead letter goes back to pending with a fresh delivery job (same transaction),
 * its attempts counted from zero. Only a failed e-mail can be sent again (never a sent one twice).
 */
export async function resendEmail(user: CurrentUser, id: string): Promise<void> {
  if (!can(user, "outbox.view")) throw new ForbiddenError();
  if (!isUuid(id)) throw new NotFoundError();
  if (!process.env.SMTP_URL) throw new ValidationError({ _form: ["followUps.outbox.noSmtp"] }, "followUps.outbox.noSmtp");
  const done = await db.transaction(async (tx) => {
    const [r] = await rows<{ n: number }>(
      sql`with e as (
            update outbox_emails set status = 'pending', attempts = 0, error = null
             where id = ${id}::uuid and status = 'failed' returning id
          ), j as (${emailJobsSql(sql`select id from e`)})
          select (select count(*) from e)::int as n`,
      tx,
    );
    return Number(r?.n ?? 0);
  });
  if (done === 0) throw new NotFoundError();
}
