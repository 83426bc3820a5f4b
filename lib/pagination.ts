import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { parseDateTime, yearInRange } from "@/lib/input";

/**
 * Keyset pagination shared by the lists of the UI and of the API: a page is "the next LIMIT rows
 * after (or before) this sort key", so every page costs the same however deep it is, and no list
 * counts everything it could show.
 *
 * A cursor is opaque (base64url JSON) and bound to the list it came from: it carries a hash of the
 * list's name, sort, filters and page size, so a cursor of another list, another filter or a
 * tampered one is refused with a 400 instead of showing a wrong page.
 */

/** How a sort column's value is carried in a cursor and cast back in SQL. */
export type KeyType = "uuid" | "date" | "timestamptz" | "text";
export type KeyColumn = { sql: SQL; type: KeyType };
export type Direction = "next" | "prev";
type KeyValue = string;

export class BadCursorError extends AppError {
  constructor() {
    super(400, "errors.badCursor");
  }
}

/** A calendar date that exists, in the years the app accepts (a cursor out of range is refused, not cast). */
const realDate = (v: string) => {
  const p = parseDateTime(v.slice(0, 10), "date");
  return !!p && yearInRange(p.year);
};
const VALID: Record<KeyType, (v: string) => boolean> = {
  uuid: isUuid,
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && realDate(v),
  // PostgreSQL's text form of a timestamptz ("2018-11-09 02:00:00.123456+00").
  timestamptz: (v) =>
    /^\d{4}-\d{2}-\d{2}[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/.test(v) && realDate(v),
  text: (v) => v.length <= 500,
};

/** A short hash of what a cursor is valid for (list, sort, filters, page size): key order does not matter. */
export function bindingOf(parts: Record<string, unknown>): string {
  const stable = JSON.stringify(
    Object.keys(parts)
      .sort()
      .filter((k) => parts[k] !== undefined && parts[k] !== null && parts[k] !== "" && parts[k] !== false)
      .map((k) => [k, parts[k]]),
  );
  return createHash("sha256").update(stable).digest("base64url").slice(0, 16);
}

export function encodeCursor(direction: Direction, key: KeyValue[], binding: string): string {
  return Buffer.from(JSON.stringify({ d: direction === "next" ? "n" : "p", k: key, b: binding })).toString("base64url");
}

/** The cursor's direction and sort key; BadCursorError when it is malformed, tampered with or from another list. */
export function decodeCursor(cursor: string, binding: string, columns: readonly KeyColumn[]): { direction: Direction; key: KeyValue[] } {
  let parsed: unknown;
  try {
    if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("shape");
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError();
  }
  const c = parsed as { d?: unknown; k?: unknown; b?: unknown };
  if (!c || typeof c !== "object" || (c.d !== "n" && c.d !== "p") || c.b !== binding || !Array.isArray(c.k) || c.k.length !== columns.length) {
    throw new BadCursorError();
  }
  const key = c.k as unknown[];
  if (!key.every((v, i) => typeof v === "string" && VALID[columns[i]!.type](v))) throw new BadCursorError();
  return { direction: c.d === "n" ? "next" : "prev", key: key as string[] };
}

/**
 * One keyset page: the WHERE part after the cursor, the ORDER BY, the LIMIT (one more row than
 * shown, to know whether there is more) and `finish`, which turns the fetched rows into the page
 * with its next/previous cursors. `order` is the list's own direction; every key column sorts
 * the same way, the last one being unique (an id), so the order is total.
 */
export function keyset<Row>(opts: {
  columns: readonly KeyColumn[];
  order: "asc" | "desc";
  limit: number;
  cursor?: string | null;
  binding: string;
  keyOf: (row: Row) => KeyValue[];
}) {
  const { columns, order, limit, binding } = opts;
  const at = opts.cursor ? decodeCursor(opts.cursor, binding, columns) : null;
  const backwards = at?.direction === "prev";
  // Reading backwards flips the comparison and the order; `finish` puts the rows back.
  const ascending = (order === "asc") !== backwards;
  const cols = sql.join(columns.map((c) => c.sql), sql`, `);
  const vals = at ? sql.join(columns.map((c, i) => sql`${at.key[i]}::${sql.raw(c.type)}`), sql`, `) : null;
  const where = vals ? (ascending ? sql`(${cols}) > (${vals})` : sql`(${cols}) < (${vals})`) : sql`true`;
  const dir = sql.raw(ascending ? "asc" : "desc");
  const orderBy = sql.join(columns.map((c) => sql`${c.sql} ${dir}`), sql`, `);
  return {
    where,
    orderBy,
    /** Fetch this many rows. */
    fetch: limit + 1,
    finish(rows: Row[]) {
      const more = rows.length > limit;
      const page = rows.slice(0, limit);
      if (backwards) page.reverse();
      const first = page[0];
      const last = page[page.length - 1];
      const hasNext = backwards ? true : more;
      const hasPrev = backwards ? more : !!at;
      return {
        items: page,
        nextCursor: hasNext && last ? encodeCursor("next", opts.keyOf(last), binding) : null,
        prevCursor: hasPrev && first ? encodeCursor("prev", opts.keyOf(first), binding) : null,
      };
    },
  };
}

/**
 * Lists say "more than 100" rather than counting everything: a count reads at most this many
 * rows (plus one), so it costs the same for a unit of 50 items and a division of 65,000.
 */
export const COUNT_CAP = 100;

/** `select count(*)` over at most COUNT_CAP + 1 matching rows: { total (≤ COUNT_CAP), capped }. */
export function cappedCountSql(from: SQL): SQL {
  return sql`select count(*)::int as n from (select 1 ${from} limit ${COUNT_CAP + 1}) capped`;
}
export function cappedTotal(n: number | string | undefined): { total: number; totalCapped: boolean } {
  const value = Number(n ?? 0);
  return value > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total: value, totalCapped: false };
}
