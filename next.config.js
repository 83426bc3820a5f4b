/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from node_modules at run time; argon2 is a native addon;
  // pdfkit reads its font metrics (.afm) from node_modules; pg-boss (the job queue) loads `pg`,
  // whose optional native binding a bundler cannot resolve.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pdfkit", "pg-boss"],
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (TypeScript 7, seconds), which CI runs before the
  // tests; checking them again with the TypeScript 6 API inside every build only costs ~25 s.
  typescript: { ignoreBuildErrors: true },
  // Evidence uploads (bukti dukung) are up to 10 MB; multipart overhead needs a little more.
  experimental: { serverActions: { bodySizeLimit: "11mb" }, proxyClientMaxBodySize: "11mb" },
  async headers() {
    // The Content-Security-Policy (with a per-request nonce) is set by proxy.ts; these apply to
    // every response, static files included.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        source: "/_next/static/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
