import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { JOB_SCHEMA } from "@/db/queue";
import { webhookDeliveries } from "@/db/schema";
import { isPrivateAddress } from "@/lib/integrations/outbound";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { insertItem } from "@/tests/follow-ups";
import { callApi, tokenOf } from "./api";
import { runQueuedJobs } from "./jobs";
import { makeUnit, makeUser, uid } from "./fixtures";

/**
 * Issue 22: the event feed (written in the transaction of each change, read in commit order and
 * scoped to the reader) and webhooks (signed, retried with backoff through the job queue, every
 * delivery kept; no private targets unless configured).
 */
process.env.API_RATE_LIMIT = "1000000";

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A local receiver on one of this worktree's webhook ports; `failFirst` answers 500 that many times. */
async function receiver(port: number, failFirst = 0) {
  const received: Received[] = [];
  let failures = failFirst;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      if (failures > 0) {
        failures--;
        res.writeHead(500, { "content-type": "text/plain" }).end("not now");
      } else res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve, reject) => server.listen(port, "127.0.0.1", resolve).on("error", reject));
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Runs the fan-out until the deliveries of `subscriptionId` appear (other tests' open transactions may hold the feed back a moment). */
async function fanOutFor(subscriptionId: string, wanted: number) {
  for (let i = 0; i < 40; i++) {
    await runQueuedJobs("webhooks-fanout");
    const { fanOutEvents } = await import("@/lib/integrations/webhooks");
    await fanOutEvents();
    const n = (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId))).length;
    if (n >= wanted) return n;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("no deliveries");
}

/** Makes the retries waiting for their backoff due now (the test does not wait minutes). */
const retriesDueNow = () => rows(sql`update ${sql.identifier(JOB_SCHEMA)}.job set start_after = now() where name = 'webhook-deliver' and state = 'retry'`);

function verify(secret: string, header: string, body: string) {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
}

describe("the event feed", { timeout: 120_000 }, () => {
  it("lists a meeting's and a follow-up's changes in commit order, only to those who may see them", async () => {
    const o = await office();
    const [sec, partA] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA)]);
    const stranger = await makeUser("participant", (await makeUnit()).id);
    const strangerToken = await tokenOf(stranger);
    const start = await callApi({ method: "GET", path: "/events", token: sec, query: "limit=1" });
    expect(start.status, JSON.stringify(start.json)).toBe(200);
    // Read to the end of the feed first, so the events below are the next ones.
    let cursor = String(start.json!.nextCursor);
    for (let i = 0; i < 200; i++) {
      const r = await callApi({ method: "GET", path: "/events", token: sec, query: `after=${cursor}&limit=100` });
      cursor = String(r.json!.nextCursor);
      if (!r.json!.more) break;
    }
    const m = await publishedMeeting(o);
    const moved = await callApi({
      method: "PATCH",
      path: "/meetings/{id}",
      params: { id: m.id },
      token: sec,
      body: { startsAt: new Date(m.startsAt.getTime() + 3_600_000).toISOString(), endsAt: new Date(m.endsAt.getTime() + 3_600_000).toISOString(), acknowledgeConflicts: true, version: m.version },
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    const category = await someCategory();
    const item = await callApi({ method: "POST", path: "/action-items", token: sec, body: { title: `TL ${uid()}`, categoryId: category.id, workUnitId: o.unitA.id, dueDate: "2041-07-01", meetingId: m.id } });
    expect(item.status).toBe(201);

    const read = async (token: string) => {
      const r = await callApi({ method: "GET", path: "/events", token, query: `after=${cursor}&limit=100&meetingId=${m.id}` });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return r.json!.items as { id: string; kind: string; subjectId: string; data: Record<string, unknown> }[];
    };
    // Events show once every older transaction has ended (other test files' may still be open): poll.
    let secEvents = await read(sec);
    for (let i = 0; i < 60 && !secEvents.some((e) => e.kind === "follow-up.created"); i++) {
      await new Promise((r) => setTimeout(r, 250));
      secEvents = await read(sec);
    }
    const kinds = secEvents.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["meeting.created", "speakers.changed", "agenda.changed", "meeting.published", "meeting.rescheduled", "follow-up.created"]));
    expect(kinds.indexOf("meeting.created")).toBeLessThan(kinds.indexOf("meeting.published"));
    expect(kinds.indexOf("meeting.published")).toBeLessThan(kinds.indexOf("meeting.rescheduled"));
    // One agenda.changed per transaction, not one per item.
    expect(secEvents.find((e) => e.kind === "meeting.rescheduled")!.data).toHaveProperty("previousStartsAt");
    // The invited unit's participant sees the published meeting's events; a stranger sees none.
    const partKinds = (await read(partA)).map((e) => e.kind);
    expect(partKinds).toContain("meeting.rescheduled");
    expect(partKinds).toContain("follow-up.created");
    expect(await read(strangerToken)).toEqual([]);
    // Kinds filter and a bad cursor.
    const only = await callApi({ method: "GET", path: "/events", token: sec, query: `after=${cursor}&kinds=meeting.rescheduled&meetingId=${m.id}` });
    expect((only.json!.items as { kind: string }[]).map((e) => e.kind)).toEqual(["meeting.rescheduled"]);
    expect((await callApi({ method: "GET", path: "/events", token: sec, query: "after=abc" })).status).toBe(422);
    expect((await callApi({ method: "GET", path: "/events", token: sec, query: "kinds=meeting.exploded" })).status).toBe(422);
  });
});

