import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { BadCursorError, bindingOf, cappedTotal, COUNT_CAP, decodeCursor, encodeCursor, keyset, type KeyColumn } from "./pagination";

const KEY: KeyColumn[] = [
  { sql: sql`due_date`, type: "date" },
  { sql: sql`id`, type: "uuid" },
];
const ID = "0b6c8a52-2f51-4f7e-9a53-6a1d3b9a2c11";

describe("keyset cursors", () => {
  it("round-trip, bound to the list's filters and page size", () => {
    const binding = bindingOf({ list: "x", status: "open", limit: 25 });
    expect(bindingOf({ limit: 25, status: "open", list: "x" })).toBe(binding);
    const cursor = encodeCursor("next", ["2026-01-05", ID], binding);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, binding, KEY)).toEqual({ direction: "next", key: ["2026-01-05", ID] });
    // Another filter or page size: refused.
    expect(() => decodeCursor(cursor, bindingOf({ list: "x", status: "verified", limit: 25 }), KEY)).toThrow(BadCursorError);
    expect(() => decodeCursor(cursor, bindingOf({ list: "x", status: "open", limit: 50 }), KEY)).toThrow(BadCursorError);
  });

  it("refuses garbage and tampered keys with a 400", () => {
    const binding = bindingOf({ list: "x" });
    const bad = [
      "",
      "%%%",
      Buffer.from("not json").toString("base64url"),
      Buffer.from(JSON.stringify({ d: "n", k: ["2026-01-05"], b: binding })).toString("base64url"),
      Buffer.from(JSON.stringify({ d: "x", k: ["2026-01-05", ID], b: binding })).toString("base64url"),
      Buffer.from(JSON.stringify({ d: "n", k: ["2026-01-05'; drop table x; --", ID], b: binding })).toString("base64url"),
      Buffer.from(JSON.stringify({ d: "n", k: ["2026-01-05", "not-a-uuid"], b: binding })).toString("base64url"),
      "a".repeat(2000),
    ];
    for (const c of bad) {
      let error: unknown;
      try {
        decodeCursor(c, binding, KEY);
      } catch (e) {
        error = e;
      }
      expect(error, c.slice(0, 40)).toBeInstanceOf(BadCursorError);
      expect((error as BadCursorError).status).toBe(400);
    }
  });

  it("pages forwards and backwards over a sorted list without skipping or repeating", () => {
    const all = Array.from({ length: 23 }, (_, i) => ({ due: `2026-01-${String(1 + Math.floor(i / 3)).padStart(2, "0")}`, id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` }));
    const binding = bindingOf({ list: "t" });
    // A tiny in-memory "database" that honours the keyset's direction and bound.
    const fetch = (cursor: string | null) => {
      const page = keyset<(typeof all)[number]>({ columns: KEY, order: "asc", limit: 5, cursor, binding, keyOf: (r) => [r.due, r.id] });
      const at = cursor ? decodeCursor(cursor, binding, KEY) : null;
      const cmp = (r: (typeof all)[number]) => (r.due + r.id).localeCompare(at!.key[0]! + at!.key[1]!);
      let rows = at ? all.filter((r) => (at.direction === "next" ? cmp(r) > 0 : cmp(r) < 0)) : all;
      if (at?.direction === "prev") rows = [...rows].reverse();
      return page.finish(rows.slice(0, page.fetch));
    };
    const seen: string[] = [];
    let page = fetch(null);
    expect(page.prevCursor).toBeNull();
    const pages = [page];
    while (page.nextCursor) pages.push((page = fetch(page.nextCursor)));
    for (const p of pages) seen.push(...p.items.map((r) => r.id));
    expect(seen).toEqual(all.map((r) => r.id));
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 5, 5, 3]);
    // Back from the last page to the first.
    let back = pages[pages.length - 1]!;
    for (let i = pages.length - 2; i >= 0; i--) {
      back = fetch(back.prevCursor);
      expect(back.items.map((r) => r.id)).toEqual(pages[i]!.items.map((r) => r.id));
    }
    expect(back.prevCursor).toBeNull();
  });

  it("caps counts", () => {
    expect(cappedTotal(12)).toEqual({ total: 12, totalCapped: false });
    expect(cappedTotal(COUNT_CAP + 1)).toEqual({ total: COUNT_CAP, totalCapped: true });
  });
});
