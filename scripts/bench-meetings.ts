/**
 * The meeting list with 5,000 meetings: query plans (EXPLAIN ANALYZE) and timings.
 * Runs on an in-memory PGlite unless DATABASE_URL is set:  npx tsx scripts/bench-meetings.ts
 */
import { sql, type SQL } from "drizzle-orm";
import { closeDb, db, rows } from "../db/client";
import { prepareDatabase } from "../db/prepare";
import { loadUser } from "../lib/auth/load-user";
import { listMeetings, listQueries } from "../lib/meetings/list-meetings";

if (!process.env.DATABASE_URL) process.env.PGLITE_DIR ??= "memory://";

async function explain(label: string, query: SQL) {
  const plan = await rows<{ "QUERY PLAN": string }>(sql`explain analyze ${query}`);
  console.log(`\n--- ${label}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
}

async function main() {
  await prepareDatabase({ seed: true });
  const [n] = await rows<{ n: number }>(sql`select count(*)::int as n from meetings`);
  if ((n?.n ?? 0) < 5000) {
    // 5,000 meetings over five years across the immigration division, each inviting 4 units.
    await db.execute(sql`
      with div as (select id from work_units where code = 'DIV-IMI')
      insert into meetings (title, topic, kind, starts_at, ends_at, time_zone, location, organizer_unit_id, status, cancel_reason)
      select 'Rakor ' || g, 'Topik ' || g, 'rakor',
             timestamptz '2022-01-03 09:00+07' + (g * interval '8 hours'),
             timestamptz '2022-01-03 11:00+07' + (g * interval '8 hours'),
             'Asia/Jakarta', 'Ruang ' || (g % 7), (select id from div),
             (array['draft','scheduled','completed','completed','cancelled'])[1 + g % 5], 'Contoh'
        from generate_series(1, 5000) g`);
    await db.execute(sql`
      insert into invitations (meeting_id, work_unit_id)
      select m.id, u.id from meetings m
        cross join lateral (select id from work_units where parent_id = (select id from work_units where code = 'DIV-IMI')
                             order by md5(m.id::text || id::text) limit 4) u
       where m.title like 'Rakor %' and m.title ~ '^Rakor [0-9]+$'
      on conflict do nothing`);
    await db.execute(sql`analyze`);
  }
  const ids = await rows<{ id: string; email: string }>(sql`select id, email from users where email in ('sekretariat@rakor.test', 'peserta.malang@rakor.test')`);
  for (const { id, email } of ids) {
    const user = (await loadUser(id))!.user;
    const { page, count } = listQueries(user, { page: 3 });
    await explain(`${email}: page 3`, page);
    await explain(`${email}: count`, count);
    const filtered = listQueries(user, { from: "2023-01-01", to: "2023-03-31", status: "completed", q: "rakor" });
    await explain(`${email}: filtered page`, filtered.page);
    for (let i = 0; i < 3; i++) await listMeetings(user, { page: 3 }); // warm up
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) await listMeetings(user, { page: 1 + i });
    console.log(`\n${email}: listMeetings (page + count) average ${((performance.now() - t0) / 10).toFixed(1)} ms`);
  }
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
