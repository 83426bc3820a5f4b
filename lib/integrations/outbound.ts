import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

/**
 * Outbound HTTP to addresses an administrator typed in (webhooks), guarded against SSRF: the host
 * name is resolved and EVERY address it has must be public — loopback, private (RFC 1918, ULA),
 * link-local (cloud metadata 169.254.169.254), CGNAT, multicast and reserved ranges are refused —
 * unless WEBHOOKS_ALLOW_PRIVATE=true. The connection goes to the address that was checked (no
 * second lookup a rebinding DNS could answer differently); redirects are not followed; the
 * request has a timeout and the response body is read up to a cap.
 */

const blocked = new net.BlockList();
for (const [net4, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net4, prefix, "ipv4");
}
for (const [net6, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net6, prefix, "ipv6");
}

export const allowPrivateTargets = () => process.env.WEBHOOKS_ALLOW_PRIVATE === "true";

/** Whether an IP address is one an outbound request must not reach. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    // IPv4-mapped and -compatible forms are checked as the IPv4 address they carry.
    const mapped = /^(?:::ffff:|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true;
}

export class OutboundRefused extends Error {}

/** Every address of the host, each checked; the first is the one to connect to. */
export async function resolvePublic(hostname: string): Promise<{ address: string; family: number }[]> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const found = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await dns.promises.lookup(host, { all: true, verbatim: true }).catch(() => []);
  if (found.length === 0) throw new OutboundRefused(`The host ${host} does not resolve.`);
  if (!allowPrivateTargets()) {
    const bad = found.filter((a) => isPrivateAddress(a.address));
    if (bad.length > 0) throw new OutboundRefused(`The host ${host} resolves to a private, loopback or link-local address (${bad.map((a) => a.address).join(", ")}).`);
  }
  return found;
}

/** A URL an outbound request may be sent to: http(s), no credentials, a public host (see above). */
export async function checkTargetUrl(raw: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused("Not a URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundRefused("Only http and https URLs.");
  if (url.username || url.password) throw new OutboundRefused("No credentials in the URL.");
  await resolvePublic(url.hostname);
  return url;
}

export type OutboundResult = { status: number; body: string; truncated: boolean };

export const OUTBOUND_TIMEOUT_MS = Number(process.env.WEBHOOKS_TIMEOUT_MS ?? 10_000);
export const OUTBOUND_MAX_RESPONSE_BYTES = 64 * 1024;

/** POSTs `body` to `raw` under the rules above. Throws OutboundRefused or a network error. */
export async function postJson(raw: string, body: string, headers: Record<string, string>): Promise<OutboundResult> {
  const url = await checkTargetUrl(raw);
  const [target] = await resolvePublic(url.hostname);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<OutboundResult>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), "User-Agent": "Rakor-Webhooks/1", ...headers },
        // Connect to the address that was checked (the Host header and TLS name stay the URL's).
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target!]);
          else callback(null, target!.address, target!.family);
        },
        timeout: OUTBOUND_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on("data", (chunk: Buffer) => {
          if (size >= OUTBOUND_MAX_RESPONSE_BYTES) {
            truncated = true;
            res.destroy();
            return;
          }
          chunks.push(chunk.subarray(0, OUTBOUND_MAX_RESPONSE_BYTES - size));
          size += chunk.length;
          if (size > OUTBOUND_MAX_RESPONSE_BYTES) truncated = true;
        });
        const done = () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), truncated });
        res.on("end", done);
        res.on("close", done);
        res.on("error", done);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`No answer within ${OUTBOUND_TIMEOUT_MS} ms.`)));
    req.on("error", reject);
    req.end(body);
  });
}
