/**
 * `npx tsx scripts/bench-follow-ups.ts [count]`: loads COUNT (default 100,000) follow-ups into a
 * throw-away database (in-memory PGlite unless DATABASE_URL is set — never point it at real data)
 * and reports the dashboard's and the list's timings and query plans.
 */
import { sql } from "drizzle-orm";
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";

async function main() {
  const count = Number(process.argv[2] ?? 100_000);
  const { closeDb, rows } = await import("../db/client");
  const { prepareDatabase } = await import("../db/prepare");
  const { loadUser } = await import("../lib/auth/load-user");
  const { dashboardQueries, getDashboard } = await import("../lib/follow-ups/dashboard");
  const { listActionItems } = await import("../lib/follow-ups/list-action-items");
  await prepareDatabase({ seed: true });
  const t0 = Date.now();
  await rows(sql`
    insert into action_items (title, category_id, work_unit_id, due_date, status, progress, cancel_reason, created_at, reported_at, verified_at)
    select 'Bench ' || g,
           (select id from categories order by sort_order offset (g % 9) limit 1),
           u.id,
           (now() - (g % 400) * interval '1 day' + (g % 60) * interval '1 day')::date,
           s.status,
           0,
           case when s.status = 'cancelled' then 'bench' end,
           now() - (g % 400) * interval '1 day',
           case when s.status in ('reported','verified') then now() - (g % 400) * interval '1 day' + (g % 50) * interval '1 day' end,
           case when s.status = 'verified' then now() - (g % 400) * interval '1 day' + (g % 50 + g % 7) * interval '1 day' end
      from generate_series(1, ${count}) g
      cross join lateral (select (array['open','in_progress','reported','verified','verified','cancelled'])[1 + g % 6] as status) s
      cross join lateral (select id from work_units where kind = 'technical_unit' order by code offset (g % 13) limit 1) u`);
  await rows(sql`analyze`);
  console.log(`inserted ${count} follow-ups in ${Date.now() - t0} ms`);
  const [{ id }] = await rows<{ id: string }>(sql`select id from users where email = 'kadiv.imigrasi@rakor.test'`);
  const head = (await loadUser(id))!;
  for (let i = 0; i < 3; i++) {
    let t = Date.now();
    await getDashboard(head);
    const dash = Date.now() - t;
    t = Date.now();
    await listActionItems(head, { overdue: true, page: 1 });
    console.log(`run ${i + 1}: dashboard ${dash} ms, overdue list page 1 ${Date.now() - t} ms`);
  }
  const q = dashboardQueries(head);
  for (const [name, query] of Object.entries(q)) {
    const plan = await rows<Record<string, string>>(sql`explain analyze ${query}`);
    console.log(`\n--- ${name}\n${plan.map((r) => Object.values(r)[0]).join("\n")}`);
  }
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
