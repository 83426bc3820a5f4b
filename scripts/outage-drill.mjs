#!/usr/bin/env node
/**
 * A real PostgreSQL restart under write load — run by hand, against a PRIVATE throwaway cluster
 * (never a shared server). Needs a build (`npm run build`) and PostgreSQL's server binaries.
 *
 *   node scripts/outage-drill.mjs [--down 3] [--pg-port 5499] [--app-port 4111] [--clients 8]
 *
 * It creates a cluster in a temporary folder (as the `postgres` OS user when run as root), starts
 * it, serves the app against it (migrated and seeded), creates an API token for the demo
 * secretariat and a published meeting, then runs the clients adding decisions to that meeting.
 * After 5 s PostgreSQL is stopped (fast shutdown), kept down for --down seconds and started again;
 * the load goes on for 10 s more. It prints the answers by status, the slowest answer, the time from
 * PostgreSQL's return to the first normal answer, whether every request started 2 s after the
 * return was answered normally, and whether every acknowledged decision is stored. Everything it
 * started is stopped and removed at the end. (tests/outage.test.ts is the automated variant.)
 */
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DOWN_S = arg("down", 3);
const PG_PORT = arg("pg-port", 5499);
const APP_PORT = arg("app-port", 4111);
const CLIENTS = arg("clients", 8);
const root = path.resolve(import.meta.dirname, "..");
const bin = (() => {
  const base = "/usr/lib/postgresql";
  const version = fs.existsSync(base) ? fs.readdirSync(base).sort().at(-1) : null;
  return (name) => (version ? path.join(base, version, "bin", name) : name);
})();
const asRoot = process.getuid?.() === 0;
const pgUser = (cmd, args) => execFileSync(asRoot ? "runuser" : cmd, asRoot ? ["-u", "postgres", "--", cmd, ...args] : args, { stdio: "pipe" });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rakor-drill-"));
const data = path.join(dir, "data");
if (asRoot) execFileSync("chown", ["postgres", dir]);
const pgOpts = `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1`;
const pgStart = () => pgUser(bin("pg_ctl"), ["-D", data, "-o", pgOpts, "-l", path.join(dir, "pg.log"), "-w", "start"]);
const pgStop = () => pgUser(bin("pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);

let app;
async function cleanup() {
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await sleep(1000);
  }
  try {
    pgStop();
  } catch {
    /* already stopped */
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

try {
  console.log(`[drill] cluster in ${dir}, PostgreSQL on ${PG_PORT}, app on ${APP_PORT}`);
  pgUser(bin("initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  pgStart();
  const url = `postgres://postgres@127.0.0.1:${PG_PORT}/rakor_drill`;
  const admin = postgres(`postgres://postgres@127.0.0.1:${PG_PORT}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database rakor_drill");
  await admin.end();

  app = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(APP_PORT), SEED_DEMO: "true", REMINDERS_EVERY_MINUTES: "0", AUTH_SECRET: "drill-secret", API_RATE_LIMIT: "1000000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const appLog = fs.createWriteStream(path.join(dir, "app.log"));
  app.stdout.pipe(appLog);
  app.stderr.pipe(appLog);
  const base = `http://127.0.0.1:${APP_PORT}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health?db=1`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 120) throw new Error("the app did not start (see app.log)");
    await sleep(1000);
  }

  // A token for the demo secretariat, written straight to the database (only its hash is stored).
  const secret = `rk_${crypto.randomBytes(24).toString("base64url")}`;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`insert into api_tokens (user_id, name, token_hash)
            select id, 'drill', ${crypto.createHash("sha256").update(secret).digest("hex")} from users where email = 'sekretariat@rakor.test'`;
  await sql.end();
  const headers = { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" };
  const me = await (await fetch(`${base}/api/v1/me`, { headers })).json();
  const start = new Date(Date.UTC(2035, 0, 10, 2));
  const meeting = await (
    await fetch(`${base}/api/v1/meetings`, {
      method: "POST",
      headers,
      body: JSON.stringify({ title: "Rakor latihan gangguan", kind: "rakor", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * 3600e3).toISOString(), timeZone: "Asia/Jakarta", location: "Ruang latihan", organizerUnitId: me.workUnitId, acknowledgeConflicts: true }),
    })
  ).json();
  await fetch(`${base}/api/v1/meetings/${meeting.id}/transitions`, { method: "POST", headers, body: JSON.stringify({ to: "scheduled" }) });

  // A browser session of the secretariat, to open a page during the outage.
  const jar = new Map();
  const keep = (r) => {
    for (const c of r.headers.getSetCookie()) jar.set(c.split("=")[0], c.split(";")[0]);
  };
  const cookie = () => [...jar.values()].join("; ");
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = await csrfResponse.json();
  keep(
    await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
      body: new URLSearchParams({ identifier: "sekretariat@rakor.test", password: "rakor-demo", csrfToken }),
    }),
  );
  const page = async () => {
    const r = await fetch(`${base}/meetings`, { headers: { Cookie: cookie() }, redirect: "manual" });
    const html = await r.text();
    // The page's payload carries the digest of DatabaseUnavailableError: the browser then shows
    // app/error.tsx's "briefly unavailable" page, which reloads by itself.
    return { status: r.status, friendlyPage: html.includes("RAKOR_DB_UNAVAILABLE") };
  };
  const pageBefore = await page();
  let pageDuringOutage = null;

  const outcomes = [];
  const t0 = Date.now();
  const LOAD_MS = 5_000 + DOWN_S * 1000 + 10_000;
  let n = 0;
  const client = async () => {
    while (Date.now() - t0 < LOAD_MS) {
      const started = Date.now();
      let status = 0;
      let id;
      try {
        const r = await fetch(`${base}/api/v1/meetings/${meeting.id}/decisions`, { method: "POST", headers, body: JSON.stringify({ text: `Beban ${n++}` }), signal: AbortSignal.timeout(30_000) });
        status = r.status;
        const body = await r.json().catch(() => null);
        if (status === 201) id = body.id;
      } catch {
        status = -1; // no answer at all
      }
      outcomes.push({ status, id, started, ms: Date.now() - started });
      if (status !== 201) await sleep(100);
    }
  };
  let downAt = 0;
  let upAt = 0;
  const restart = (async () => {
    await sleep(5_000);
    downAt = Date.now();
    pgStop();
    console.log(`[drill] PostgreSQL stopped (${Date.now() - downAt} ms to stop)`);
    pageDuringOutage = await page();
    await sleep(DOWN_S * 1000);
    pgStart();
    upAt = Date.now();
    console.log(`[drill] PostgreSQL started again, ${upAt - downAt} ms after the stop began`);
  })();
  await Promise.all([...Array.from({ length: CLIENTS }, client), restart]);

  const byStatus = {};
  for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  const firstOk = outcomes.filter((o) => o.status === 201 && o.started >= upAt).sort((a, b) => a.started - b.started)[0];
  const acknowledged = outcomes.filter((o) => o.id).map((o) => o.id);
  const check = postgres(url, { max: 1, onnotice: () => {} });
  const stored = await check`select count(*)::int as n from decisions where id = any(${acknowledged}::uuid[])`;
  const numbers = await check`select number from decisions where meeting_id = ${meeting.id} order by number`;
  await check.end();
  const gapless = numbers.every((r, i) => r.number === i + 1);
  const after2s = outcomes.filter((o) => o.started > upAt + 2000);
  console.log(
    JSON.stringify(
      {
        requests: outcomes.length,
        byStatus,
        fiveHundreds: outcomes.filter((o) => o.status >= 500 && o.status !== 503).length,
        slowestMs: Math.max(...outcomes.map((o) => o.ms)),
        slowestDuringOutageMs: Math.max(0, ...outcomes.filter((o) => o.started >= downAt && o.started <= upAt).map((o) => o.ms)),
        firstNormalAnswerAfterReturnMs: firstOk ? firstOk.started + firstOk.ms - upAt : null,
        allNormalFrom2sAfterReturn: after2s.every((o) => o.status === 201),
        acknowledged: acknowledged.length,
        acknowledgedStored: stored[0].n,
        decisionNumbersGapless: gapless,
        pageBefore,
        pageDuringOutage,
        pageAfter: await page(),
        uncaughtExceptionsLogged: (fs.readFileSync(path.join(dir, "app.log"), "utf8").match(/uncaughtException/g) ?? []).length,
      },
      null,
      2,
    ),
  );
} catch (e) {
  console.error("[drill] failed:", e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
