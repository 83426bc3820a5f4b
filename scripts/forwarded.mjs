/**
 * Appends the address of the TCP peer to X-Forwarded-For, exactly as a reverse proxy appends the
 * address it saw. The chain's last entry is then the connection's, which no client can forge; the
 * app reads further left only as far as TRUST_PROXY allows (lib/auth/request-ip.ts).
 * @param {import("node:http").IncomingMessage} req
 */
export function appendPeer(req) {
  const peer = (req.socket.remoteAddress ?? "unknown").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  const forwarded = req.headers["x-forwarded-for"];
  const chain = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  req.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
}
