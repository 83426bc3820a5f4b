#!/usr/bin/env node
/**
 * Load check of the live meeting (issue 13): N SSE clients (default 300: a hall's screens plus
 * participants' phones) follow one meeting on ONE production instance while one change per second
 * is made for D seconds (default 60) through the API. Verifies that every client received every
 * event (same ids, in order) and reports delivery latency and the server's RSS and CPU.
 *
 *   DATABASE_URL=postgres://…/rakor node scripts/live-load.mjs [--clients 300] [--seconds 60] [--port 3213]
 *
 * Uses a fresh database "<name>_liveload" beside the one named (dropped at the end), and the
 * production build in .next (`npm run build` first).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { openSse, startServer } from "./live-lib.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg("clients", 300);
const SECONDS = arg("seconds", 60);
const PORT = arg("port", 3213);

const base = process.env.DATABASE_URL;
if (!base) {
  console.error("Set DATABASE_URL (a PostgreSQL server): the check uses a fresh database beside it.");
  process.exit(2);
}
const url = new URL(base);
const dbName = `${url.pathname.slice(1) || "rakor"}_liveload`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
await admin.unsafe(`create database "${dbName}"`);
url.pathname = `/${dbName}`;

const server = await startServer({ port: PORT, env: { DATABASE_URL: url.toString(), SEED_DEMO: "true", AUTH_SECRET: crypto.randomBytes(24).toString("hex") } });
const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
const clients = [];
try {
  // A meeting of the demo office, ongoing, inviting the immigration offices; an API token of the
  // secretariat (the changes) and a screen link (the clients).
  const [sec] = await sql`select id, work_unit_id from users where email = 'sekretariat@rakor.test'`;
  const units = await sql`select id from work_units where parent_id = ${sec.work_unit_id} order by name`;
  const [meeting] = await sql`
    insert into meetings (title, starts_at, ends_at, time_zone, organizer_unit_id, status)
    values ('Rakor uji beban siaran langsung', now() - interval '10 minutes', now() + interval '3 hours', 'Asia/Jakarta', ${sec.work_unit_id}, 'ongoing')
    returning id`;
  for (const u of units) await sql`insert into invitations (meeting_id, work_unit_id) values (${meeting.id}, ${u.id})`;
  const hash = (t) => crypto.createHash("sha256").update(t).digest("hex");
  const apiToken = `rk_${crypto.randomBytes(32).toString("base64url")}`;
  await sql`insert into api_tokens (user_id, name, token_hash) values (${sec.id}, 'live-load', ${hash(apiToken)})`;
  const screenToken = crypto.randomBytes(24).toString("base64url");
  await sql`insert into screen_links (meeting_id, token_hash, created_by) values (${meeting.id}, ${hash(screenToken)}, ${sec.id})`;

  const sample = () => {
    const stat = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
    const ticks = Number(stat[11]) + Number(stat[12]);
    const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, "utf8"))[1]) * 1024;
    return { ticks, rss, at: Date.now() };
  };
  const HZ = 100; // USER_HZ on Linux
  const idle = sample();

  // Connect the clients.
  const connectStart = Date.now();
  const endpoint = `${server.base}/api/meetings/${meeting.id}/live?token=${encodeURIComponent(screenToken)}`;
  for (let i = 0; i < CLIENTS; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, CLIENTS - i) }, async () => {
        const c = { events: [] };
        c.sse = await openSse(endpoint, (e) => c.events.push(e));
        clients.push(c);
      }),
    );
  }
  while (clients.some((c) => c.events.length < 1)) await new Promise((r) => setTimeout(r, 50));
  const connectMs = Date.now() - connectStart;
  const connected = sample();

  // One change per second: a guest of one of the units recorded present through the API.
  const sent = [];
  const answered = [];
  const runStart = sample();
  let peakRss = runStart.rss;
  for (let i = 0; i < SECONDS; i++) {
    const tick = Date.now();
    const r = await fetch(`${server.base}/api/v1/meetings/${meeting.id}/attendances`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({ name: `Peserta ${i + 1}`, workUnitId: units[i % units.length].id, status: "present" }),
    });
    if (r.status !== 201) throw new Error(`change ${i + 1}: HTTP ${r.status} ${await r.text()}`);
    sent.push(tick);
    answered.push(Date.now());
    peakRss = Math.max(peakRss, sample().rss);
    await new Promise((res) => setTimeout(res, Math.max(0, tick + 1000 - Date.now())));
  }
  // Allow the last event to arrive.
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && clients.some((c) => c.events.length < SECONDS + 1)) await new Promise((r) => setTimeout(r, 50));
  const runEnd = sample();

  // Every client: the initial state, then SECONDS events with the same ids as everybody else, in order.
  const reference = clients[0].events.slice(1).map((e) => e.id);
  const complete = clients.filter((c) => {
    const ids = c.events.slice(1).map((e) => e.id);
    return ids.length === SECONDS && ids.every((id, k) => id === reference[k]) && c.events.at(-1).data.state.totals.present === SECONDS;
  }).length;
  const latencies = clients.flatMap((c) => c.events.slice(1).map((e, k) => e.at - sent[k])).sort((a, b) => a - b);
  const pct = (p, list = latencies) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))];
  // The same, counted from the moment the API call returned (its commit and NOTIFY come before).
  const afterAnswer = clients.flatMap((c) => c.events.slice(1).map((e, k) => e.at - answered[k])).sort((a, b) => a - b);
  const apiMs = answered.map((a, k) => a - sent[k]).sort((a, b) => a - b);
  const cpu = (a, b) => (((b.ticks - a.ticks) / HZ) * 1000 * 100) / (b.at - a.at);
  const mb = (n) => Math.round(n / 1048576);
  const report = {
    clients: CLIENTS,
    seconds: SECONDS,
    changes: sent.length,
    clientsWithEveryEvent: complete,
    eventsDelivered: latencies.length,
    expectedDeliveries: CLIENTS * SECONDS,
    connectAllMs: connectMs,
    latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: latencies.at(-1) },
    apiCallMs: { p50: pct(50, apiMs), p95: pct(95, apiMs), max: apiMs.at(-1) },
    latencyAfterApiAnsweredMs: { p50: pct(50, afterAnswer), p95: pct(95, afterAnswer), p99: pct(99, afterAnswer), max: afterAnswer.at(-1) },
    serverRssMb: { idle: mb(idle.rss), connected: mb(connected.rss), peak: mb(peakRss), end: mb(runEnd.rss) },
    serverCpuPercentOfOneCore: { connecting: Math.round(cpu(idle, connected)), duringChanges: Math.round(cpu(runStart, runEnd)) },
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}, node ${process.version}`,
  };
  console.log(JSON.stringify(report, null, 2));
  if (complete !== CLIENTS) {
    console.error(`FAIL: ${CLIENTS - complete} clients missed events`);
    process.exitCode = 1;
  } else console.log(`OK: all ${CLIENTS} clients received all ${SECONDS} events.`);
} finally {
  for (const c of clients) c.sse.close();
  await sql.end();
  await server.stop();
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
