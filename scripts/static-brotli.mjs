/**
 * Brotli for the build's static assets (issue 24): Next serves /_next/static with gzip only;
 * brotli is 13–15 % smaller for our JavaScript. At start the server compresses every .js/.css of
 * .next/static once (quality 11, ≈ 2 s of CPU in the background, ≈ 330 KB held in memory — the
 * files are immutable, their names carry a hash) and then answers clients that accept `br` from
 * that, with the headers Next would send. Anything else goes to Next as before.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const TYPES = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };

export function createStaticBrotli({ root, extraHeaders = {} }) {
  const dir = path.join(root, ".next", "static");
  /** URL path (/_next/static/…) → compressed bytes. */
  const compressed = new Map();
  const ready = (async () => {
    const walk = (d) => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)])) : []);
    for (const file of walk(dir)) {
      if (!TYPES[path.extname(file)]) continue;
      const raw = await fs.promises.readFile(file);
      const br = await new Promise((resolve, reject) =>
        zlib.brotliCompress(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }, (e, out) => (e ? reject(e) : resolve(out))),
      );
      if (br.length < raw.length) compressed.set(`/_next/static/${path.relative(dir, file).split(path.sep).join("/")}`, br);
    }
  })().catch((e) => console.error("[rakor] brotli for static assets failed; serving gzip", e));

  return {
    ready,
    /** Answers a static asset with brotli when it can; false: the request goes on to Next. */
    serve(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      const pathname = (req.url ?? "/").split("?")[0] ?? "/";
      if (!pathname.startsWith("/_next/static/")) return false;
      if (!/\bbr\b/.test(String(req.headers["accept-encoding"] ?? ""))) return false;
      const body = compressed.get(pathname);
      if (!body) return false;
      res.writeHead(200, {
        ...extraHeaders,
        "Content-Type": TYPES[path.extname(pathname)],
        "Content-Encoding": "br",
        "Content-Length": String(body.length),
        "Cache-Control": "public, max-age=31536000, immutable",
        Vary: "Accept-Encoding",
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return true;
    },
  };
}
