import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/types";
import { bindingOf, cappedCountSql, cappedTotal, keyset, type KeyColumn } from "@/lib/pagination";
import { can } from "@/lib/permissions";
import { unitsVisibleTo } from "@/lib/scopes";

/**
 * People lookup for integrators (filling userId, picUserId, chairUserId): by NIP, e-mail (exact,
 * case-insensitive), a name/position text, or unit. Staff (who pick chairs and speakers from the
 * whole office) find every active person; others their own unit's. Only name, NIP, position and
 * unit come back — never the e-mail, role or anything else.
 */
export type PeopleFilters = { nip?: string; email?: string; q?: string; workUnitId?: string; updatedSince?: string; cursor?: string; limit: number };

export type PersonRow = { id: string; name: string; nip: string | null; position: string; workUnitId: string; workUnitName: string; updatedAt: Date | string; sortName: string; syncAt: string };

const like = (text: string) => `%${text.replace(/[%_\\]/g, "\\$&")}%`;

export async function lookupPeople(user: CurrentUser, f: PeopleFilters) {
  const where: SQL[] = [sql`u.active`];
  if (!can(user, "people.searchAll")) where.push(unitsVisibleTo(user, sql`u.work_unit_id`));
  if (f.nip) where.push(sql`u.nip = ${f.nip}`);
  if (f.email) where.push(sql`lower(u.email) = lower(${f.email})`);
  if (f.workUnitId) where.push(sql`u.work_unit_id = ${f.workUnitId}::uuid`);
  if (f.q) where.push(sql`(u.name ilike ${like(f.q)} or u.position ilike ${like(f.q)})`);
  if (f.updatedSince) where.push(sql`u.updated_at >= ${f.updatedSince}::timestamptz`);
  const filter = sql.join(where, sql` and `);
  // By name (or, with updatedSince, in the sync order updatedAt, id).
  const columns: KeyColumn[] = f.updatedSince
    ? [
        { sql: sql`u.updated_at`, type: "timestamptz" },
        { sql: sql`u.id`, type: "uuid" },
      ]
    : [
        { sql: sql`u.name`, type: "text" },
        { sql: sql`u.id`, type: "uuid" },
      ];
  const page = keyset<PersonRow>({
    columns,
    order: "asc",
    limit: f.limit,
    cursor: f.cursor,
    binding: bindingOf({ list: "people", user: user.id, ...f, cursor: undefined }),
    keyOf: (r) => [f.updatedSince ? r.syncAt : r.sortName, r.id],
  });
  const count = cappedCountSql(sql`from users u where ${filter}`);
  const found = await rows<PersonRow & { capped: number }>(sql`
    select u.id, u.name, u.nip, u.position, u.work_unit_id, w.name as work_unit_name, u.updated_at,
           u.name as sort_name, u.updated_at::text as sync_at, (${count}) as capped
      from users u join work_units w on w.id = u.work_unit_id
     where ${filter} and ${page.where}
     order by ${page.orderBy}
     limit ${page.fetch}`);
  const n = found[0]?.capped ?? Number((await rows<{ n: number }>(count))[0]?.n ?? 0);
  return { ...page.finish(found), ...cappedTotal(n) };
}
