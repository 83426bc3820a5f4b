import "server-only";
import type { QueueName } from "@/db/queue";
import type { JobData } from "./types";

/** What runs a job of each queue. A throw fails the attempt; pg-boss retries by the queue's policy. */
export const JOB_HANDLERS: { [Q in QueueName]: (data: JobData[Q]) => Promise<unknown> } = {
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
