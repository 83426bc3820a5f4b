/** Runs once when a server process starts: migrate, seed an empty database, hold the data dir. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareDatabase } = await import("./db/prepare");
  const { DataDirLockedError } = await import("./db/lock");
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
}
