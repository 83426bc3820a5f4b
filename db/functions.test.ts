import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { functionFiles } from "./migrate";

/**
 * Issue 20: the trigger SQL lives once. Every function of db/functions/ is applied as its file says
 * (its body in the database is the file's, character for character), and every trigger function
 * of the app's schema has its file: none is left defined only by a migration.
 */
describe("db/functions: one file per trigger function", () => {
  it("the applied function bodies equal the files", async () => {
    const files = functionFiles();
    expect(files.length).toBeGreaterThanOrEqual(7);
    const applied = await rows<{ name: string; body: string }>(
      sql`select p.proname as name, p.prosrc as body from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'`,
    );
    const byName = new Map(applied.map((r) => [r.name, r.body]));
    for (const f of files) {
      const body = /AS \$\$([\s\S]*)\$\$;\s*$/.exec(f.text)?.[1];
      expect(body, f.file).toBeTruthy();
      expect(byName.get(f.name), f.file).toBe(body);
    }
    const triggerFunctions = await rows<{ name: string }>(
      sql`select distinct p.proname as name from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_namespace n on n.oid = p.pronamespace
           where not t.tgisinternal and n.nspname = 'public'`,
    );
    // Every trigger function has its file; the other files are what they call (follow_up_counts_apply).
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(triggerFunctions.map((t) => t.name)));
    const helpers = files.map((f) => f.name).filter((name) => !triggerFunctions.some((t) => t.name === name));
    for (const name of helpers) expect(files.some((f) => f.name !== name && f.text.includes(`${name}(`)), `${name} is called by a trigger function`).toBe(true);
  });
});
