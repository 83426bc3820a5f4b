/** Runs once when a server process starts (see instrumentation-node.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  await import("./instrumentation-node");
}
