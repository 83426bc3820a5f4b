import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/db/client";

const unitDatabaseUrl = inject("unitDatabaseUrl");
if (unitDatabaseUrl) {
  process.env.DATABASE_URL = unitDatabaseUrl;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}

beforeAll(async () => {
  if (!unitDatabaseUrl) {
    const { prepareDatabase } = await import("@/db/prepare");
    await prepareDatabase({ seed: true });
  }
});

afterAll(async () => {
  await closeDb();
});
