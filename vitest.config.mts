import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that wait longest start first, so the rest fill the other worker meanwhile instead of
 * one of them running alone at the end: live-instances (runs `next build` on a fresh clone, then
 * starts two servers) and outage (waits out a database outage in real time).
 */
const SLOW_FIRST = ["tests/live-instances.test.ts", "tests/outage.test.ts"];
class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => SLOW_FIRST.findIndex((s) => f.moduleId.endsWith(s));
    return [...SLOW_FIRST.flatMap((_, i) => sorted.filter((f) => rank(f) === i)), ...sorted.filter((f) => rank(f) < 0)];
  }
}

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run the server modules directly: "server-only" is what the server bundle sees (nothing).
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker per CPU less one: a single worker on a 2-CPU machine. Much of
    // the time is spent waiting (PostgreSQL, child processes, the outage), so at least two overlap
    // well (measured on 2 CPUs: 74 s → 53 s; three were slower again, 64 s).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
    // next-auth imports "next/server" without an extension: let Vite resolve it (route handlers are tested in-process).
    server: { deps: { inline: ["next-auth"] } },
    /**
     * postgres.js 3.4 writes to a connection whose socket is already gone when PostgreSQL drops it
     * in the middle of a transaction (its ROLLBACK; porsager/postgres#1154, #1208), and leaves the
     * dead socket without an error listener: an uncaught TypeError or ECONNRESET. The query itself
     * is rejected properly (the request answers 503). Next's server logs such errors and goes on;
     * so does tests/outage.test.ts, which provokes exactly this. Nothing else is ignored.
     */
    onUnhandledError(error) {
      const text = `${error.message}\n${error.stack ?? ""}`;
      if (/reading 'write'/.test(error.message) && /postgres\/(cjs\/)?src\/connection\.js/.test(text)) return false;
      if (/^read ECONNRESET$/.test(error.message)) return false;
    },
  },
});
