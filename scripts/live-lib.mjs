/**
 * Helpers shared by the live checks (tests/live-instances.test.ts, scripts/live-load.mjs): start
 * a production server of this checkout, and follow a meeting's Server-Sent Events like a browser.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/**
 * Starts `node scripts/server.mjs` (the production build in .next) on `port`; resolves when it
 * answers. `nodeArgs`: e.g. the heap limit `npm start` gives it (--max-old-space-size=384).
 */
export async function startServer({ port, env = {}, log = false, nodeArgs = [] }) {
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), REMINDERS_EVERY_MINUTES: "0", SEED_DEMO: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
    if (log) process.stderr.write(chunk);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${base}/api/health?db=1`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`server on ${port} did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    pid: child.pid,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.once("exit", () => resolve(undefined));
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

/**
 * Connects to an SSE URL and calls `onEvent({ id, data, at })` per event (data parsed as JSON).
 * Resolves once the response headers arrived; `close()` ends it.
 */
export async function openSse(url, onEvent, headers = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
  if (response.status !== 200) throw new Error(`SSE ${url}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let id = null;
          const data = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("id: ")) id = Number(line.slice(4));
            else if (line.startsWith("data: ")) data.push(line.slice(6));
          }
          if (data.length) onEvent({ id, data: JSON.parse(data.join("\n")), at: Date.now() });
        }
      }
    } catch (e) {
      if (e?.name !== "AbortError") throw e;
    }
  })();
  return { close: () => controller.abort(), done };
}
