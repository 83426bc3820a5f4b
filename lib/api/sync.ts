import { sql, type SQL } from "drizzle-orm";
import { bindingOf, keyset, type KeyColumn } from "@/lib/pagination";

/**
 * The sync order of a list read with `?updatedSince=`: (updated_at, id) ascending under a keyset
 * cursor. updated_at is kept by the database on every write (clock_timestamp(), never moving
 * backwards, see the migration of issue 22), so a row changed while a client walks the list gets
 * an updated_at past the client's cursor and is seen again on a later page: every row changed
 * after `updatedSince` is seen at least once, none is skipped. `updatedSince` is inclusive.
 *
 * The cursor carries updated_at as PostgreSQL's text (microseconds), not the response's
 * millisecond ISO form, so two rows changed in the same millisecond are never confused.
 */
export function syncKeyset(table: SQL, since: string, opts: { cursor?: string; limit: number; binding: Record<string, unknown> }) {
  const columns: KeyColumn[] = [
    { sql: sql`${table}.updated_at`, type: "timestamptz" },
    { sql: sql`${table}.id`, type: "uuid" },
  ];
  const page = keyset<{ syncAt: string; id: string }>({
    columns,
    order: "asc",
    limit: opts.limit,
    cursor: opts.cursor,
    binding: bindingOf({ ...opts.binding, sync: "updatedAt", updatedSince: since, cursor: undefined }),
    keyOf: (r) => [r.syncAt, r.id],
  });
  const since_ = sql`${table}.updated_at >= ${since}::timestamptz`;
  return {
    ...page,
    /** The rows changed since (the list's own filters are ANDed by the caller). */
    since: since_,
    /** The sort key to select as `syncAt`. */
    syncAt: sql<string>`${table}.updated_at::text`,
  };
}
