#!/usr/bin/env node
/**
 * Serves the built app (like `next start`; `--dev` like `next dev`) through Node's own HTTP server,
 * for one reason: the address of the TCP peer. It is appended to X-Forwarded-For exactly as a
 * reverse proxy appends the address it saw, so the app can tell the connection's address from a
 * header the client wrote (lib/auth/request-ip.ts; TRUST_PROXY says how many proxies to trust).
 * `npm start`, `npm run serve` and the end-to-end server all run through here.
 */
import http from "node:http";
import path from "node:path";
import { allowedMethods } from "../lib/http-methods.mjs";
import { appendPeer } from "./forwarded.mjs";
import { createLiveAdmission } from "./live-admission.mjs";
import { createStaticBrotli } from "./static-brotli.mjs";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined; // all interfaces, as `next start`
const root = path.resolve(import.meta.dirname, "..");

const { default: next } = await import("next");
const app = next({ dev, dir: root, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

/** Methods a Fetch Request cannot carry: Next fails on them with a 500, so they never reach it (405). */
const FETCH_FORBIDDEN = new Set(["TRACE", "TRACK", "CONNECT"]);

/** The headers next.config.js gives static files (security headers): the brotli answers carry them too. */
async function staticHeaders() {
  const { default: config } = await import("../next.config.js");
  const rules = (await config.headers?.()) ?? [];
  const out = {};
  for (const rule of rules) if (rule.source === "/:path*" || rule.source === "/_next/static/:path*") for (const h of rule.headers) out[h.key] = h.value;
  return out;
}
const brotli = dev ? null : createStaticBrotli({ root, extraHeaders: await staticHeaders() });

/** Live streams admitted per instance (scripts/live-admission.mjs); the counts are on /api/health. */
const live = createLiveAdmission();
globalThis.__rakorLiveAdmission = live;

const server = http.createServer((req, res) => {
  if (FETCH_FORBIDDEN.has(String(req.method).toUpperCase())) {
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    res.writeHead(405, { Allow: allowedMethods(pathname), "Content-Type": "text/plain", "Cache-Control": "no-store" });
    res.end(`Method Not Allowed: this path answers ${allowedMethods(pathname)}.`);
    return;
  }
  if (brotli?.serve(req, res)) return;
  if (!live.admit(req, res)) return;
  appendPeer(req);
  handle(req, res).catch((e) => {
    console.error("[rakor] request failed", e);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    }
  });
});
if (dev) {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => {
    appendPeer(req);
    upgrade(req, socket, head);
  });
}
// Idle keep-alive connections stay open longer than a load balancer's (60 s is common): with
// Node's default of 5 s, a client or proxy reusing a connection the server has just closed gets a
// reset (seen as ECONNRESET in the e2e run). The headers timeout must exceed it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// A hall reconnecting at once opens thousands of connections within a second: the kernel queues
// them (up to net.core.somaxconn) instead of resetting those beyond Node's default 511.
server.listen({ port, host: hostname, backlog: 4096 }, () => {
  console.log(`[rakor] ${dev ? "development" : "production"} server on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Open keep-alive connections must not hold the exit.
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
