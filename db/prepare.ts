import { migrateDatabase } from "./migrate";
import { isDatabaseEmpty, seedDemo } from "./seed";

/** Start-up work of a server: migrate, and seed the demo data into an empty database. */
export async function prepareDatabase(options: { seed?: boolean } = {}) {
  const seed = options.seed ?? process.env.SEED_DEMO !== "false";
  let seeded = false;
  await migrateDatabase(async (db) => {
    if (seed && (await isDatabaseEmpty(db))) {
      await seedDemo(db);
      seeded = true;
    }
  });
  return { seeded };
}
