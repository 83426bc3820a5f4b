import "server-only";
import { QUEUE_NAMES, queue } from "@/db/queue";
import { JOB_HANDLERS, jobSchedules } from "./handlers";

const g = globalThis as unknown as { __rakorJobsStarted?: boolean };

/** How often an idle worker asks its queue for work (seconds; pg-boss's minimum is 0.5). */
const POLL_SECONDS = Number(process.env.JOBS_POLL_SECONDS ?? 2);

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
  for (const name of QUEUE_NAMES) {
    const handler = JOB_HANDLERS[name] as (data: object) => Promise<unknown>;
    await boss.work<object>(name, { pollingIntervalSeconds: POLL_SECONDS, batchSize: 1 }, async ([job]) => handler(job.data));
  }
  const wanted = jobSchedules();
  for (const s of wanted) await boss.schedule(s.name, s.cron, {}, { tz: "UTC" });
  for (const s of await boss.getSchedules()) {
    if (!wanted.some((w) => w.name === s.name)) await boss.unschedule(s.name);
  }
}
