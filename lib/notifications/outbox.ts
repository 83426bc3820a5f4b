import "server-only";
import { and, count, desc, eq, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
import { deliverRows, MAX_ATTEMPTS } from "@/lib/mail/send";
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

/**
 * Sends pending emails through SMTP (nodemailer) when SMTP_URL is set; without it, pending
 * emails are marked "kept" (they stay in the outbox for admins to read).
 */
export async function deliverOutbox(limit = 100): Promise<{ sent: number; failed: number; kept: number }> {
  const smtp = process.env.SMTP_URL;
  if (!smtp) {
    const kept = await db.update(outboxEmails).set({ status: "kept" }).where(eq(outboxEmails.status, "pending")).returning({ id: outboxEmails.id });
    return { sent: 0, failed: 0, kept: kept.length };
  }
  const pending = await db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.status, "pending"), lt(outboxEmails.attempts, MAX_ATTEMPTS)))
    .orderBy(outboxEmails.createdAt)
    .limit(limit);
  const { sent, failed } = await deliverRows(smtp, pending);
  return { sent, failed, kept: 0 };
}
