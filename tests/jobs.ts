import { queue, type QueueName } from "@/db/queue";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";

/**
 * Runs the jobs waiting on a queue now, in this process, the way a worker would (fetch, run,
 * complete or fail — a failure is retried by the queue's policy once its delay has passed).
 * Tests call it instead of waiting for the workers' polling. Returns how many ran and failed.
 */
export async function runQueuedJobs(name: QueueName, limit = 1000): Promise<{ ran: number; failed: number }> {
  const boss = queue();
  const handler = JOB_HANDLERS[name] as (data: object) => Promise<unknown>;
  let ran = 0;
  let failed = 0;
  while (ran < limit) {
    const jobs = await boss.fetch<object>(name, { batchSize: Math.min(100, limit - ran) });
    if (jobs.length === 0) break;
    for (const job of jobs) {
      ran++;
      try {
        const output = await handler(job.data);
        await boss.complete(name, job.id, typeof output === "object" && output !== null ? output : {});
      } catch (e) {
        failed++;
        await boss.fail(name, job.id, { message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return { ran, failed };
}
