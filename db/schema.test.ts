import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";

// The app's own tables (schema public); the job queue's (schema pgboss) are pg-boss's.
describe("the schema", () => {
  it("has an index leading with every foreign key column", async () => {
    const missing = await rows<{ tableName: string; columnName: string }>(sql`
      select c.conrelid::regclass::text as table_name, a.attname as column_name
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       where c.contype = 'f' and c.connamespace = 'public'::regnamespace
         and not exists (
           select 1 from pg_index i
            where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
       order by 1, 2`);
    expect(missing).toEqual([]);
  });

  it("stores every instant as timestamptz", async () => {
    const plain = await rows<{ tableName: string; columnName: string }>(sql`
      select table_name, column_name from information_schema.columns
       where table_schema = 'public' and data_type = 'timestamp without time zone'`);
    expect(plain).toEqual([]);
  });

  it("declares an explicit ON DELETE for every foreign key", async () => {
    // 'a' = NO ACTION, the default when none is given.
    const implicit = await rows<{ name: string }>(sql`select conname as name from pg_constraint where contype = 'f' and confdeltype = 'a' and connamespace = 'public'::regnamespace`);
    expect(implicit).toEqual([]);
  });
});
