/**
 * `npm run bench -- --url http://127.0.0.1:3000`: load-tests a RUNNING server (production build,
 * ideally on the data set of `npm run db:seed-scale`) with autocannon and prints, for each key page
 * and API call, req/s, p50, p99, the response size and the ratio of its p50 to a floor measured
 * just before it in the same run (`/profile` for pages, `/api/v1/me` for API calls, as the same
 * user). Also samples the server's memory (RSS) during the whole run and, when DATABASE_URL is
 * set, times the reminders job (a second run has nothing new to send).
 *
 * Options: --url (default http://127.0.0.1:3000), --duration seconds per measurement (5),
 * --connections (10), --only name1,name2 (targets whose name contains one of these), --pid
 * (server process; found from the port when omitted), --skip name1,… , --single name1,… (three
 * sequential requests instead of a load test, for a page too slow to load-test), --markdown file.
 * Creating follow-ups writes real rows (titled "Bench …"): never point it at production data.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (a.startsWith("--")) args.set(a.slice(2), process.argv[i + 1] && !process.argv[i + 1]!.startsWith("--") ? process.argv[++i]! : "true");
}
const BASE = (args.get("url") ?? process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const DURATION = Number(args.get("duration") ?? 5);
const CONNECTIONS = Number(args.get("connections") ?? 10);
const ONLY = args.get("only")?.split(",").filter(Boolean);
const SKIP = args.get("skip")?.split(",").filter(Boolean) ?? [];
/** Targets measured by three sequential requests only (e.g. a page too slow to load-test). */
const SINGLE = args.get("single")?.split(",").filter(Boolean) ?? [];
const PASSWORD = "rakor-demo";
const ACCOUNTS = {
  secretariat: "sekretariat@rakor.test",
  head: "kadiv.imigrasi@rakor.test",
  participant: "peserta.malang@rakor.test",
} as const;
type Role = keyof typeof ACCOUNTS;

// --- signing in (next-auth credentials, as the login form does) ---
function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}
async function signIn(email: string): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ identifier: email, password: PASSWORD, csrfToken, callbackUrl: `${BASE}/` }),
  });
  const session = cookiesOf(res).filter((c) => c.startsWith("authjs.session-token"));
  if (session.length === 0) throw new Error(`Could not sign in as ${email} (HTTP ${res.status}).`);
  return session.join("; ");
}

