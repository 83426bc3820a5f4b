import type { z } from "zod";
import type { EventKind, WebhookDelivery, WebhookSubscription } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { eventJson, readEvents } from "@/lib/integrations/events";
import { createSubscription, deleteSubscription, getSubscription, listDeliveries, listSubscriptions, redeliver } from "@/lib/integrations/webhooks";
import { withCurrent } from "./meetings";
import type * as r from "./resources";
import type * as s from "./schemas";

type Out<T extends z.ZodType> = z.output<T>;
type Ctx = { ip?: string | null };

export async function apiEvents(user: CurrentUser, q: z.output<typeof s.eventsQuery>): Promise<Out<typeof r.EventPage>> {
  const page = await readEvents(user, { after: q.after, limit: q.limit, kinds: q.kinds?.split(",") as EventKind[] | undefined, meetingId: q.meetingId });
  return { items: page.items.map(eventJson), nextCursor: page.nextCursor, more: page.more };
}

const webhookJson = (w: WebhookSubscription): Out<typeof r.Webhook> => ({
  id: w.id,
  url: w.url,
  kinds: w.kinds,
  active: w.active,
  createdAt: w.createdAt.toISOString(),
  version: w.version,
  updatedAt: w.updatedAt.toISOString(),
});

const deliveryJson = (d: WebhookDelivery): Out<typeof r.WebhookDelivery> => {
  const payload = JSON.parse(d.payload) as { id?: string };
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    eventId: payload.id ?? String(d.eventId),
    status: d.status,
    attempts: d.attempts,
    payload: d.payload,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastResponseBody: d.lastResponseBody,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
};

export async function apiListWebhooks(user: CurrentUser): Promise<Out<typeof r.WebhookList>> {
  return { items: (await listSubscriptions(user)).map(webhookJson) };
}

export async function apiCreateWebhook(user: CurrentUser, body: z.output<typeof s.webhookBody>, ctx: Ctx): Promise<Out<typeof r.CreatedWebhook>> {
  const w = await createSubscription(user, body, ctx);
  return { ...webhookJson(w), secret: w.secret };
}

export async function apiGetWebhook(user: CurrentUser, id: string) {
  return webhookJson(await getSubscription(user, id));
}

export async function apiDeleteWebhook(user: CurrentUser, id: string, version: number, ctx: Ctx) {
  await withCurrent(deleteSubscription(user, id, version, ctx), () => apiGetWebhook(user, id));
}

export async function apiWebhookDeliveries(user: CurrentUser, id: string): Promise<Out<typeof r.WebhookDeliveryList>> {
  return { items: (await listDeliveries(user, id)).map(deliveryJson) };
}

export async function apiRedeliver(user: CurrentUser, deliveryId: string) {
  return deliveryJson(await redeliver(user, deliveryId));
}
