import { type AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { JOB_SCHEMA, QUEUES } from "@/db/queue";
import { startWorkers } from "@/lib/jobs/runtime";
import { listDeadLetters, resendEmail } from "@/lib/notifications/outbox";
import { makeDivision, makeUser, uid } from "@/tests/fixtures";
import { runQueuedJobs } from "@/tests/jobs";
import { queueEmails } from "./send";

/** A local SMTP server that counts what it receives by subject, and refuses recipients at "tolak.*". */
function smtpSink() {
  const received = new Map<string, number>();
  let refuse = true;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    disableReverseLookup: true,
    onRcptTo(address, _session, cb) {
      if (refuse && address.address.startsWith("tolak.")) return cb(new Error("550 mailbox unavailable"));
      cb();
    },
    onData(stream, _session, cb) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? "";
        received.set(subject, (received.get(subject) ?? 0) + 1);
        cb();
      });
    },
  });
  return {
    received,
    accept: () => (refuse = false),
    listen: () => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const statusCounts = async (keyPrefix: string) =>
  rows<{ status: string; n: number }>(sql`select status, count(*)::int as n from outbox_emails where dedupe_key like ${`${keyPrefix}%`} group by status`);

describe("e-mail delivery as jobs on the queue", { timeout: 180_000 }, () => {
  const sink = smtpSink();
  const oldSmtp = process.env.SMTP_URL;
  beforeAll(async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await sink.listen()}`;
  });
  afterAll(async () => {
    if (oldSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = oldSmtp;
    await sink.close();
  });

  it.skipIf(!process.env.DATABASE_URL)("two worker instances on one PostgreSQL send 1,000 e-mails, each exactly once", async () => {
    const run = uid();
    const emails = Array.from({ length: 1000 }, (_, i) => ({ to: `peserta${i}@test.rakor`, subject: `Uji ${run} #${i}`, body: "Isi", dedupeKey: `load:${run}:${i}` }));
    const started = Date.now();
    expect(await db.transaction((tx) => queueEmails(tx, emails))).toBe(1000);
    // Two pg-boss runtimes with pools of their own: two app instances' workers on one database.
    const instances = [0, 1].map(() => new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: JOB_SCHEMA, migrate: false, supervise: false, schedule: false, max: 3 }));
    try {
      for (const boss of instances) {
        boss.on("error", () => {});
        await boss.start();
        await startWorkers(boss, { queues: ["email"], pollingIntervalSeconds: 0.5 });
      }
      const deadline = Date.now() + 150_000;
      let sent = 0;
      while (Date.now() < deadline) {
        sent = (await statusCounts(`load:${run}:`)).find((r) => r.status === "sent")?.n ?? 0;
        if (sent === 1000) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(sent).toBe(1000);
    } finally {
      await Promise.all(instances.map((b) => b.stop({ graceful: true, wait: true, timeout: 10_000 })));
    }
    const ours = [...sink.received].filter(([s]) => s.startsWith(`Uji ${run} #`));
    console.log(`[delivery] 1000 e-mails through two worker instances in ${Date.now() - started} ms`);
    expect(ours).toHaveLength(1000);
    expect(ours.every(([, n]) => n === 1)).toBe(true);
  });

  it("a message that fails on every attempt lands in the dead-letter list, and 'kirim ulang' sends it", async () => {
    const { division, unitA } = await makeDivision();
    const admin = await makeUser("admin", division.id);
    void unitA;
    const run = uid();
    await db.transaction((tx) => queueEmails(tx, [{ to: `tolak.${run}@test.rakor`, subject: `Gagal ${run}`, body: "Isi", dedupeKey: `dead:${run}` }]));
    const attempts = QUEUES.email.retryLimit + 1;
    expect(attempts).toBe(3);
    for (let i = 1; i <= attempts; i++) {
      // The retry waits out its backoff; here it is made due at once.
      await rows(sql`update ${sql.identifier(JOB_SCHEMA)}.job set start_after = now() where name = 'email' and state = 'retry'`);
      expect(await runQueuedJobs("email")).toEqual({ ran: 1, failed: 1 });
      const [row] = await rows<{ status: string; attempts: number; error: string }>(sql`select status, attempts, error from outbox_emails where dedupe_key = ${`dead:${run}`}`);
      expect(row).toMatchObject({ status: i < attempts ? "pending" : "failed", attempts: i });
      expect(row!.error).toContain("mailbox unavailable");
    }
    await rows(sql`update ${sql.identifier(JOB_SCHEMA)}.job set start_after = now() where name = 'email' and state = 'retry'`);
    expect(await runQueuedJobs("email")).toEqual({ ran: 0, failed: 0 });
    const dead = await listDeadLetters(admin);
    const letter = dead.items.find((d) => d.subject === `Gagal ${run}`);
    expect(letter).toMatchObject({ toAddress: `tolak.${run}@test.rakor`, attempts: 3 });

    sink.accept();
    await resendEmail(admin, letter!.id);
    expect(await runQueuedJobs("email")).toEqual({ ran: 1, failed: 0 });
    expect(sink.received.get(`Gagal ${run}`)).toBe(1);
    expect((await listDeadLetters(admin)).items.find((d) => d.id === letter!.id)).toBeUndefined();
    await expect(resendEmail(admin, letter!.id)).rejects.toThrow();
  });
});
