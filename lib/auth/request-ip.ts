/**
 * How many reverse proxies in front of the app append to X-Forwarded-For (TRUST_PROXY, default 0).
 * "true" counts as one.
 */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  if (!value || value === "false") return 0;
  if (value === "true") return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 20 ? n : 0;
}

/**
 * The client's address. The Rakor server (scripts/server.mjs) appends the address of the TCP peer
 * to X-Forwarded-For as a proxy does, so the chain's last entry is the connection's and cannot be
 * forged. With TRUST_PROXY=N the client is the entry N places before it: each trusted proxy
 * appended the address it saw, and everything to the left of that is the client's own claim.
 * Without TRUST_PROXY a forged X-Forwarded-For is ignored.
 */
export function clientIp(headers: Headers, hops = trustedProxyHops()): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  const ip = chain[Math.max(0, chain.length - 1 - hops)]!;
  // "::ffff:127.0.0.1" and "127.0.0.1" are one address; keep keys short and printable.
  return ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64).replace(/[^0-9A-Za-z.:_-]/g, "_");
}
