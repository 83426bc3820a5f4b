import { DataDirLockedError } from "./db/lock";
import { prepareDatabase } from "./db/prepare";

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

// The reminders job (due soon, overdue, escalation) and the email outbox, every N minutes.
// Every instance may run it: an advisory lock serialises runs and dedupe keys make a second run
// a no-op, so no cron is needed (and with the embedded database no other process could run it).
const everyMinutes = Number(process.env.REMINDERS_EVERY_MINUTES ?? 15);
if (everyMinutes > 0) {
  const run = async () => {
    try {
      const { runReminders } = await import("./lib/follow-ups/reminders");
      const result = await runReminders();
      if (result.dueSoon + result.overdue + result.escalated + result.emails.sent > 0) console.log("[rakor] reminders", JSON.stringify(result));
    } catch (e) {
      console.error("[rakor] reminders failed", e);
    }
  };
  setTimeout(run, 60_000).unref();
  setInterval(run, everyMinutes * 60_000).unref();
}
