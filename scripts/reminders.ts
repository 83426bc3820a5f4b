/**
 * `npm run reminders`: sends due-soon and overdue reminders (idempotent; run it from cron, e.g.
 * hourly). Uses DATABASE_URL, or the embedded database when no server holds its lock.
 */
import { closeDb } from "../db/client";
import { runReminders } from "../lib/follow-ups/reminders";

runReminders()
  .then(async (result) => {
    console.log(JSON.stringify(result));
    await closeDb();
  })
  .catch(async (e) => {
    console.error(e);
    await closeDb().catch(() => {});
    process.exit(1);
  });
