import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";

// The database opens lazily on first use: tests that never query it never pay for it.
const unitDatabaseUrl = inject("unitDatabaseUrl");
if (unitDatabaseUrl) {
  process.env.DATABASE_URL = unitDatabaseUrl;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
  process.env.PGLITE_SNAPSHOT = inject("pgliteSnapshot");
}

afterAll(async () => {
  await closeDb();
});
