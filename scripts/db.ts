/**
 * `npm run db:migrate` and `npm run db:seed`. With the embedded database these take the data
 * dir's lock, so they refuse to run while a server holds it (two writers corrupt PGlite).
 */
import { closeDb, dbState } from "../db/client";
import { DataDirLockedError } from "../db/lock";
import { migrateDatabase } from "../db/migrate";
import { isDatabaseEmpty, seedDemo } from "../db/seed";

async function main() {
  const command = process.argv[2];
  if (command !== "migrate" && command !== "seed") {
    console.error("usage: tsx scripts/db.ts migrate|seed");
    process.exit(2);
  }
  dbState();
  await migrateDatabase(async (db) => {
    if (command !== "seed") return;
    if (!(await isDatabaseEmpty(db))) {
      console.log("The database already has data: demo data not seeded.");
      return;
    }
    await seedDemo(db);
    console.log("Demo data seeded (password of every demo account: rakor-demo).");
  });
  console.log("Migrations applied.");
}

main()
  .then(() => closeDb())
  .catch(async (e) => {
    if (e instanceof DataDirLockedError) {
      console.error(`\n${e.message}\n`);
    } else {
      console.error(e);
    }
    await closeDb().catch(() => {});
    process.exit(1);
  });
