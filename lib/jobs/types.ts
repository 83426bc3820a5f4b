import type { QueueName } from "@/db/queue";

/** What a job of each queue carries (JSON). */
export type JobData = {
  reminders: Record<string, never>;
} & Record<QueueName, object>;
