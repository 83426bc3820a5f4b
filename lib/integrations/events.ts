import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import type { EventKind } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { actionItemsVisibleTo, meetingsVisibleTo } from "@/lib/scopes";

/**
 * The event feed (written by triggers in the transaction of each change, see migration 0008).
 *
 * Order and completeness: an event carries its transaction's id; a reader only sees events of
 * transactions older than every transaction still running (pg_snapshot_xmin), in (txId, id)
 * order. A transaction that commits late therefore never lands behind a cursor already handed out:
 * reading from a cursor again never misses an event, and never repeats one.
 *
 * Visibility is the token owner's, as of reading: a follow-up's events with the follow-up
 * (actionItem.view), a meeting's with the meeting (meeting.view).
 */

export type FeedEvent = {
  cursor: string;
  id: number;
  txId: number;
  kind: EventKind;
  meetingId: string | null;
  actionItemId: string | null;
  subjectId: string;
  data: Record<string, unknown>;
  createdAt: Date;
};

export const FEED_SCAN_LIMIT = 1000;

export class BadEventCursorError extends AppError {
  constructor() {
    super(400, "errors.badCursor");
  }
}

/** "<txId>.<id>": the position after an event. "0.0" is the start of the feed. */
export const encodeEventCursor = (txId: number, id: number) => `${txId}.${id}`;
export function decodeEventCursor(cursor: string | undefined): { txId: number; id: number } {
  if (!cursor) return { txId: 0, id: 0 };
  const m = /^(\d{1,18})\.(\d{1,18})$/.exec(cursor);
  if (!m) throw new BadEventCursorError();
  return { txId: Number(m[1]), id: Number(m[2]) };
}

/** The events the user may see, as a SQL condition over `events e`. */
export function eventsVisibleTo(user: CurrentUser): SQL {
  return sql`(case when e.action_item_id is not null
      then exists (select 1 from action_items ai where ai.id = e.action_item_id and ${actionItemsVisibleTo(user, sql.raw("ai"))})
      else exists (select 1 from meetings m where m.id = e.meeting_id and ${meetingsVisibleTo(user, sql.raw("m"))}) end)`;
}

type Row = { id: number | string; txId: number | string; kind: EventKind; meetingId: string | null; actionItemId: string | null; subjectId: string; data: Record<string, unknown> | string; createdAt: Date | string; visible: boolean };

const toEvent = (r: Row): FeedEvent => ({
  cursor: encodeEventCursor(Number(r.txId), Number(r.id)),
  id: Number(r.id),
  txId: Number(r.txId),
  kind: r.kind,
  meetingId: r.meetingId,
  actionItemId: r.actionItemId,
  subjectId: r.subjectId,
  data: typeof r.data === "string" ? (JSON.parse(r.data) as Record<string, unknown>) : r.data,
  createdAt: r.createdAt instanceof Date ? r.createdAt : new Date(r.createdAt),
});

/**
 * Up to `limit` visible events after `after`, and the cursor to read on from. At most
 * FEED_SCAN_LIMIT events are examined per call (visibility computed in SQL): a reader who may
 * see few of them still moves on (the cursor passes the events they may not see).
 */
export async function readEvents(user: CurrentUser, opts: { after?: string; limit: number; kinds?: readonly EventKind[]; meetingId?: string }) {
  const at = decodeEventCursor(opts.after);
  const filters: SQL[] = [];
  if (opts.kinds?.length) filters.push(sql`e.kind = any(${`{${opts.kinds.join(",")}}`}::text[])`);
  if (opts.meetingId) filters.push(sql`e.meeting_id = ${opts.meetingId}::uuid`);
  const found = await rows<Row>(sql`
    select e.id, e.tx_id, e.kind, e.meeting_id, e.action_item_id, e.subject_id, e.data, e.created_at,
           (${filters.length ? sql.join(filters, sql` and `) : sql`true`}) and ${eventsVisibleTo(user)} as visible
      from events e
     where (e.tx_id, e.id) > (${at.txId}::bigint, ${at.id}::bigint)
       and e.tx_id < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
     order by e.tx_id, e.id
     limit ${FEED_SCAN_LIMIT}`);
  const items: FeedEvent[] = [];
  let last = encodeEventCursor(at.txId, at.id);
  for (const r of found) {
    if (items.length === opts.limit) break;
    last = encodeEventCursor(Number(r.txId), Number(r.id));
    if (r.visible) items.push(toEvent(r));
  }
  const more = found.length === FEED_SCAN_LIMIT || items.length === opts.limit;
  return { items, nextCursor: last, more };
}

/** An event as the API and the webhooks send it. */
export function eventJson(e: FeedEvent) {
  return {
    id: e.cursor,
    kind: e.kind,
    occurredAt: e.createdAt.toISOString(),
    meetingId: e.meetingId,
    actionItemId: e.actionItemId,
    subjectId: e.subjectId,
    data: e.data,
  };
}
export const rowToEvent = toEvent;
export type EventRowRaw = Row;
