import { describe, expect, it } from "vitest";
import { asc } from "drizzle-orm";
import { db } from "@/db/client";
import { actionItems, categories, type ActionItemStatus } from "@/db/schema";
import { makeDivision, makeUnit, makeUser } from "@/tests/fixtures";
import { completionRate } from "./completion";
import { getDashboard, type Aggregate } from "./dashboard";

const STATUSES: ActionItemStatus[] = ["open", "in_progress", "reported", "verified", "cancelled"];
const sumOfParts = (a: Aggregate) => a.open + a.inProgress + a.reported + a.verified + a.cancelled;

describe("the dashboard adds up", () => {
  it("every row's total is the sum of its status columns (cancelled included), and the rows add up to the overall", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const unitC = await makeUnit({ parentId: division.id });
    const head = await makeUser("head", division.id);
    const cats = await db.select().from(categories).orderBy(asc(categories.sortOrder));
    // A unit whose only item is cancelled: the row used to show Total 1 and every status 0.
    await db.insert(actionItems).values({ title: "Dibatalkan", categoryId: cats[0]!.id, workUnitId: unitC.id, dueDate: "2030-01-01", status: "cancelled", cancelReason: "x" });
    await db.insert(actionItems).values(
      Array.from({ length: 40 }, (_, i) => {
        const status = STATUSES[i % STATUSES.length]!;
        return {
          title: `Item ${i}`,
          categoryId: cats[i % cats.length]!.id,
          workUnitId: [unitA, unitB, unitC][i % 3]!.id,
          dueDate: i % 4 === 0 ? "2020-01-01" : "2035-01-01",
          status,
          cancelReason: status === "cancelled" ? "x" : null,
          reportedAt: status === "verified" ? new Date() : null,
          verifiedAt: status === "verified" ? new Date() : null,
        };
      }),
    );
    const dash = await getDashboard(head);
    expect(dash.units.length).toBeGreaterThanOrEqual(3);
    for (const row of [...dash.units, ...dash.categories, dash.overall]) {
      expect(row.total).toBe(sumOfParts(row));
      expect(row.overdue).toBeLessThanOrEqual(row.open + row.inProgress + row.reported);
    }
    expect(dash.units.reduce((s, u) => s + u.total, 0)).toBe(dash.overall.total);
    expect(dash.categories.reduce((s, c) => s + c.total, 0)).toBe(dash.overall.total);
    const c = dash.units.find((u) => u.unitId === unitC.id)!;
    expect(c.cancelled).toBeGreaterThanOrEqual(1);
    // Completion: verified ÷ (total − cancelled).
    for (const row of [...dash.units, dash.overall]) {
      const rate = completionRate(row);
      if (row.total === row.cancelled) expect(rate).toBeNull();
      else expect(rate).toBeCloseTo((100 * row.verified) / (row.total - row.cancelled), 10);
    }
    expect(completionRate({ total: 10, cancelled: 2, verified: 6 })).toBe(75);
    expect(completionRate({ total: 1, cancelled: 1, verified: 0 })).toBeNull();
  });
});
