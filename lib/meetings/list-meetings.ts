import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import type { MeetingKind, MeetingStatus, RsvpResponse } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { bindingOf, cappedCountSql, cappedTotal, keyset, type KeyColumn } from "@/lib/pagination";
import { zonedLocalToInstant } from "@/lib/time";
import { meetingsVisibleTo } from "@/lib/scopes";
import { omit, toDate } from "./access";
import { listFiltersSchema, type ListFilters } from "./schemas";

export type MeetingListItem = {
  id: string;
  title: string;
  topic: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string;
  organizerUnitId: string;
  organizerUnitName: string;
  seriesId: string | null;
  seriesIndex: number | null;
  invitedCount: number;
  answeredCount: number;
  /** The user's own unit's answer, when it is invited. */
  myResponse: RsvpResponse | null;
};

/** A raw row: the item with its times as the driver gives them, and the sort key as text. */
type Row = Omit<MeetingListItem, "startsAt" | "endsAt"> & { startsAt: Date | string; endsAt: Date | string; sortAt: string };

const escapeLike = (q: string) => `%${q.replace(/[%_\\]/g, "\\$&")}%`;

/** Filters → one WHERE, visibility included. Date bounds are calendar days in the user's zone. */
function whereOf(user: CurrentUser, f: ReturnType<typeof listFiltersSchema.parse>): SQL {
  const parts: SQL[] = [meetingsVisibleTo(user)];
  if (f.from) parts.push(sql`m.starts_at >= ${zonedLocalToInstant(`${f.from}T00:00`, user.timeZone).toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`m.starts_at < ${zonedLocalToInstant(`${f.to}T00:00`, user.timeZone).toISOString()}::timestamptz + interval '1 day'`);
  if (f.status) parts.push(sql`m.status = ${f.status}`);
  if (f.organizerUnitId) parts.push(sql`m.organizer_unit_id = ${f.organizerUnitId}`);
  if (f.invitedUnitId) parts.push(sql`exists (select 1 from invitations fi where fi.meeting_id = m.id and fi.work_unit_id = ${f.invitedUnitId})`);
  if (f.q) parts.push(sql`(m.title ilike ${escapeLike(f.q)} or m.topic ilike ${escapeLike(f.q)})`);
  return sql.join(parts, sql` and `);
}

function selectList(user: CurrentUser, where: SQL, order: SQL, limit: number) {
  return sql`
    select m.id, m.title, m.topic, m.kind, m.status, m.starts_at, m.ends_at, m.time_zone, m.location,
           m.organizer_unit_id, w.name as organizer_unit_name, m.series_id, m.series_index, m.starts_at::text as sort_at,
           (select count(*) from invitations i where i.meeting_id = m.id) as invited_count,
           (select count(*) from invitations i where i.meeting_id = m.id and i.response <> 'pending') as answered_count,
           (select i.response from invitations i where i.meeting_id = m.id and i.work_unit_id = ${user.workUnitId}) as my_response
      from meetings m
      join work_units w on w.id = m.organizer_unit_id
     where ${where}
     order by ${order}
     limit ${limit}`;
}

/** The sort key stays out of the item. */
const toItem = (r: Row): MeetingListItem => ({ ...omit(r, "sortAt"), startsAt: toDate(r.startsAt), endsAt: toDate(r.endsAt) });

/** Newest start first; the id breaks ties. */
const KEY: KeyColumn[] = [
  { sql: sql`m.starts_at`, type: "timestamptz" },
  { sql: sql`m.id`, type: "uuid" },
];

/** The page and count queries of the list (exported for EXPLAIN in scripts/explain-scale.ts). */
export function listQueries(user: CurrentUser, filters: ListFilters = {}) {
  const f = listFiltersSchema.parse(filters);
  const where = whereOf(user, f);
  const page = keyset<Row>({
    columns: KEY,
    order: "desc",
    limit: f.pageSize,
    cursor: f.cursor,
    binding: bindingOf({ list: "meetings", user: user.id, ...f, cursor: undefined }),
    keyOf: (r) => [r.sortAt, r.id],
  });
  return {
    f,
    page,
    /** Visibility and filters over `meetings m` (for the API's own page query). */
    where,
    pageQuery: selectList(user, sql`${where} and ${page.where}`, page.orderBy, page.fetch),
    count: cappedCountSql(sql`from meetings m where ${where}`),
  };
}

/**
 * Meetings the user may see, filtered and paginated in SQL (page size capped), newest start
 * first, with keyset cursors (`filters.cursor`; a cursor of another list or filter is a 400).
 * The visibility rule is the policy's, in the WHERE clause. `total` counts at most COUNT_CAP.
 */
export async function listMeetings(user: CurrentUser, filters: ListFilters = {}) {
  const { f, page, pageQuery, count } = listQueries(user, filters);
  const [found, [total]] = await Promise.all([rows<Row>(pageQuery), rows<{ n: number | string }>(count)]);
  const { items, nextCursor, prevCursor } = page.finish(found);
  return { items: items.map(toItem), nextCursor, prevCursor, ...cappedTotal(total?.n), pageSize: f.pageSize, filters: f };
}

export const CALENDAR_CAP = 500;

/** A month calendar's meetings ("2026-11"), in the user's zone, capped. */
export async function listMeetingsInMonth(user: CurrentUser, month: string, filters: ListFilters = {}) {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const [y, mo] = m ? [Number(m[1]), Number(m[2])] : [new Date().getUTCFullYear(), new Date().getUTCMonth() + 1];
  const first = `${y}-${String(mo).padStart(2, "0")}-01`;
  const next = new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 10);
  const f = listFiltersSchema.parse({ ...filters, from: null, to: null, cursor: null });
  const where = sql`${whereOf(user, f)}
    and m.starts_at >= ${zonedLocalToInstant(`${first}T00:00`, user.timeZone).toISOString()}::timestamptz
    and m.starts_at < ${zonedLocalToInstant(`${next}T00:00`, user.timeZone).toISOString()}::timestamptz`;
  const items = await rows<Row>(selectList(user, where, sql`m.starts_at, m.id`, CALENDAR_CAP));
  return { month: first.slice(0, 7), items: items.map(toItem) };
}
