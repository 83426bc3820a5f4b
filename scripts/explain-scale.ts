/**
 * `npx tsx scripts/explain-scale.ts` (DATABASE_URL = the scale data set of `npm run db:seed-scale`):
 * EXPLAIN ANALYZE of the hot queries — dashboard, agenda, the follow-up and meeting lists, the
 * review of follow-ups — as the demo users who carry the heavy share, and the time of each use
 * case end to end (median of 5 runs after a warm-up).
 */
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the scale data set (npm run db:seed-scale).");
  process.exit(2);
}
const dialect = new PgDialect();
const raw = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
const VERBOSE = process.argv.includes("--plans");

type Query = SQL | { toSQL(): { sql: string; params: unknown[] } };
const toQuery = (q: Query) => ("toSQL" in q ? q.toSQL() : dialect.sqlToQuery(q));

async function explain(label: string, q: Query) {
  const { sql: text, params } = toQuery(q);
  await raw.unsafe(text, params as never[]); // warm
  const plan = (await raw.unsafe(`explain (analyze, buffers) ${text}`, params as never[])) as unknown as { "QUERY PLAN": string }[];
  const lines = plan.map((r) => r["QUERY PLAN"]);
  const exec = lines.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
  const planning = lines.find((l) => l.startsWith("Planning Time"))?.replace("Planning Time: ", "") ?? "?";
  const jit = lines.some((l) => l.startsWith("JIT:")) ? " (JIT)" : "";
  console.log(`  ${label}: execution ${exec}, planning ${planning}${jit}`);
  if (VERBOSE) console.log(lines.map((l) => `      ${l}`).join("\n"));
}

async function timed(label: string, run: () => Promise<unknown>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${label}: ${times[2]!.toFixed(1)} ms (median of 5)`);
}

async function main() {
  const { closeDb, rows } = await import("../db/client");
  const { loadUser } = await import("../lib/auth/load-user");
  const { dashboardQueries, dashboardStatement, getDashboard } = await import("../lib/follow-ups/dashboard");
  const { agendaQueries, getMyAgenda } = await import("../lib/agenda/my-agenda");
  const { listActionItems, listQueries: itemQueries } = await import("../lib/follow-ups/list-action-items");
  const { listMeetings, listQueries: meetingQueries } = await import("../lib/meetings/list-meetings");
  const { getReview, reviewQueries } = await import("../lib/follow-ups/review");
  const user = async (email: string) => {
    const [{ id }] = await rows<{ id: string }>(sql`select id from users where email = ${email}`);
    return (await loadUser(id))!.user;
  };
  const head = await user("kadiv.imigrasi@rakor.test");
  const secretariat = await user("sekretariat@rakor.test");
  const malang = await user("peserta.malang@rakor.test");
  const [review] = await rows<{ id: string }>(sql`select id from meetings where title = 'Rakor Reviu Tindak Lanjut Triwulanan'`);

  console.log("Dashboard (head of Divisi Keimigrasian)");
  for (const [name, q] of Object.entries(dashboardQueries(head))) await explain(name, q);
  await explain("all in one statement (what getDashboard sends)", dashboardStatement(head));
  await timed("getDashboard", () => getDashboard(head));

  console.log("Agenda (participant of Kanim Malang)");
  for (const [name, q] of Object.entries(agendaQueries(malang))) await explain(name, q);
  await timed("getMyAgenda", () => getMyAgenda(malang));

  console.log("Follow-up list (head): first page, overdue page, capped counts");
  for (const [label, f] of [["all", {}], ["overdue", { overdue: true }]] as const) {
    const q = itemQueries(head, f);
    await explain(`${label} page`, q.page);
    await explain(`${label} count (capped)`, q.count);
    await timed(`listActionItems ${label}`, () => listActionItems(head, f));
  }
  const first = await listActionItems(head, {});
  const deep = first.nextCursor ? itemQueries(head, { cursor: first.nextCursor }) : null;
  if (deep) await explain("all, next page (keyset)", deep.page);

  console.log("Meeting list (secretariat)");
  const mq = meetingQueries(secretariat, {});
  await explain("page", mq.pageQuery);
  await explain("count (capped)", mq.count);
  await timed("listMeetings", () => listMeetings(secretariat, {}));

  if (review) {
    console.log("Review of follow-ups (Rakor Reviu Tindak Lanjut Triwulanan)");
    const summary = await getReview(secretariat, review.id);
    const biggest = [...summary.units].sort((a, b) => b.open - a.open)[0];
    console.log(`  (${summary.units.reduce((s, u) => s + u.open, 0)} open follow-ups in ${summary.units.length} units)`);
    const rq = await reviewQueries(secretariat, review.id, { unitId: biggest?.unitId });
    await explain("counts per unit", rq.units);
    await explain(`one unit's first page (${biggest?.unitName}, ${biggest?.open} items)`, rq.items);
    await timed("getReview (per-unit counts)", () => getReview(secretariat, review.id));
    await timed("getReview (counts + one unit's page)", () => getReview(secretariat, review.id, { unitId: biggest?.unitId }));
  }
  await closeDb();
  await raw.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
