import postgres from "postgres";
import type { TestProject } from "vitest/node";

/**
 * With DATABASE_URL set (CI), the unit/integration tests run on a database of their own, created
 * fresh beside the one named and dropped afterwards, so the end-to-end run starts clean.
 * Without it, every test file opens its own in-memory PGlite (see tests/setup.ts).
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide("unitDatabaseUrl", "");
    return;
  }
  const url = new URL(base);
  const name = `${url.pathname.slice(1) || "rakor"}_unit_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}"`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  project.provide("unitDatabaseUrl", url.toString());

  // Migrate and seed once, before the test files run in parallel.
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
  }
}
