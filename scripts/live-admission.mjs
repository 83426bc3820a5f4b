/**
 * Admission control for live streams (issue 24), per app instance, in front of Next: a hall of
 * phones and room screens reconnecting together after a network blip must not take the instance
 * down. Two limits, checked before Next spends anything on the request:
 * - LIVE_MAX_CLIENTS streams open at once (default: what the heap holds, ≈ 150 KB per client
 *   beside 160 MB for the app itself — 1,500 at the default 384 MB heap);
 * - LIVE_MAX_CONNECTING streams being set up at once (session, access, current state: default 8,
 *   below the database pool's 10, so pages and API calls still find a connection during a burst).
 * Beyond either, 503 with a jittered Retry-After, so the refused clients do not come back together.
 * This is the instance's own capacity, not shared state: every instance admits by its own memory.
 */
import v8 from "node:v8";

const LIVE_PATH = /^\/api\/meetings\/[^/]+\/live\/?$/;
const MB = 1024 * 1024;

export function liveLimits(env = process.env) {
  const heapMb = v8.getHeapStatistics().heap_size_limit / MB;
  const fromHeap = Math.max(50, Math.floor(((heapMb - 160) * 1024) / 150));
  return {
    maxClients: Number(env.LIVE_MAX_CLIENTS) > 0 ? Number(env.LIVE_MAX_CLIENTS) : fromHeap,
    maxConnecting: Number(env.LIVE_MAX_CONNECTING) > 0 ? Number(env.LIVE_MAX_CONNECTING) : 8,
  };
}

/** Seconds to wait before retrying: 5–20, different for each refused client. */
export const retryAfterSeconds = () => 5 + Math.floor(Math.random() * 16);

export function createLiveAdmission(limits = liveLimits()) {
  const counts = { open: 0, connecting: 0, refused: 0 };
  return {
    limits,
    counts,
    /**
     * For a live-stream request: admits it (counted until the response closes) or answers 503.
     * Returns false when it answered (the request must not reach Next). Other requests: true.
     */
    admit(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") return true;
      const pathname = (req.url ?? "/").split("?")[0] ?? "/";
      if (!LIVE_PATH.test(pathname)) return true;
      if (counts.open >= limits.maxClients || counts.connecting >= limits.maxConnecting) {
        counts.refused++;
        const full = counts.open >= limits.maxClients;
        res.writeHead(503, {
          "Retry-After": String(retryAfterSeconds()),
          "Content-Type": "text/plain; charset=utf-8",
          "Cache-Control": "no-store",
          Connection: "close",
        });
        res.end(full ? "This instance follows as many live clients as it can hold; retry later." : "Too many live clients are connecting at once; retry later.");
        return false;
      }
      counts.open++;
      counts.connecting++;
      let connecting = true;
      const connected = () => {
        if (!connecting) return;
        connecting = false;
        counts.connecting--;
      };
      // Set up ends when the response starts (headers or the first bytes), or the client leaves.
      const writeHead = res.writeHead;
      res.writeHead = function (...args) {
        connected();
        return writeHead.apply(this, args);
      };
      const write = res.write;
      res.write = function (...args) {
        connected();
        return write.apply(this, args);
      };
      const flushHeaders = res.flushHeaders;
      res.flushHeaders = function (...args) {
        connected();
        return flushHeaders.apply(this, args);
      };
      res.once("close", () => {
        connected();
        counts.open--;
      });
      return true;
    },
  };
}
