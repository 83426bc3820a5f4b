import { and, count, desc, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
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
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(smtp);
  const from = process.env.MAIL_FROM ?? "Rakor <no-reply@rakor.local>";
  const pending = await db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.status, "pending"), lt(outboxEmails.attempts, 5)))
    .orderBy(outboxEmails.createdAt)
    .limit(limit);
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    try {
      await transport.sendMail({ from, to: mail.toAddress, subject: mail.subject, text: mail.body });
      await db.update(outboxEmails).set({ status: "sent", sentAt: new Date(), attempts: sql`${outboxEmails.attempts} + 1`, error: null }).where(eq(outboxEmails.id, mail.id));
      sent++;
    } catch (e) {
      const attempts = mail.attempts + 1;
      await db
        .update(outboxEmails)
        .set({ status: attempts >= 5 ? "failed" : "pending", attempts, error: String((e as Error).message ?? e).slice(0, 500) })
        .where(eq(outboxEmails.id, mail.id));
      failed++;
    }
  }
  transport.close();
  return { sent, failed, kept: 0 };
}
