/**
 * The absolute address links in e-mails and calendar files point to: APP_URL when set, else the
 * address this server was started on (recorded at start-up by instrumentation-node.ts from PORT and
 * HOSTNAME), else http://localhost:<PORT or 3000>. Never a relative link: a mail client cannot open one.
 */
const g = globalThis as unknown as { __rakorServerUrl?: string };

export function recordServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  const port = env.PORT || "3000";
  const host = !env.HOSTNAME || env.HOSTNAME === "0.0.0.0" || env.HOSTNAME === "::" ? "localhost" : env.HOSTNAME;
  g.__rakorServerUrl = `http://${host}:${port}`;
  return g.__rakorServerUrl;
}

export function appUrl(): string {
  const configured = (process.env.APP_URL ?? "").trim().replace(/\/+$/, "");
  if (configured) return configured;
  return g.__rakorServerUrl ?? `http://localhost:${process.env.PORT || "3000"}`;
}

/** A start-up warning for a deployment that may run several instances (PostgreSQL) without APP_URL. */
export function appUrlWarning(env: NodeJS.ProcessEnv = process.env): string | null {
  if ((env.APP_URL ?? "").trim() || !env.DATABASE_URL) return null;
  return `[rakor] APP_URL is not set: e-mail links use this server's own address (${appUrl()}). With several instances behind a load balancer, set APP_URL to the public address.`;
}
