import { DataDirLockedError } from "./db/lock";
import { prepareDatabase } from "./db/prepare";
import { appUrlWarning, recordServerUrl } from "./lib/app-url";

// E-mail links are absolute: APP_URL, else the address this server runs on (recorded now).
recordServerUrl();
const urlWarning = appUrlWarning();
if (urlWarning) console.warn(urlWarning);

// Server start-up: migrate, seed an empty database, and (embedded PGlite) hold the data dir's lock.
try {
  const started = Date.now();
  const { seeded } = await prepareDatabase();
  console.log(`[rakor] database ready in ${Date.now() - started} ms${seeded ? " (demo data seeded)" : ""}`);
} catch (e) {
  if (e instanceof DataDirLockedError) {
    console.error(`\n[rakor] ${e.message}\n`);
  } else {
    console.error("[rakor] database start-up failed", e);
  }
  process.exit(1);
}

// Background work (e-mail, reminders, …) on the PostgreSQL job queue (pg-boss, lib/jobs): every
// instance runs workers — each job is fetched by one of them — unless JOBS_WORKERS=false.
if (process.env.JOBS_WORKERS !== "false") {
  try {
    const { startJobRuntime } = await import("./lib/jobs/runtime");
    await startJobRuntime();
  } catch (e) {
    console.error("[rakor] job queue start failed", e);
  }
}
