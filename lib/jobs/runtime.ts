import "server-only";
import type PgBoss from "pg-boss";
import { QUEUE_NAMES, queue, type QueueName } from "@/db/queue";
import { JOB_BATCH, JOB_HANDLERS, jobSchedules } from "./handlers";

const g = globalThis as unknown as { __rakorJobsStarted?: boolean };

/** How often an idle worker asks its queue for work (seconds; pg-boss's minimum is 0.5). */
const POLL_SECONDS = Number(process.env.JOBS_POLL_SECONDS ?? 2);

/**
 * Runs one fetched job with its queue's handler; a failure fails that job alone (pg-boss retries
 * it by the queue's policy), the others of the batch complete.
 */
export async function runJob(boss: PgBoss, name: QueueName, job: PgBoss.JobWithMetadata<object>): Promise<boolean> {
  const handler = JOB_HANDLERS[name] as (data: object, meta: { id: string; retryCount: number; retryLimit: number }) => Promise<unknown>;
  try {
    const output = await handler(job.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
    await boss.complete(name, job.id, typeof output === "object" && output !== null ? output : {});
    return true;
  } catch (e) {
    await boss.fail(name, job.id, { message: e instanceof Error ? e.message : String(e) });
    return false;
  }
}

/** A worker per queue on a started pg-boss instance (also used by tests for a second "instance"). */
export async function startWorkers(boss: PgBoss, opts: { queues?: readonly QueueName[]; pollingIntervalSeconds?: number } = {}) {
  for (const name of opts.queues ?? QUEUE_NAMES) {
    await boss.work<object>(
      name,
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? POLL_SECONDS, batchSize: JOB_BATCH[name], includeMetadata: true },
      async (jobs) => {
        // The jobs of a batch are independent (e-mails): they run side by side, each ends alone.
        await Promise.all(jobs.map((job) => runJob(boss, name, job)));
      },
    );
  }
}

/**
 * Starts this process's share of the background work: pg-boss's maintenance and cron, one worker
 * per queue, and the cron schedules. Every app instance may run it — a job is fetched by exactly
 * one worker (SKIP LOCKED) and a cron slot is sent once. Idempotent.
 */
export async function startJobRuntime() {
  if (g.__rakorJobsStarted) return;
  g.__rakorJobsStarted = true;
  const boss = queue();
  await boss.start();
  await startWorkers(boss);
  const wanted = jobSchedules();
  for (const s of wanted) await boss.schedule(s.name, s.cron, {}, { tz: "UTC" });
  for (const s of await boss.getSchedules()) {
    if (!wanted.some((w) => w.name === s.name)) await boss.unschedule(s.name);
  }
}
