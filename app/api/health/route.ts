import type { NextRequest } from "next/server";
import { DB_RETRY_AFTER_SECONDS } from "@/lib/errors";
import { checkDatabase } from "@/lib/health";

type Admission = { limits: { maxClients: number }; counts: { open: number; connecting: number; refused: number } };

/** This instance's live streams (scripts/live-admission.mjs; absent when not served by scripts/server.mjs). */
function liveCheck() {
  const a = (globalThis as { __rakorLiveAdmission?: Admission }).__rakorLiveAdmission;
  return a ? { clients: a.counts.open, connecting: a.counts.connecting, capacity: a.limits.maxClients, refused: a.counts.refused } : undefined;
}

/**
 * For the load balancer. `/api/health`: liveness, without touching the database.
 * `/api/health?db=1`: readiness, the database checked too (503 with Retry-After while it is down),
 * with this instance's live streams (open, being set up, capacity, refused so far).
 */
export async function GET(request: NextRequest) {
  const headers = { "Cache-Control": "no-store" };
  const wantDb = ["1", "true"].includes(request.nextUrl.searchParams.get("db") ?? "");
  if (!wantDb) return Response.json({ status: "ok" }, { headers });
  const db = await checkDatabase();
  return Response.json(
    { status: db.ok ? "ok" : "unavailable", checks: { database: { status: db.ok ? "ok" : "unavailable", latencyMs: db.latencyMs }, live: liveCheck() } },
    { status: db.ok ? 200 : 503, headers: db.ok ? headers : { ...headers, "Retry-After": String(DB_RETRY_AFTER_SECONDS) } },
  );
}
