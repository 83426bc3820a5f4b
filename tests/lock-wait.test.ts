import os from "node:os";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { office, publishedMeeting } from "@/tests/office";
import { uid } from "@/tests/fixtures";
import { ensureProductionBuild } from "@/tests/server-build";
import { startServer, type Server } from "../scripts/live-lib.mjs";
import { tokenOf } from "./api";

/**
 * Issue 20: one locked row must not freeze the instance. A production server on PostgreSQL; another
 * session holds one meeting row locked (SELECT … FOR UPDATE) for 20 s while 20 writers keep sending
 * PATCH /api/v1/meetings/{id} (each again after the Retry-After it was given) and 100 unrelated
 * reads (GET /api/v1/me) run. Expected: every write
 * answers within the lock timeout + 1 s, with 409 or 503 + Retry-After (never a 500, never a hang);
 * the reads' p99 stays within 3× their p99 without the lock; once the lock is gone, a write goes through.
 */
const databaseUrl = inject("unitDatabaseUrl");
const PORT = Number(process.env.LOCK_TEST_PORT ?? 3213);
const LOCK_TIMEOUT_MS = 3000;
const HOLD_MS = 20_000;

const p99 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
};

describe.skipIf(!databaseUrl)("a locked meeting row (PostgreSQL; skipped on PGlite: one connection, no lock waits)", () => {
  let server: Server;
  const admin = postgres(databaseUrl || "postgres://localhost/none", { max: 2, onnotice: () => {} });

  beforeAll(async () => {
    ensureProductionBuild();
    server = await startServer({
      port: PORT,
      log: process.env.LOCK_TEST_VERBOSE === "2",
      env: { DATABASE_URL: databaseUrl, AUTH_SECRET: `lock-test-${uid()}${uid()}${uid()}`, API_RATE_LIMIT: "1000000", DB_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS), JOBS_WORKERS: "false" },
    });
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    await admin.end();
  }, 60_000);

  it("writers answer 409/503 + Retry-After within the lock timeout + 1 s, unrelated reads stay fast, no 500", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const [writerToken, readerToken] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA)]);
    const api = (path: string, init: RequestInit & { token: string }) =>
      fetch(`${server.base}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${init.token}`, "content-type": "application/json", ...(init.headers as Record<string, string>) } });

    /** 100 reads, 10 at a time: each one's duration. */
    const reads = async () => {
      const times: number[] = [];
      const statuses: number[] = [];
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          for (let i = 0; i < 10; i++) {
            const t = performance.now();
            const r = await api("/me", { token: readerToken });
            await r.arrayBuffer();
            times.push(performance.now() - t);
            statuses.push(r.status);
          }
        }),
      );
      return { times, statuses };
    };
    // Warm up the routes (a first request loads its code), then the baseline without the lock.
    const warm = await api(`/meetings/${m.id}`, { token: writerToken, method: "PATCH", headers: { "if-match": `W/"${m.version}"` }, body: JSON.stringify({ topic: "Pemanasan" }) });
    expect(warm.status, await warm.clone().text()).toBe(200);
    const version = ((await warm.json()) as { version: number }).version;
    await reads();
    const baseline = await reads();
    expect(baseline.statuses.every((s) => s === 200)).toBe(true);

    type Write = { status: number; ms: number; at: number; retryAfter: string | null; contentType: string };
    const writes: Write[] = [];
    let locked = true;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let onLocked!: () => void;
    const lockTaken = new Promise<void>((r) => (onLocked = r));
    const holder = admin.begin(async (tx) => {
      await tx`select id from meetings where id = ${m.id} for update`;
      onLocked();
      await released;
    });
    await lockTaken;
    const t0 = Date.now();
    const writers = Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        while (locked) {
          const t = performance.now();
          const r = await api(`/meetings/${m.id}`, { token: writerToken, method: "PATCH", headers: { "if-match": `W/"${version}"` }, body: JSON.stringify({ topic: `Topik ${n}` }) });
          await r.arrayBuffer();
          if (locked) writes.push({ status: r.status, ms: performance.now() - t, at: Math.round(t), retryAfter: r.headers.get("retry-after"), contentType: r.headers.get("content-type") ?? "" });
          // A well-behaved client (the app's forms, an integration) waits as Retry-After says.
          const wait = Number(r.headers.get("retry-after") ?? 0) * 1000;
          if (locked && wait > 0) await new Promise((done) => setTimeout(done, wait));
        }
      }),
    );
    // The reads run while the writers queue on the row.
    await new Promise((r) => setTimeout(r, 300));
    const during = await reads();
    const left = HOLD_MS - (Date.now() - t0);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    locked = false;
    release();
    await holder;
    await writers;

    const slowest = Math.max(...writes.map((w) => w.ms));
    const byStatus = writes.reduce<Record<number, number>>((acc, w) => ({ ...acc, [w.status]: (acc[w.status] ?? 0) + 1 }), {});
    console.log(
      `[lock] ${writes.length} writes while locked: ${JSON.stringify(byStatus)}, slowest ${Math.round(slowest)} ms; reads p99 ${Math.round(p99(baseline.times))} ms → ${Math.round(p99(during.times))} ms with the lock`,
    );
    if (process.env.LOCK_TEST_VERBOSE) console.log(writes.map((w) => `${w.status}@${w.at}:${Math.round(w.ms)}`).join(" "));
    expect(writes.length).toBeGreaterThanOrEqual(20);
    // Within the lock timeout + 1 s — plus what any request costs on this machine right now (the
    // reads' p99 without the lock: ~20 ms on an idle machine, seconds on a shared, overloaded one).
    // On a machine running more than it has cores (load > 1 per core: other test files run beside
    // this one in CI), times say little: then the bounds are doubled, and a broken read ratio is
    // reported instead of failing above 3 per core.
    const busy = os.loadavg()[0]! > os.availableParallelism();
    const overloaded = os.loadavg()[0]! > 3 * os.availableParallelism();
    const bound = (LOCK_TIMEOUT_MS + 1000) * (busy ? 2 : 1) + p99(baseline.times);
    for (const w of writes) {
      expect([409, 503]).toContain(w.status);
      expect(w.contentType).toContain("application/problem+json");
      if (w.status === 503) expect(Number(w.retryAfter)).toBeGreaterThan(0);
      expect(w.ms).toBeLessThanOrEqual(bound);
    }
    expect(during.statuses.every((s) => s === 200)).toBe(true);
    if (overloaded && p99(during.times) > 3 * p99(baseline.times)) {
      console.warn(`[lock] load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores: the read ratio is not judged`);
    } else {
      expect(p99(during.times)).toBeLessThanOrEqual(3 * p99(baseline.times));
    }

    // The lock is gone: the write goes through (with the version as it is now: a writer that was
    // waiting for its turn at the moment of release may rightly have saved first).
    const now = (await (await api(`/meetings/${m.id}`, { token: writerToken })).json()) as { version: number };
    const after = await api(`/meetings/${m.id}`, { token: writerToken, method: "PATCH", headers: { "if-match": `W/"${now.version}"` }, body: JSON.stringify({ topic: "Sesudah kunci" }) });
    expect(after.status, await after.clone().text()).toBe(200);
  }, 300_000);
});
