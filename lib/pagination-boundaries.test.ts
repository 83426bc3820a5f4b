import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { BadCursorError, bindingOf, cappedCountSql, cappedTotal, decodeCursor, encodeCursor, keyset, type KeyColumn, type KeyType } from "./pagination";

/** Keyset pagination at its edges (what mutation testing showed untested): the SQL a page asks for, and every refusal. */
const dialect = new PgDialect();
const text = (q: ReturnType<typeof sql>) => {
  const { sql: query, params } = dialect.sqlToQuery(q);
  return { sql: query, params };
};
const ID = "0b6c8a52-2f51-4f7e-9a53-6a1d3b9a2c11";
const KEY: KeyColumn[] = [
  { sql: sql`created_at`, type: "timestamptz" },
  { sql: sql`id`, type: "uuid" },
];
const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("keyset pagination at its edges", () => {
  it("refuses a cursor with a 400 'bad cursor' answer", () => {
    const e = new BadCursorError();
    expect([e.status, e.message]).toEqual([400, "errors.badCursor"]);
  });

  it("accepts each key type's real values and refuses the rest", () => {
    const ok = (type: KeyType, v: string) => {
      const b = bindingOf({ t: type });
      try {
        decodeCursor(encodeCursor("next", [v], b), b, [{ sql: sql`k`, type }]);
        return true;
      } catch (e) {
        expect(e).toBeInstanceOf(BadCursorError);
        return false;
      }
    };
    expect(["2031-01-31", "2031-02-30", "1999-12-31", "2101-01-01", "x2031-01-31", "2031-01-31x"].map((v) => ok("date", v))).toEqual([true, false, false, false, false, false]);
    const stamps = ["2031-01-01 23:59:59.123456+00", "2031-01-01T02:00:00Z", "2031-01-01 02:00:00+05:30", "2031-01-01 02:00:00-0530", "2031-01-01 24:00:00+00", "2031-02-30 02:00:00+00", "1999-12-31 02:00:00+00", "2031-01-01 02:00+00", "x2031-01-01 02:00:00+00", "2031-01-01 02:00:00+00x"];
    expect(stamps.map((v) => ok("timestamptz", v))).toEqual([true, true, true, true, false, false, false, false, false, false]);
    expect([ID, "nope"].map((v) => ok("uuid", v))).toEqual([true, false]);
    expect(["x".repeat(500), "x".repeat(501), ""].map((v) => ok("text", v))).toEqual([true, false, true]);
  });

  it("binds a cursor to the filters that are set: unset, empty and false filters are the same as none, 0 is not", () => {
    const none = bindingOf({ list: "x" });
    expect(bindingOf({ list: "x", a: undefined, b: null, c: "", d: false })).toBe(none);
    expect(bindingOf({ list: "x", a: 0 })).not.toBe(none);
    expect(bindingOf({ list: "x", a: true })).not.toBe(none);
    expect(bindingOf({ list: "x", a: "1" })).not.toBe(bindingOf({ list: "x", a: "2" }));
    expect(bindingOf({ b: "1", a: "2" })).toBe(bindingOf({ a: "2", b: "1" }));
    expect(bindingOf({ a: "1", b: "2" })).not.toBe(bindingOf({ a: "2", b: "1" }));
    expect(none).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it("refuses cursors that are too long, not base64url, not an object, of another direction or list, or with keys of the wrong kind", () => {
    const b = bindingOf({ list: "x" });
    const good = { d: "p", k: ["2031-01-01 02:00:00+00", ID], b };
    expect(decodeCursor(raw(good), b, KEY)).toEqual({ direction: "prev", key: good.k });
    const bad = [
      raw({ ...good, pad: "x".repeat(640) }),
      `${raw(good)}+`,
      `+${raw(good)}`,
      `${raw(good)} `,
      raw(null),
      raw("n"),
      raw({ ...good, d: "q" }),
      raw({ ...good, b: "other" }),
      raw({ ...good, k: "2031-01-01 02:00:00+00" }),
      raw({ ...good, k: [good.k[0]] }),
      raw({ ...good, k: [good.k[0], 7] }),
      raw({ ...good, k: [ID, good.k[0]] }),
    ];
    for (const cursor of bad) expect(() => decodeCursor(cursor, b, KEY), cursor.slice(0, 30)).toThrow(BadCursorError);
    // 1000 characters is the most a cursor may have.
    const longest = raw({ ...good, pad: "x".repeat(639) });
    expect([raw({ ...good, pad: "x".repeat(640) }).length, longest.length]).toEqual([1002, 1000]);
    expect(decodeCursor(longest, b, KEY).direction).toBe("prev");
  });

  it("asks for the rows after the cursor in the list's order, and before it (flipped) when going back", () => {
    const b = bindingOf({ list: "x" });
    const first = keyset<{ k: string[] }>({ columns: KEY, order: "desc", limit: 2, binding: b, keyOf: (r) => r.k });
    expect(text(first.where).sql).toBe("true");
    expect(text(first.orderBy).sql).toBe("created_at desc, id desc");
    expect(first.fetch).toBe(3);
    const next = keyset<{ k: string[] }>({ columns: KEY, order: "desc", limit: 2, binding: b, keyOf: (r) => r.k, cursor: encodeCursor("next", ["2031-01-01 02:00:00+00", ID], b) });
    expect(text(next.where)).toEqual({ sql: "(created_at, id) < ($1::timestamptz, $2::uuid)", params: ["2031-01-01 02:00:00+00", ID] });
    expect(text(next.orderBy).sql).toBe("created_at desc, id desc");
    const back = keyset<{ k: string[] }>({ columns: KEY, order: "desc", limit: 2, binding: b, keyOf: (r) => r.k, cursor: encodeCursor("prev", ["2031-01-01 02:00:00+00", ID], b) });
    expect(text(back.where).sql).toBe("(created_at, id) > ($1::timestamptz, $2::uuid)");
    expect(text(back.orderBy).sql).toBe("created_at asc, id asc");
    const asc = keyset<{ k: string[] }>({ columns: KEY, order: "asc", limit: 2, binding: b, keyOf: (r) => r.k, cursor: encodeCursor("next", ["2031-01-01 02:00:00+00", ID], b) });
    expect(text(asc.where).sql).toBe("(created_at, id) > ($1::timestamptz, $2::uuid)");
    expect(text(asc.orderBy).sql).toBe("created_at asc, id asc");
  });

  it("gives a page its next and previous cursors only where there is more", () => {
    const b = bindingOf({ list: "x" });
    const row = (n: number) => ({ k: [`2031-01-0${n} 02:00:00+00`, ID] });
    const opts = { columns: KEY, order: "asc" as const, limit: 2, binding: b, keyOf: (r: { k: string[] }) => r.k };
    const start = keyset(opts).finish([row(1), row(2), row(3)]);
    expect(start.items).toEqual([row(1), row(2)]);
    expect(decodeCursor(start.nextCursor!, b, KEY)).toEqual({ direction: "next", key: row(2).k });
    expect(start.prevCursor).toBeNull();
    expect(keyset(opts).finish([row(1), row(2)]).nextCursor).toBeNull();
    const middle = keyset({ ...opts, cursor: start.nextCursor }).finish([row(3)]);
    expect(middle.nextCursor).toBeNull();
    expect(decodeCursor(middle.prevCursor!, b, KEY)).toEqual({ direction: "prev", key: row(3).k });
    // Going back: rows come newest first and are put back in order; there is always a next page.
    const back = keyset({ ...opts, cursor: middle.prevCursor }).finish([row(2), row(1)]);
    expect(back.items).toEqual([row(1), row(2)]);
    expect(back.prevCursor).toBeNull();
    expect(decodeCursor(back.nextCursor!, b, KEY).key).toEqual(row(2).k);
    const backMore = keyset({ ...opts, cursor: middle.prevCursor }).finish([row(2), row(1), row(0)]);
    expect(decodeCursor(backMore.prevCursor!, b, KEY).key).toEqual(row(1).k);
    expect(keyset(opts).finish([]).nextCursor).toBeNull();
  });

  it("counts at most 101 rows and says 'more than 100' from 101", () => {
    expect(text(cappedCountSql(sql`from t`))).toEqual({ sql: "select count(*)::int as n from (select 1 from t limit $1) capped", params: [101] });
    expect([cappedTotal(100), cappedTotal(101), cappedTotal(undefined), cappedTotal("7")]).toEqual([
      { total: 100, totalCapped: false },
      { total: 100, totalCapped: true },
      { total: 0, totalCapped: false },
      { total: 7, totalCapped: false },
    ]);
  });
});