// --- memory of the server process (and its children) ---
function serverPid(): number | null {
  if (args.get("pid")) return Number(args.get("pid"));
  try {
    const port = new URL(BASE).port || "80";
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const m = /pid=(\d+)/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
function treeRssMb(root: number): number {
  const parent = new Map<number, number>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  let kb = 0;
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    while (p && p !== root && p !== 1) p = parent.get(p);
    if (p !== root) continue;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

// --- measuring ---
type Target = { name: string; role: Role; kind: "page" | "api"; method?: "GET" | "POST"; path: string; body?: () => string; note?: string };
type Measure = { rps: number; p50: number; p99: number; non2xx: number; errors: number; bytes: number; status: number; single: number };

function headersFor(cookie: string, t: Pick<Target, "method">): Record<string, string> {
  const h: Record<string, string> = { cookie };
  if (t.method === "POST") {
    h["content-type"] = "application/json";
    h.origin = BASE;
  }
  return h;
}

async function measure(t: Target, cookie: string, seconds: number): Promise<Measure> {
  const headers = headersFor(cookie, t);
  const times: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let i = 0; i < (seconds === 0 ? 3 : 1); i++) {
    const t0 = performance.now();
    const one = await fetch(`${BASE}${t.path}`, { method: t.method ?? "GET", headers, body: t.body?.(), redirect: "manual" });
    bytes = (await one.arrayBuffer()).byteLength;
    times.push(performance.now() - t0);
    status = one.status;
  }
  const single = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  if (seconds === 0) return { rps: 1000 / single, p50: Math.round(single), p99: Math.round(times[times.length - 1]!), non2xx: status >= 300 ? 1 : 0, errors: 0, bytes, status, single };
  const result = await autocannon({
    url: `${BASE}${t.path}`,
    method: t.method ?? "GET",
    headers,
    body: t.body?.(),
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 60,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytes,
    status,
    single,
  };
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);

async function api<T>(cookie: string, path: string): Promise<T> {
  const res = await fetch(`${BASE}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

async function main() {
  const pid = serverPid();
  let maxRss = 0;
  const sampler = pid
    ? setInterval(() => {
        maxRss = Math.max(maxRss, treeRssMb(pid));
      }, 250)
    : null;
  if (pid) maxRss = treeRssMb(pid);

  const cookies = {} as Record<Role, string>;
  for (const role of Object.keys(ACCOUNTS) as Role[]) cookies[role] = await signIn(ACCOUNTS[role]);

  const findMeeting = async (title: string) => {
    const found = await api<{ items: { id: string; title: string }[] }>(cookies.secretariat, `/api/v1/meetings?q=${encodeURIComponent(title)}&limit=5`);
    const m = found.items.find((x) => x.title === title);
    if (!m) throw new Error(`Meeting "${title}" not found: run npm run db:seed-scale first.`);
    return m.id;
  };
  const big = await findMeeting("Rakor Besar Evaluasi Layanan Keimigrasian");
  const review = await findMeeting("Rakor Reviu Tindak Lanjut Triwulanan");
  const units = await api<{ items: { id: string; code: string }[] }>(cookies.secretariat, "/api/v1/work-units");
  const unit = (code: string) => units.items.find((u) => u.code === code)!.id;
  const cats = await api<{ items: { id: string }[] }>(cookies.secretariat, "/api/v1/categories");
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  let n = 0;
  const create = (unitCode: string) => () =>
    JSON.stringify({ title: `Bench ${Date.now().toString(36)} ${n++}`, categoryId: cats.items[0]!.id, workUnitId: unit(unitCode), dueDate: due });

  const targets: Target[] = [
    { name: "/dashboard", role: "head", kind: "page", path: "/dashboard" },
    { name: "GET /api/v1/dashboard/follow-ups", role: "head", kind: "api", path: "/api/v1/dashboard/follow-ups" },
    { name: "/meetings/<id> (304 attendees)", role: "secretariat", kind: "page", path: `/meetings/${big}` },
    { name: "/meetings/<id> (scheduled, editable)", role: "secretariat", kind: "page", path: `/meetings/${review}` },
    { name: "/meetings", role: "secretariat", kind: "page", path: "/meetings" },
    { name: "/follow-ups", role: "head", kind: "page", path: "/follow-ups" },
    { name: "/follow-ups?overdue=1", role: "head", kind: "page", path: "/follow-ups?overdue=1" },
    { name: "/agenda", role: "participant", kind: "page", path: "/agenda" },
    { name: "daftar hadir PDF (304 attendees)", role: "secretariat", kind: "page", path: `/documents/${big}/attendance` },
    { name: "GET /api/v1/meetings", role: "secretariat", kind: "api", path: "/api/v1/meetings" },
    { name: "GET /api/v1/action-items", role: "head", kind: "api", path: "/api/v1/action-items?overdue=true" },
    { name: "POST /api/v1/action-items (Malang, 300 people)", role: "secretariat", kind: "api", method: "POST", path: "/api/v1/action-items", body: create("KANIM-MLG") },
    { name: "POST /api/v1/action-items (Pamekasan, 40 people)", role: "secretariat", kind: "api", method: "POST", path: "/api/v1/action-items", body: create("KANIM-PMK") },
    { name: "/follow-ups/review/<meeting>", role: "secretariat", kind: "page", path: `/follow-ups/review/${review}`, note: "13k open follow-ups" },
  ].filter((t) => (!ONLY || ONLY.some((o) => t.name.includes(o))) && !SKIP.some((o) => t.name.includes(o))) as Target[];

  const started = new Date();
  const lines: string[] = [];
  const header = "| target | role | req/s | p50 ms | p99 ms | 1 request ms | size | floor p50 ms | ratio | limit |";
  lines.push(header, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  console.log(`Benchmark of ${BASE}: ${CONNECTIONS} connections, ${DURATION} s per measurement, server pid ${pid ?? "unknown"}`);
  const failures: string[] = [];
  for (const t of targets) {
    const floor: Target = t.kind === "page" ? { name: "floor", role: t.role, kind: "page", path: "/profile" } : { name: "floor", role: t.role, kind: "api", path: "/api/v1/me" };
    // Warm up both (JIT, caches), then the floor, then the target.
    const single = SINGLE.some((o) => t.name.includes(o));
    await measure(floor, cookies[t.role], 1);
    if (!single) await measure(t, cookies[t.role], 1);
    const f = await measure(floor, cookies[t.role], DURATION);
    const m = await measure(t, cookies[t.role], single ? 0 : DURATION);
    const ratio = m.p50 / Math.max(f.p50, 0.5);
    const limit = t.kind === "page" ? 2.5 : 2;
    const ok = ratio <= limit && m.errors === 0 && m.non2xx === 0 && (t.kind !== "page" || m.bytes <= 200 * 1024);
    if (!ok) failures.push(t.name);
    const problems = [m.non2xx ? `${m.non2xx} non-2xx (HTTP ${m.status})` : "", m.errors ? `${m.errors} errors/timeouts` : ""].filter(Boolean).join(", ");
    const line = `| ${t.name}${single ? " (3 sequential requests, no load)" : ""}${problems ? ` (${problems})` : ""} | ${t.role} | ${single ? "—" : m.rps.toFixed(1)} | ${m.p50} | ${m.p99} | ${m.single.toFixed(0)} | ${kb(m.bytes)} | ${f.p50} | ${ratio.toFixed(1)}× | ≤ ${limit}× ${ok ? "✓" : "✗"} |`;
    lines.push(line);
    console.log(line);
  }
  if (sampler) clearInterval(sampler);
  const rssLine = pid ? `Server RSS (process tree of pid ${pid}), maximum during the run: ${maxRss.toFixed(0)} MB (limit 600 MB ${maxRss < 600 ? "✓" : "✗"})` : "Server RSS: unknown (pass --pid)";
  lines.push("", rssLine);
  console.log(rssLine);

  if (process.env.DATABASE_URL && !args.has("no-reminders")) {
    const { runReminders } = await import("../lib/follow-ups/reminders");
    const { closeDb } = await import("../db/client");
    let t = performance.now();
    const first = await runReminders();
    const firstMs = performance.now() - t;
    t = performance.now();
    const second = await runReminders();
    const secondMs = performance.now() - t;
    await closeDb();
    const line = `Reminders job: ${firstMs.toFixed(0)} ms (${first.dueSoon + first.overdue + first.escalated} new reminders), then ${secondMs.toFixed(0)} ms with nothing new (${second.dueSoon + second.overdue + second.escalated} new; limit 1000 ms ${secondMs < 1000 ? "✓" : "✗"})`;
    lines.push(line);
    console.log(line);
  }
  const out = args.get("markdown");
  if (out) {
    fs.writeFileSync(out, `Run ${started.toISOString()} against ${BASE} (${CONNECTIONS} connections, ${DURATION} s per measurement)\n\n${lines.join("\n")}\n`);
  }
  if (failures.length) console.log(`\nOver the limit: ${failures.join(", ")}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
