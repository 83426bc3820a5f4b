import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The database-backed half of `npm run test:mutation` (stryker.sql.config.mjs): the policy's SQL
 * twins (lib/scopes.ts) judged by tests/scopes.test.ts, which compares every scoped query with
 * `can(user, …)` for every role, unit and status of a fixture — on an in-memory PGlite migrated
 * and seeded once (tests/global-setup.ts without DATABASE_URL).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/scopes.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
