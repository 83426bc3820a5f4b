import { sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import type { LiveEventKind } from "@/db/schema";
import { lockMeeting } from "@/lib/meetings/lock";
import { liveState, staffExtra } from "./state";
import type { LiveChange, LiveMessage } from "./types";

/** The one NOTIFY channel; the payload is "<meetingId>:<eventId>". */
export const LIVE_CHANNEL = "rakor_live";

/** How long events are kept for SSE clients that resume (Last-Event-ID). */
const KEEP = sql`interval '1 day'`;

/**
 * Writes a live event for a change made in `tx` and notifies every app instance when `tx`
 * commits (NOTIFY is transactional). The meeting's row lock orders a meeting's events: an event
 * id is taken only by the lock holder, so ids become visible in increasing order and a reader
 * that saw id N never later finds an id below N. The event carries the whole state (every
 * client shows the newest event; no client reads the database per change).
 */
export async function publishLive(tx: Tx, meetingId: string, kind: LiveEventKind, change?: LiveChange): Promise<number> {
  await lockMeeting(tx, meetingId);
  const state = await liveState(meetingId, tx);
  if (!state) return 0;
  const message: LiveMessage = { kind, state, staff: await staffExtra(meetingId, tx), change: change ?? { kind } };
  const [row] = await rows<{ id: string | number }>(
    sql`insert into live_events (meeting_id, kind, payload) values (${meetingId}, ${kind}, ${JSON.stringify(message)}::jsonb) returning id`,
    tx,
  );
  const id = Number(row!.id);
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${`${meetingId}:${id}`})`);
  // Old events go as new ones come (about one write in fifty; the created_at index serves it).
  if (id % 50 === 0) await tx.execute(sql`delete from live_events where created_at < now() - ${KEEP}`);
  return id;
}

/** Attendance changed (recorded, QR check-in): an event only while the meeting can be followed live. */
export async function publishAttendance(tx: Tx, meetingId: string, status: string, kind: "attendance" | "check_in" = "attendance") {
  if (status !== "scheduled" && status !== "ongoing") return 0;
  return publishLive(tx, meetingId, kind);
}
