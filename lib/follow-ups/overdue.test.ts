import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from "@/db/schema";
import { todayIn } from "@/lib/time";
import { makeUnit } from "@/tests/fixtures";
import { insertItem } from "@/tests/follow-ups";
import { dueSoonSql, isDueSoon, isOverdue, overdueSql } from "./overdue";

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("the overdue rule: SQL and TypeScript agree", () => {
  it("judges every status and due date around today in the owner unit's zone", async () => {
    const units = await Promise.all(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"].map((timeZone) => makeUnit({ timeZone })));
    const items: { id: string; status: ActionItemStatus; dueDate: string; timeZone: string }[] = [];
    for (const unit of units) {
      const today = todayIn(unit.timeZone);
      for (const status of ACTION_ITEM_STATUSES) {
        for (const offset of [-30, -1, 0, 1, 7, 8]) {
          const row = await insertItem({ workUnitId: unit.id, status, dueDate: shift(today, offset) });
          items.push({ id: row.id, status, dueDate: row.dueDate, timeZone: unit.timeZone });
        }
      }
    }
    const got = await rows<{ id: string; overdue: boolean; dueSoon: boolean }>(sql`
      select action_items.id, ${overdueSql()} as overdue, ${dueSoonSql()} as due_soon
        from action_items join work_units on work_units.id = action_items.work_unit_id
       where action_items.id = any(${`{${items.map((i) => i.id).join(",")}}`}::uuid[])`);
    const byId = new Map(got.map((r) => [r.id, r]));
    const disagree = items.filter((i) => {
      const r = byId.get(i.id)!;
      const today = todayIn(i.timeZone);
      return r.overdue !== isOverdue(i, today) || r.dueSoon !== isDueSoon(i, today);
    });
    expect(disagree).toEqual([]);
    // Both outcomes occur: the comparison is not vacuous.
    expect(new Set(got.map((r) => r.overdue))).toEqual(new Set([true, false]));
    expect(new Set(got.map((r) => r.dueSoon))).toEqual(new Set([true, false]));
  });
});
