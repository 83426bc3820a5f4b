#!/usr/bin/env node
/**
 * `npm start`: builds the app when the build is missing or older than the sources, then serves it.
 * Migrations and the demo seed run inside the server process at start (instrumentation.ts), which
 * also holds the embedded database's lock. `--dev` runs `next dev` instead.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DataDirLockedError, lockOwner } from "../db/data-dir-lock.mjs";
import { authSecret } from "../lib/auth/secret-file.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function fail(message) {
  console.error(`\n[rakor] ${message}\n`);
  process.exit(1);
}

// 1. The embedded database may be opened by one process only: refuse early, before building.
if (!process.env.DATABASE_URL) {
  const dir = path.resolve(process.env.PGLITE_DIR || ".data/pglite");
  const owner = lockOwner(dir);
  if (owner !== null) fail(new DataDirLockedError(dir, owner).message);
}

// 2. A secret for signing sessions: AUTH_SECRET, or one generated once and kept in .data/ (as the server does).
process.env.AUTH_SECRET = authSecret();

// 3. Build when needed.
function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}
if (!dev) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "db", "messages", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "tsconfig.json"];
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (builtAt === 0 || sources.some((s) => newestMtime(path.join(root, s)) > builtAt)) {
    console.log("[rakor] building the app (next build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) fail("The build failed.");
  }
}

// 4. Serve (through scripts/server.mjs, which records the connection's address; see there).
// V8 grows its heap lazily up to ~2 GB on a machine this size before it collects: measured under
// `npm run bench`, 725 MB of RSS with the default and 264 MB with a 384 MB heap, at the same speed.
// Several instances share a host, so production caps it (RAKOR_HEAP_MB overrides; docs/performance.md).
const heap = dev ? [] : [`--max-old-space-size=${Number(process.env.RAKOR_HEAP_MB) || 384}`];
const child = spawn(process.execPath, [...heap, path.join(root, "scripts", "server.mjs"), ...(dev ? ["--dev"] : [])], { stdio: "inherit", env: { ...process.env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
