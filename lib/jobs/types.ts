import type { QueueName } from "@/db/queue";

/** What a job of each queue carries (JSON). */
export type JobData = {
  reminders: Record<string, never>;
  "webhooks-fanout": Record<string, never>;
  "webhook-deliver": { deliveryId: string };
} & Record<QueueName, object>;
