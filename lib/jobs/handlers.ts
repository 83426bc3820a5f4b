import "server-only";
import type { QueueName } from "@/db/queue";
import type { JobData, JobMeta } from "./types";

/** What runs a job of each queue. A throw fails the attempt; pg-boss retries by the queue's policy. */
export const JOB_HANDLERS: { [Q in QueueName]: (data: JobData[Q], job: JobMeta) => Promise<unknown> } = {
  reminders: async () => {
    const { runReminders } = await import("@/lib/follow-ups/reminders");
    return runReminders();
  },
  "webhooks-fanout": async () => {
    const { fanOutEvents } = await import("@/lib/integrations/webhooks");
    return fanOutEvents();
  },
  "webhook-deliver": async (data) => {
    const { deliverWebhook } = await import("@/lib/integrations/webhooks");
    return deliverWebhook(data.deliveryId);
  },
  email: async (data, job) => {
    const { deliverEmail } = await import("@/lib/mail/send");
    return deliverEmail(data.outboxId, job);
  },
  notices: async (data) => {
    const { runNoticeJob } = await import("@/lib/notifications/fan-out");
    return runNoticeJob(data);
  },
};

/** How many jobs a worker fetches at once, per queue (each still runs, succeeds or fails alone). */
export const JOB_BATCH: Record<QueueName, number> = {
  reminders: 1,
  email: Math.max(1, Number(process.env.EMAIL_BATCH_SIZE ?? 20) || 20),
  notices: 1,
  "webhooks-fanout": 1,
  "webhook-deliver": 1,
};

/** Cron schedules (UTC) of the queues that run by the clock rather than by an event. */
export function jobSchedules(): { name: QueueName; cron: string }[] {
  // New events become webhook deliveries within a minute.
  const out: { name: QueueName; cron: string }[] = [{ name: "webhooks-fanout", cron: "* * * * *" }];
  const every = Number(process.env.REMINDERS_EVERY_MINUTES ?? 15);
  if (!(every > 0)) return out;
  // A cron step must divide the hour: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 minutes, or hourly.
  const step = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30].filter((s) => s <= every).at(-1) ?? 1;
  return [{ name: "reminders", cron: every >= 60 ? "0 * * * *" : `*/${step} * * * *` }, ...out];
}
