import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, jsonList, rows } from "./client";

describe("rows(): one shape on both drivers", () => {
  it("returns camelCase keys, parsed json and bigint counts as numbers", async () => {
    const [r] = await rows<{ unitName: string; n: number; ids: string[]; byStatus: Record<string, number>; day: string }>(sql`
      select 'Unit' as unit_name, count(*) as n, json_build_array('a', 'b') as ids,
             jsonb_build_object('present', 2) as by_status, to_char(date '2030-01-02', 'YYYY-MM-DD') as day
        from (values (1), (2)) v(x)`);
    expect(r).toEqual({ unitName: "Unit", n: 2, ids: ["a", "b"], byStatus: { present: 2 }, day: "2030-01-02" });
  });

  it("reads a json array column of a select the same way (jsonList)", async () => {
    const [r] = await db.select({ ids: jsonList(sql`json_build_array('x')`), none: jsonList(sql`null::json`) }).from(sql`(values (1)) v(x)`);
    expect(r).toEqual({ ids: ["x"], none: [] });
  });
});
