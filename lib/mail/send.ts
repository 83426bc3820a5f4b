import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { rows, type DbOrTx } from "@/db/client";
import { JOB_SCHEMA } from "@/db/queue";
import { oneLine } from "@/lib/input";

export type OutgoingEmail = {
  to: string;
  subject: string;
  body: string;
  attachments?: { filename: string; contentType: string; content: string /* base64 */ }[];
  dedupeKey: string;
};

/** The status a new outbox row gets: "pending" (a job sends it) with SMTP_URL, else "kept" for admins to read. */
export const newEmailStatus = () => (process.env.SMTP_URL ? "pending" : "kept");

/**
 * One `email` job per outbox row selected by `source` (a query with an `id` column), in the same
 * statement — so a fan-out to thousands of people is one INSERT … SELECT, not a call per message.
 * The jobs carry the queue's policy (retries, backoff, expiry) the way pg-boss's own insert does.
 */
export function emailJobsSql(source: SQL): SQL {
  const schema = sql.identifier(JOB_SCHEMA);
  return sql`
    insert into ${schema}.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, keep_until, policy, dead_letter)
    select q.name, jsonb_build_object('outboxId', s.id),
           coalesce(q.retry_limit, 2),
           case when q.retry_backoff then greatest(coalesce(q.retry_delay, 0), 1) else coalesce(q.retry_delay, 0) end,
           coalesce(q.retry_backoff, false),
           coalesce(q.expire_seconds, 900) * interval '1 second',
           now() + coalesce(q.retention_minutes * 60, 1209600) * interval '1 second',
           q.policy, q.dead_letter
      from (${source}) s cross join ${schema}.queue q
     where q.name = 'email'
    returning id`;
}

/**
 * Puts e-mails in the outbox (idempotent by dedupe key) in the caller's transaction, each with its
 * delivery job when SMTP_URL is set (one statement for all). Returns how many were new.
 */
export async function queueEmails(tx: DbOrTx, emails: readonly OutgoingEmail[]): Promise<number> {
  if (emails.length === 0) return 0;
  const list = emails.map((e) => ({
    to: oneLine(e.to),
    // Header fields are one line whatever a meeting title holds (no header injection).
    subject: oneLine(e.subject),
    body: e.body,
    attachments: (e.attachments ?? []).map((a) => ({ ...a, filename: oneLine(a.filename) })),
    key: e.dedupeKey,
  }));
  const [r] = await rows<{ n: number }>(
    sql`
    with src as (
      select * from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x("to" text, subject text, body text, attachments jsonb, key text)
    ),
    e as (
      insert into outbox_emails (to_address, subject, body, attachments, status, dedupe_key)
      select "to", subject, body, attachments, ${newEmailStatus()}, key from src
      on conflict (dedupe_key) do nothing
      returning id, status
    ),
    j as (${emailJobsSql(sql`select id from e where status = 'pending'`)})
    select (select count(*) from e)::int as n`,
    tx,
  );
  return Number(r?.n ?? 0);
}

const g = globalThis as unknown as { __rakorSmtp?: { url: string; transport: Transporter } };

/**
 * One SMTP transport per process (and per SMTP_URL): a connection per message (the messages of a
 * worker's batch go side by side), with timeouts well inside the job's expiry so a stuck server
 * fails the attempt instead of holding the job.
 */
async function transport(url: string): Promise<Transporter> {
  if (g.__rakorSmtp?.url === url) return g.__rakorSmtp.transport;
  const { createTransport } = await import("nodemailer");
  g.__rakorSmtp?.transport.close();
  const withTimeouts = new URL(url);
  for (const [key, ms] of [["connectionTimeout", 10_000], ["greetingTimeout", 10_000], ["socketTimeout", 30_000]] as const) {
    if (!withTimeouts.searchParams.has(key)) withTimeouts.searchParams.set(key, String(ms));
  }
  const t = createTransport(withTimeouts.toString());
  g.__rakorSmtp = { url, transport: t };
  return t;
}

type OutboxRow = {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  attachments: { filename: string; contentType: string; content: string }[];
};

export type EmailAttempt = { retryCount: number; retryLimit: number };

/**
 * The `email` job: sends one outbox row through SMTP. The row is claimed first (pending → attempt
 * counted), so a row already sent, kept or failed is never sent again. A failure records the error
 * and throws (pg-boss retries with backoff); on the last attempt the row becomes "failed": a dead
 * letter an admin can send again from /admin/outbox.
 */
export async function deliverEmail(outboxId: string, attempt: EmailAttempt): Promise<{ sent: boolean }> {
  const [mail] = await rows<OutboxRow>(
    sql`update outbox_emails set attempts = attempts + 1 where id = ${outboxId}::uuid and status = 'pending'
        returning id, to_address, subject, body, attachments`,
  );
  if (!mail) return { sent: false };
  try {
    const smtp = process.env.SMTP_URL;
    if (!smtp) throw new Error("SMTP_URL is not set");
    await (
      await transport(smtp)
    ).sendMail({
      from: process.env.MAIL_FROM ?? "Rakor <no-reply@rakor.local>",
      to: mail.toAddress,
      subject: oneLine(mail.subject),
      text: mail.body,
      attachments: mail.attachments.map((a) => ({ filename: oneLine(a.filename), contentType: a.contentType, content: Buffer.from(a.content, "base64") })),
    });
  } catch (e) {
    const last = attempt.retryCount >= attempt.retryLimit;
    const message = String((e as Error)?.message ?? e).slice(0, 500);
    await rows(sql`update outbox_emails set status = ${last ? "failed" : "pending"}, error = ${message} where id = ${mail.id}::uuid`);
    throw e;
  }
  await rows(sql`update outbox_emails set status = 'sent', sent_at = now(), error = null where id = ${mail.id}::uuid`);
  return { sent: true };
}
