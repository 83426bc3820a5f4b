import { queue, type QueueName } from "@/db/queue";
import { runJob } from "@/lib/jobs/runtime";

/**
 * Runs the jobs waiting on a queue now, in this process, the way a worker would (fetch, run,
 * complete or fail — a failure is retried by the queue's policy once its delay has passed).
 * Tests call it instead of waiting for the workers' polling. Returns how many ran and failed.
 */
export async function runQueuedJobs(name: QueueName, limit = 1000): Promise<{ ran: number; failed: number }> {
  const boss = queue();
  let ran = 0;
  let failed = 0;
  while (ran < limit) {
    const jobs = await boss.fetch<object>(name, { batchSize: Math.min(100, limit - ran), includeMetadata: true });
    if (jobs.length === 0) break;
    for (const job of jobs) {
      ran++;
      if (!(await runJob(boss, name, job))) failed++;
    }
  }
  return { ran, failed };
}
