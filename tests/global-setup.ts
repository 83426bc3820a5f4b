import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";

/**
 * With DATABASE_URL set (CI), the unit/integration tests run on a database of their own, created
 * fresh beside the one named, migrated and seeded once, and dropped afterwards, so the end-to-end
 * run starts clean. Without it, an in-memory PGlite is migrated and seeded once and dumped; every
 * test file then opens its own in-memory copy of that snapshot (see tests/setup.ts).
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const file = path.join(os.tmpdir(), `rakor-vitest-${process.pid}.tar`);
    process.env.PGLITE_DIR = "memory://";
    const { prepareDatabase } = await import("../db/prepare");
    const { closeDb, dbState } = await import("../db/client");
    await prepareDatabase({ seed: true });
    const client = (dbState().db as unknown as { $client: { dumpDataDir: (c: "none") => Promise<Blob> } }).$client;
    fs.writeFileSync(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
    await closeDb();
    project.provide("unitDatabaseUrl", "");
    project.provide("pgliteSnapshot", file);
    return () => fs.rmSync(file, { force: true });
  }
  const url = new URL(base);
  const name = `${url.pathname.slice(1) || "rakor"}_unit_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}"`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  project.provide("unitDatabaseUrl", url.toString());
  project.provide("pgliteSnapshot", "");

  process.env.DATABASE_URL = url.toString();
  const { prepareDatabase } = await import("../db/prepare");
  const { closeDb } = await import("../db/client");
  await prepareDatabase({ seed: true });
  await closeDb();
  process.env.DATABASE_URL = base;

  return async () => {
    const drop = postgres(base, { max: 1, onnotice: () => {} });
    await drop.unsafe(`drop database if exists "${name}" with (force)`);
    await drop.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    unitDatabaseUrl: string;
    pgliteSnapshot: string;
  }
}
