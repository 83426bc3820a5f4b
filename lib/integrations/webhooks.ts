import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { QUEUES } from "@/db/queue";
import { webhookDeliveries, webhookSubscriptions, type EventKind } from "@/db/schema";
import { audit } from "@/lib/audit";
import { loadUser } from "@/lib/auth/load-user";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, orConflict } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { enqueue } from "@/lib/jobs/enqueue";
import { can } from "@/lib/permissions";
import { eventJson, eventsVisibleTo, rowToEvent, type EventRowRaw } from "./events";
import { OutboundRefused, checkTargetUrl, postJson } from "./outbound";

/**
 * Webhooks: an admin or the secretariat subscribes a URL to kinds of events; every event their
 * account may see is POSTed there as JSON, signed:
 *
 *   Rakor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * (verify by recomputing over the raw body and comparing in constant time; refuse a `t` older
 * than 5 minutes). Deliveries are pg-boss jobs retried with exponential backoff; every delivery
 * keeps its body, its attempts and the receiver's last answer, for inspection and redelivery.
 */

type Ctx = { ip?: string | null };

export const signPayload = (secret: string, timestamp: number, body: string) => createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
export const signatureHeader = (secret: string, timestamp: number, body: string) => `t=${timestamp},v1=${signPayload(secret, timestamp, body)}`;

function requireManager(user: CurrentUser) {
  if (!can(user, "webhook.manage")) throw new ForbiddenError();
}

export async function createSubscription(user: CurrentUser, input: { url: string; kinds?: EventKind[] }, ctx: Ctx = {}) {
  requireManager(user);
  try {
    await checkTargetUrl(input.url);
  } catch (e) {
    if (e instanceof OutboundRefused) throw new ValidationError({ url: [e.message] });
    throw e;
  }
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({ ownerUserId: user.id, url: input.url, kinds: [...new Set(input.kinds ?? [])], secret })
      .returning();
    await audit(tx, { actorId: user.id, ...ctx }, "webhook.create", "webhook", row!.id, { url: input.url, kinds: row!.kinds });
    return row!;
  });
}

async function ownSubscription(user: CurrentUser, id: string) {
  requireManager(user);
  if (!isUuid(id)) throw new NotFoundError();
  const [row] = await db.select().from(webhookSubscriptions).where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.ownerUserId, user.id)));
  if (!row) throw new NotFoundError();
  return row;
}

export async function listSubscriptions(user: CurrentUser) {
  requireManager(user);
  return db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.ownerUserId, user.id)).orderBy(desc(webhookSubscriptions.createdAt)).limit(100);
}

export const getSubscription = ownSubscription;

export async function deleteSubscription(user: CurrentUser, id: string, version: number, ctx: Ctx = {}) {
  const before = await ownSubscription(user, id);
  await orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .delete(webhookSubscriptions)
        .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.version, version)))
        .returning({ id: webhookSubscriptions.id });
      if (!row) return null;
      await audit(tx, { actorId: user.id, ...ctx }, "webhook.delete", "webhook", id, { url: before.url });
      return row;
    }),
    async () => (await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)))[0] ?? null,
  );
}

/** The latest deliveries of one of the user's subscriptions (newest first, capped). */
export async function listDeliveries(user: CurrentUser, subscriptionId: string, limit = 50) {
  await ownSubscription(user, subscriptionId);
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(Math.max(1, Math.min(limit, 100)));
}

/** Sends a delivery again (whatever its state), as a new job. */
export async function redeliver(user: CurrentUser, deliveryId: string) {
  if (!isUuid(deliveryId)) throw new NotFoundError();
  const [d] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (!d) throw new NotFoundError();
  await ownSubscription(user, d.subscriptionId);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(webhookDeliveries).set({ status: "pending", lastError: null }).where(eq(webhookDeliveries.id, deliveryId)).returning();
    await enqueue(tx, "webhook-deliver", { deliveryId });
    return row!;
  });
}

export const FANOUT_BATCH = 500;

/**
 * Turns new events into deliveries: reads the feed after the fan-out's own cursor (one runner at a
 * time: the cursor row is locked), and for every active subscription the events its owner may see
 * (and that it asked for) become deliveries with their job, in the same transaction as the cursor
 * moves on. Returns how many deliveries were made.
 */
