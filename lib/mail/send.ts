import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { oneLine } from "@/lib/input";

export type OutgoingEmail = {
  to: string;
  subject: string;
  body: string;
  attachments?: { filename: string; contentType: string; content: string /* base64 */ }[];
  dedupeKey: string;
};

export const MAX_ATTEMPTS = 5;

/**
 * Puts emails in the outbox (idempotent by dedupe key) and, when SMTP_URL is set, sends them at
 * once with their attachments (nodemailer). Without SMTP_URL they are kept in the outbox for
 * admins to read ("kept"). A failed send stays "pending" for the outbox job to retry.
 */
export async function sendEmails(emails: readonly OutgoingEmail[]): Promise<{ queued: number; sent: number; failed: number }> {
  if (emails.length === 0) return { queued: 0, sent: 0, failed: 0 };
  const smtp = process.env.SMTP_URL;
  const inserted = await db
    .insert(outboxEmails)
    .values(
      emails.map((e) => ({
        toAddress: oneLine(e.to),
        // Header fields are one line whatever a meeting title holds (no header injection).
        subject: oneLine(e.subject),
        body: e.body,
        attachments: (e.attachments ?? []).map((a) => ({ ...a, filename: oneLine(a.filename) })),
        status: smtp ? "pending" : "kept",
        dedupeKey: e.dedupeKey,
      })),
    )
    .onConflictDoNothing({ target: outboxEmails.dedupeKey })
    .returning({ id: outboxEmails.id });
  if (!smtp || inserted.length === 0) return { queued: inserted.length, sent: 0, failed: 0 };
  const { sent, failed } = await deliver(smtp, inserted.map((r) => r.id));
  return { queued: inserted.length, sent, failed };
}

async function deliver(smtp: string, ids: string[]) {
  return deliverRows(smtp, await db.select().from(outboxEmails).where(inArray(outboxEmails.id, ids)));
}

/** Sends outbox rows through SMTP with their attachments; a failure stays pending (5 tries). */
export async function deliverRows(smtp: string, pending: (typeof outboxEmails.$inferSelect)[]) {
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(smtp);
  const from = process.env.MAIL_FROM ?? "Rakor <no-reply@rakor.local>";
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    try {
      await transport.sendMail({
        from,
        to: mail.toAddress,
        subject: oneLine(mail.subject),
        text: mail.body,
        attachments: mail.attachments.map((a) => ({ filename: oneLine(a.filename), contentType: a.contentType, content: Buffer.from(a.content, "base64") })),
      });
      await db.update(outboxEmails).set({ status: "sent", sentAt: new Date(), attempts: sql`${outboxEmails.attempts} + 1`, error: null }).where(eq(outboxEmails.id, mail.id));
      sent++;
    } catch (e) {
      const attempts = mail.attempts + 1;
      await db
        .update(outboxEmails)
        .set({ status: attempts >= MAX_ATTEMPTS ? "failed" : "pending", attempts, error: String((e as Error).message ?? e).slice(0, 500) })
        .where(eq(outboxEmails.id, mail.id));
      failed++;
    }
  }
  transport.close();
  return { sent, failed };
}
