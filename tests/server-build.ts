import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/**
 * The tests that start real servers (scripts/live-lib.mjs startServer) serve the production build:
 * it is reused when newer than the sources (as scripts/start.mjs decides), built otherwise.
 * REUSE_BUILD=1 reuses an existing build as it is (while editing files the test does not cover).
 */
export function ensureProductionBuild() {
  if (process.env.REUSE_BUILD === "1" && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  // Three test files (two Vitest workers) may ask at once: one builds, the others wait for it and
  // then find the build fresh (two `next build` in one directory would cost twice and clash).
  const lock = path.join(root, ".next-build.lock");
  const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run (older than a build can take) is taken over.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else pause(500);
    }
  }
  try {
    if (!buildIsFresh()) {
      const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit" });
      if (build.status !== 0) throw new Error("next build failed");
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The build exists and is newer than every source it is made of (as scripts/start.mjs decides). */
function buildIsFresh() {
  const newest = (entry: string): number => {
    if (!fs.existsSync(entry)) return 0;
    const stat = fs.statSync(entry);
    return stat.isDirectory() ? Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name)))) : stat.mtimeMs;
  };
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  return builtAt > 0 && !["app", "components", "lib", "db", "messages", "proxy.ts"].some((s) => newest(path.join(root, s)) > builtAt);
}