export async function fanOutEvents(): Promise<{ events: number; deliveries: number }> {
  let total = { events: 0, deliveries: 0 };
  for (let round = 0; round < 20; round++) {
    // The active subscriptions and their owners, read before the transaction: loadUser reads through
    // the app's pool, and inside a transaction the embedded database (one connection) would wait
    // on itself.
    const subs = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.active, true));
    const owners = new Map(await Promise.all(subs.map(async (sub) => [sub.ownerUserId, await loadUser(sub.ownerUserId)] as const)));
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`insert into event_cursors (name) values ('webhooks') on conflict do nothing`);
      const [cur] = await rows<{ txId: number; eventId: number }>(sql`select tx_id, event_id from event_cursors where name = 'webhooks' for update skip locked`, tx);
      if (!cur) return null;
      const events = await rows<EventRowRaw>(
        sql`
        select e.id, e.tx_id, e.kind, e.meeting_id, e.action_item_id, e.subject_id, e.data, e.created_at, true as visible
          from events e
         where (e.tx_id, e.id) > (${Number(cur.txId)}::bigint, ${Number(cur.eventId)}::bigint)
           and e.tx_id < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
         order by e.tx_id, e.id
         limit ${FANOUT_BATCH}`,
        tx,
      );
      if (events.length === 0) return null;
      let made = 0;
      const ids = `{${events.map((e) => Number(e.id)).join(",")}}`;
      for (const sub of subs) {
        const owner = owners.get(sub.ownerUserId);
        if (!owner?.active) continue;
        const kinds = sub.kinds.length ? sql`and e.kind = any(${`{${sub.kinds.join(",")}}`}::text[])` : sql``;
        const visible = await rows<{ id: number }>(
          sql`
          select e.id from events e
           where e.id = any(${ids}::bigint[]) and e.created_at >= ${sub.createdAt.toISOString()}::timestamptz ${kinds}
             and ${eventsVisibleTo(owner.user)}`,
          tx,
        );
        const visibleIds = new Set(visible.map((r) => Number(r.id)));
        for (const e of events) {
          if (!visibleIds.has(Number(e.id))) continue;
          const payload = JSON.stringify(eventJson(rowToEvent(e)));
          const [created] = await tx
            .insert(webhookDeliveries)
            .values({ subscriptionId: sub.id, eventId: Number(e.id), payload })
            .onConflictDoNothing()
            .returning({ id: webhookDeliveries.id });
          if (!created) continue;
          await enqueue(tx, "webhook-deliver", { deliveryId: created.id });
          made++;
        }
      }
      const last = events[events.length - 1]!;
      await tx.execute(sql`update event_cursors set tx_id = ${Number(last.txId)}, event_id = ${Number(last.id)}, updated_at = now() where name = 'webhooks'`);
      return { events: events.length, deliveries: made, more: events.length === FANOUT_BATCH };
    });
    if (!done) break;
    total = { events: total.events + done.events, deliveries: total.deliveries + done.deliveries };
    if (!done.more) break;
  }
  return total;
}

const ATTEMPTS = QUEUES["webhook-deliver"].retryLimit + 1;

/**
 * One attempt of one delivery. A 2xx answer delivers it; anything else is recorded and thrown,
 * so the queue retries with backoff; after the last attempt the delivery stays "failed" (it can
 * be redelivered). A target the SSRF rules refuse fails at once, without retries.
 */
export async function deliverWebhook(deliveryId: string) {
  const [found] = await db
    .select({ d: webhookDeliveries, sub: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!found || !found.sub.active || found.d.status === "succeeded") return { skipped: true };
  const { d, sub } = found;
  const timestamp = Math.floor(Date.now() / 1000);
  const kind = (JSON.parse(d.payload) as { kind?: string }).kind ?? "";
  const record = async (values: Partial<typeof webhookDeliveries.$inferInsert>) => {
    await db
      .update(webhookDeliveries)
      .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: new Date(), ...values })
      .where(eq(webhookDeliveries.id, deliveryId));
  };
  try {
    const result = await postJson(sub.url, d.payload, {
      "Rakor-Signature": signatureHeader(sub.secret, timestamp, d.payload),
      "Rakor-Event": kind,
      "Rakor-Delivery": d.id,
    });
    if (result.status >= 200 && result.status < 300) {
      await record({ status: "succeeded", lastStatusCode: result.status, lastResponseBody: result.body, lastError: null, deliveredAt: new Date() });
      return { status: result.status };
    }
    const last = d.attempts + 1 >= ATTEMPTS;
    await record({ status: last ? "failed" : "pending", lastStatusCode: result.status, lastResponseBody: result.body, lastError: `HTTP ${result.status}` });
    throw new Error(`The receiver answered ${result.status}.`);
  } catch (e) {
    if (e instanceof OutboundRefused) {
      await record({ status: "failed", lastError: e.message });
      return { refused: e.message };
    }
    if (e instanceof Error && e.message.startsWith("The receiver answered")) throw e;
    const last = d.attempts + 1 >= ATTEMPTS;
    await record({ status: last ? "failed" : "pending", lastError: e instanceof Error ? e.message.slice(0, 500) : String(e) });
    throw e;
  }
}

