import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The tests `npm run test:mutation` runs (stryker.config.mjs): the fast, database-free tests of
 * the rule modules Stryker mutates — a mutant is judged in milliseconds, so the whole run stays
 * within minutes on a shared 2-core machine. The database-backed tests of the same rules (use
 * cases, SQL scopes, the summary triggers) run in `npm run test:unit`.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: [
      "lib/permissions.test.ts",
      "lib/permissions-matrix.test.ts",
      "lib/meetings/policy.test.ts",
      "lib/documents/policy.test.ts",
      "lib/meetings/lifecycle.test.ts",
      "lib/follow-ups/workflow-rules.test.ts",
      "lib/offices/letter-number.test.ts",
      "lib/validation.test.ts",
      "lib/input.test.ts",
      "lib/input-boundaries.test.ts",
      "lib/time.test.ts",
      "lib/pagination.test.ts",
      "lib/pagination-boundaries.test.ts",
    ],
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 10_000,
  },
});