describe("webhooks", { timeout: 180_000 }, () => {
  const previous = process.env.WEBHOOKS_ALLOW_PRIVATE;
  beforeAll(() => {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    else process.env.WEBHOOKS_ALLOW_PRIVATE = previous;
  });

  it("refuses loopback, private and link-local targets unless WEBHOOKS_ALLOW_PRIVATE=true, and participants altogether", async () => {
    const o = await office();
    const [sec, partA] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA)]);
    for (const url of ["http://127.0.0.1:3445/hook", "http://localhost:3445/hook", "http://169.254.169.254/latest/meta-data", "http://10.1.2.3/", "http://[::1]:3445/", "http://[::ffff:127.0.0.1]/", "http://0x7f000001/"]) {
      const r = await callApi({ method: "POST", path: "/webhooks", token: sec, body: { url } });
      expect.soft(r.status, url).toBe(422);
      expect.soft((r.json?.errors as { path: string }[] | undefined)?.[0]?.path, url).toBe("url");
    }
    expect(["8.8.8.8", "2606:4700::1111"].map(isPrivateAddress)).toEqual([false, false]);
    expect(["192.168.1.1", "172.20.0.1", "100.64.0.1", "fd00::1", "fe80::1", "::ffff:10.0.0.1"].every(isPrivateAddress)).toBe(true);
    const refused = await callApi({ method: "POST", path: "/webhooks", token: partA, body: { url: "https://example.org/hook" } });
    expect(refused.status).toBe(403);
    process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
    try {
      const allowed = await callApi({ method: "POST", path: "/webhooks", token: sec, body: { url: "http://127.0.0.1:3445/hook" } });
      expect(allowed.status, JSON.stringify(allowed.json)).toBe(201);
      const del = await callApi({ method: "DELETE", path: "/webhooks/{id}", params: { id: String(allowed.json!.id) }, token: sec, headers: { "if-match": `W/"${Number(allowed.json!.version)}"` } });
      expect(del.status).toBe(204);
    } finally {
      delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    }
  });

  it("sends a verified follow-up as a signed webhook; a receiver that fails twice gets the third attempt; every attempt is kept", async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
    const good = await receiver(3445);
    const flaky = await receiver(3446, 2);
    try {
      const o = await office();
      const sec = await tokenOf(o.secretariat);
      const subscribe = async (url: string) => {
        const r = await callApi({ method: "POST", path: "/webhooks", token: sec, body: { url, kinds: ["follow-up.verified"] } });
        expect(r.status, JSON.stringify(r.json)).toBe(201);
        expect(String(r.json!.secret)).toMatch(/^whsec_/);
        return r.json as { id: string; secret: string };
      };
      const [subGood, subFlaky] = [await subscribe(good.url), await subscribe(flaky.url)];
      // The secret is shown once.
      const listed = await callApi({ method: "GET", path: "/webhooks/{id}", params: { id: subGood.id }, token: sec });
      expect(listed.json).not.toHaveProperty("secret");

      const category = await someCategory();
      const item = await insertItem({ workUnitId: o.unitA.id, status: "reported", categoryId: category.id });
      const verified = await callApi({ method: "POST", path: "/action-items/{id}/updates", params: { id: item.id }, token: sec, body: { to: "verified", note: "Terverifikasi", version: item.version } });
      expect(verified.status, JSON.stringify(verified.json)).toBe(201);

      await fanOutFor(subGood.id, 1);
      await fanOutFor(subFlaky.id, 1);
      // First attempt of each: the good receiver gets it, the flaky one answers 500.
      await runQueuedJobs("webhook-deliver");
      expect(good.received).toHaveLength(1);
      const hook = good.received[0]!;
      expect(verify(subGood.secret, String(hook.headers["rakor-signature"]), hook.body)).toBe(true);
      expect(verify("whsec_wrong", String(hook.headers["rakor-signature"]), hook.body)).toBe(false);
      expect(hook.headers["rakor-event"]).toBe("follow-up.verified");
      const event = JSON.parse(hook.body) as { kind: string; actionItemId: string; subjectId: string };
      expect(event).toMatchObject({ kind: "follow-up.verified", actionItemId: item.id, subjectId: item.id });

      // The flaky receiver: attempt 1 failed; retry 1 fails; retry 2 (the third attempt) succeeds.
      expect(flaky.received).toHaveLength(1);
      await retriesDueNow();
      await runQueuedJobs("webhook-deliver");
      expect(flaky.received).toHaveLength(2);
      await retriesDueNow();
      await runQueuedJobs("webhook-deliver");
      expect(flaky.received).toHaveLength(3);
      expect(flaky.received.every((r) => verify(subFlaky.secret, String(r.headers["rakor-signature"]), r.body))).toBe(true);
      expect(new Set(flaky.received.map((r) => r.body)).size).toBe(1);

      const deliveries = await callApi({ method: "GET", path: "/webhooks/{id}/deliveries", params: { id: subFlaky.id }, token: sec });
      expect(deliveries.status).toBe(200);
      const [d] = deliveries.json!.items as { id: string; status: string; attempts: number; lastStatusCode: number; lastResponseBody: string }[];
      expect(d).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200, lastResponseBody: '{"ok":true}' });

      // Redelivery sends the same body again.
      const again = await callApi({ method: "POST", path: "/webhook-deliveries/{id}/redeliveries", params: { id: d!.id }, token: sec });
      expect(again.status, JSON.stringify(again.json)).toBe(200);
      await runQueuedJobs("webhook-deliver");
      expect(flaky.received).toHaveLength(4);
      expect(flaky.received[3]!.body).toBe(flaky.received[0]!.body);
    } finally {
      delete process.env.WEBHOOKS_ALLOW_PRIVATE;
      await good.close();
      await flaky.close();
    }
  });
});
