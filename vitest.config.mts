import path from "node:path";
import { defineConfig } from "vitest/config";

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
