import type { QueueName } from "@/db/queue";

/** What a job of each queue carries (JSON). */
export type JobData = {
  reminders: Record<string, never>;
  "webhooks-fanout": Record<string, never>;
  "webhook-deliver": { deliveryId: string };
  /** One outgoing e-mail: the outbox row to send. */
  email: { outboxId: string };
  /** A notice to many people, written by the job (lib/notifications/fan-out.ts). */
  notices: NoticeJob;
} & Record<QueueName, object>;

export type NoticeJob = {
  kind: "meeting";
  meetingId: string;
  change: "published" | "rescheduled" | "cancelled" | "changed" | "minutes_finalized";
  /** The notices' dedupe key (a retried or repeated job writes nothing twice). */
  key: string;
  /** What the change was, taken when it happened (old time, reason, what changed). */
  details?: Record<string, unknown>;
};

/** What a handler knows of its job besides the data: which attempt this is. */
export type JobMeta = { id: string; retryCount: number; retryLimit: number };
