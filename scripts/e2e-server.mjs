#!/usr/bin/env node
/**
 * The server Playwright tests against: a fresh database, migrated and seeded BEFORE the server
 * starts, then the production build. Embedded PGlite in .data/e2e by default; with DATABASE_URL,
 * a fresh database "<name>_e2e" beside the one named (so the developer's data is never touched).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const env = { ...process.env, SEED_DEMO: "false" };

if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  const name = `${url.pathname.slice(1) || "rakor"}_e2e`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  env.PGLITE_DIR = path.join(root, ".data", "e2e");
  fs.rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  fs.rmSync(`${env.PGLITE_DIR}.lock`, { force: true });
}

const seed = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/db.ts", "seed"], { stdio: "inherit", env });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
