import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { agendaItems, invitations, meetings } from "@/db/schema";
import { createApiToken } from "@/lib/api/tokens";
import { issueScreenLink } from "@/lib/live/screen-links";
import type { LiveMessage } from "@/lib/live/types";
import { makeDivision, makeUser, uid } from "@/tests/fixtures";
import { ensureProductionBuild } from "@/tests/server-build";
import { openSse, startServer, type Server, type SseEvent } from "../scripts/live-lib.mjs";

/**
 * Issue 13: several app instances behind a load balancer deliver the same events. Two production
 * servers on ONE PostgreSQL database; a change made through instance A (an API call) reaches an
 * SSE client connected to instance B within 2 s — through PostgreSQL LISTEN/NOTIFY, as nothing
 * else connects the two processes. The embedded database (PGlite) can be opened by one process
 * only, so there the test is skipped.
 */
const databaseUrl = inject("unitDatabaseUrl");
// Ports of this helper's range (3211–3219).
const B_MAX_CLIENTS = 40;
const PORTS = [Number(process.env.LIVE_TEST_PORT_A ?? 3211), Number(process.env.LIVE_TEST_PORT_B ?? 3212)];

describe.skipIf(!databaseUrl)("two app instances on one PostgreSQL database (skipped on PGlite: one process per data dir)", () => {
  const servers: Server[] = [];

  beforeAll(async () => {
    ensureProductionBuild();
    const env = { DATABASE_URL: databaseUrl, AUTH_SECRET: `live-test-${uid()}${uid()}${uid()}`, DB_POOL_MAX: "4" };
    // Instance B admits few live clients (issue 24's admission control, tested at a small scale).
    const limits = { LIVE_MAX_CLIENTS: String(B_MAX_CLIENTS), LIVE_MAX_CONNECTING: "4" };
    servers.push(...(await Promise.all(PORTS.map((port, i) => startServer({ port, env: i === 1 ? { ...env, ...limits } : env })))));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("a change made through instance A reaches SSE clients on instance B (and A) within 2 s", async () => {
    const [a, b] = servers as [Server, Server];
    const { division, unitA } = await makeDivision();
    const [secretariat, participant] = await Promise.all([makeUser("secretariat", division.id), makeUser("participant", unitA.id)]);
    const now = Date.now();
    const [m] = await db
      .insert(meetings)
      .values({ title: `Rakor dua instans ${uid()}`, startsAt: new Date(now - 5 * 60_000), endsAt: new Date(now + 2 * 3600_000), timeZone: "Asia/Jakarta", organizerUnitId: division.id, status: "ongoing" })
      .returning();
    await db.insert(agendaItems).values({ meetingId: m!.id, position: 1, title: "Pembukaan", durationMinutes: 10 });
    await db.insert(invitations).values({ meetingId: m!.id, workUnitId: unitA.id });
    const link = await issueScreenLink(secretariat, m!.id);
    const { token } = await createApiToken(secretariat, { name: `live ${uid()}` });

    const onB: SseEvent[] = [];
    const onA: SseEvent[] = [];
    const sseB = await openSse(`${b.base}/api/meetings/${m!.id}/live?token=${link.token}`, (e) => onB.push(e));
    const sseA = await openSse(`${a.base}/api/meetings/${m!.id}/live?token=${link.token}`, (e) => onA.push(e));
    try {
      // Each client first gets the state as it is.
      await expect.poll(() => onB.length + onA.length, { timeout: 10_000 }).toBe(2);
      expect((onB[0]!.data as LiveMessage).state.totals.present).toBe(0);

      const t0 = Date.now();
      const r = await fetch(`${a.base}/api/v1/meetings/${m!.id}/attendances`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ userId: participant.id, status: "present" }),
      });
      expect(r.status, await r.clone().text()).toBe(201);
      await expect.poll(() => onB.length, { timeout: 2000, interval: 20 }).toBe(2);
      const latencyB = onB[1]!.at - t0;
      await expect.poll(() => onA.length, { timeout: 2000, interval: 20 }).toBe(2);
      const latencyA = onA[1]!.at - t0;
      console.log(`[live] change through A → SSE client on B: ${latencyB} ms (on A: ${latencyA} ms)`);
      expect(latencyB).toBeLessThan(2000);
      const event = onB[1]!.data as LiveMessage;
      expect(event.kind).toBe("attendance");
      expect(event.state.totals).toMatchObject({ present: 1, unitsPresent: 1 });
      // The screen link's audience never gets names.
      expect(event.staff).toBeUndefined();
      expect(onB[1]!.id).toBe(onA[1]!.id);

      // Reconnecting to the OTHER instance with Last-Event-ID resumes without losing a change.
      sseB.close();
      const missedFrom = onB[0]!.id!;
      const resumed: SseEvent[] = [];
      const again = await openSse(`${a.base}/api/meetings/${m!.id}/live?token=${link.token}`, (e) => resumed.push(e), { "last-event-id": String(missedFrom) });
      await expect.poll(() => resumed.length, { timeout: 5000 }).toBe(1);
      expect(resumed[0]!.id).toBe(onB[1]!.id);
      again.close();
      const [row] = await db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, m!.id));
      expect(row!.status).toBe("ongoing");
    } finally {
      sseA.close();
      sseB.close();
    }
  }, 60_000);

  it("a burst of live clients beyond what instance B admits: each is connected or told when to retry, B keeps answering, the connected get every event in order", async () => {
    const [a, b] = servers as [Server, Server];
    const { division, unitA } = await makeDivision();
    const [secretariat, participant] = await Promise.all([makeUser("secretariat", division.id), makeUser("participant", unitA.id)]);
    const now = Date.now();
    const [m] = await db
      .insert(meetings)
      .values({ title: `Rakor lonjakan ${uid()}`, startsAt: new Date(now - 5 * 60_000), endsAt: new Date(now + 2 * 3600_000), timeZone: "Asia/Jakarta", organizerUnitId: division.id, status: "ongoing" })
      .returning();
    await db.insert(invitations).values({ meetingId: m!.id, workUnitId: unitA.id });
    const link = await issueScreenLink(secretariat, m!.id);
    const { token } = await createApiToken(secretariat, { name: `storm ${uid()}` });
    const url = `${b.base}/api/meetings/${m!.id}/live?token=${link.token}`;

    const BURST = 200;
    const streams: { close: () => void }[] = [];
    const received: number[][] = [];
    try {
      const outcomes = await Promise.all(
        Array.from({ length: BURST }, async () => {
          const ids: number[] = [];
          try {
            const sse = await openSse(url, (e) => ids.push(e.id!));
            streams.push(sse);
            received.push(ids);
            return "connected";
          } catch (e) {
            return (e as Error).message.endsWith("HTTP 503") ? "503" : `other: ${(e as Error).message}`;
          }
        }),
      );
      const connected = outcomes.filter((o) => o === "connected").length;
      const refused = outcomes.filter((o) => o === "503").length;
      expect(outcomes.filter((o) => o !== "connected" && o !== "503")).toEqual([]);
      expect(connected).toBeGreaterThan(0);
      expect(connected).toBeLessThanOrEqual(B_MAX_CLIENTS);
      expect(connected + refused).toBe(BURST);
      // Refused while others were connecting: one by one, the rest of the capacity fills; beyond it,
      // a refusal says when to come back.
      let open = connected;
      for (; open < B_MAX_CLIENTS; open++) {
        const ids: number[] = [];
        streams.push(await openSse(url, (e) => ids.push(e.id!)));
        received.push(ids);
      }
      const refusal = await fetch(url);
      expect(refusal.status).toBe(503);
      expect(Number(refusal.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      await refusal.arrayBuffer();
      const me = await fetch(`${b.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      const health = (await (await fetch(`${b.base}/api/health?db=1`)).json()) as { checks: { live: { clients: number; capacity: number } } };
      expect(health.checks.live).toMatchObject({ clients: B_MAX_CLIENTS, capacity: B_MAX_CLIENTS });

      // Three changes (through A): every client connected to B gets each, in order.
      await expect.poll(() => received.every((ids) => ids.length === 1), { timeout: 20_000 }).toBe(true);
      for (let i = 0; i < 3; i++) {
        const r = await fetch(`${a.base}/api/v1/meetings/${m!.id}/attendances`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(i === 0 ? { userId: participant.id, status: "present" } : { name: `Tamu ${i}`, workUnitId: unitA.id, status: "present" }),
        });
        expect(r.status, await r.clone().text()).toBe(201);
      }
      await expect.poll(() => received.every((ids) => ids.length === 4), { timeout: 20_000 }).toBe(true);
      const reference = received[0]!;
      for (const ids of received) {
        expect(ids).toEqual(reference);
        expect([...ids].sort((x, y) => x - y)).toEqual(ids);
      }
    } finally {
      for (const s of streams) s.close();
    }
  }, 120_000);
});
