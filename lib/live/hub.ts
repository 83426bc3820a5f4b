import { and, inArray, isNull, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { screenLinks, users } from "@/db/schema";
import { listen } from "@/db/listen";
import { LIVE_CHANNEL } from "./publish";
import { liveState, staffExtra } from "./state";
import type { LiveMessage, LiveStaffExtra, LiveState } from "./types";

/**
 * Fan-out of live events to the SSE clients of this process. One LISTEN for the process; a
 * notification makes ONE read of the meeting's new events (not one per client), and each event
 * is serialised once per audience and written to every client of that meeting. A slow client
 * whose buffer fills up is dropped (it reconnects and resumes from its last event id).
 */
export type Audience = "staff" | "public";

/** What let a client in: its session (user and session version) or a screen link (its token's hash). */
export type LiveCredential = { kind: "session"; userId: string; sessionVersion: number } | { kind: "screen"; tokenHash: string };

export type LiveClient = {
  meetingId: string;
  audience: Audience;
  /** Re-checked every few seconds: a client whose session ended or whose screen link was revoked is closed. */
  credential?: LiveCredential;
  /** Highest event id written to this client. */
  cursor: number;
  ready: boolean;
  write: (chunk: string) => boolean;
  close: () => void;
};

type Topic = { clients: Set<LiveClient>; lastId: number; reading: boolean; again: boolean };

type Hub = {
  topics: Map<string, Topic>;
  started: Promise<void> | null;
  heartbeat: ReturnType<typeof setInterval> | null;
  recheck?: ReturnType<typeof setInterval> | null;
  rechecking?: boolean;
  stats: { reads: number; delivered: number };
};

const g = globalThis as unknown as { __rakorLiveHub?: Hub };
const hub: Hub = (g.__rakorLiveHub ??= { topics: new Map(), started: null, heartbeat: null, stats: { reads: 0, delivered: 0 } });

const PAGE = 200;
/** A client that missed more than this many events gets only the newest (each event holds the whole state). */
const REPLAY_MAX = 1000;
const HEARTBEAT_MS = 15_000;
/** How often the credentials of open streams are re-checked (one query for all of this process's clients). */
export const RECHECK_MS = 2_000;

type EventRow = { id: string | number; payload: LiveMessage | string };

async function readEvents(meetingId: string, after: number, limit = PAGE): Promise<{ id: number; message: LiveMessage }[]> {
  hub.stats.reads++;
  const result = await rows<EventRow>(
    sql`select id, payload from live_events where meeting_id = ${meetingId} and id > ${after} order by id limit ${limit}`,
  );
  return result.map((r) => ({ id: Number(r.id), message: typeof r.payload === "string" ? (JSON.parse(r.payload) as LiveMessage) : r.payload }));
}

/** An SSE frame; the public audience never sees the staff part (names of who checked in). */
export function frame(id: number, message: LiveMessage, audience: Audience): string {
  const data = audience === "staff" ? message : { ...message, staff: undefined };
  return `id: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

function deliver(topic: Topic, id: number, message: LiveMessage) {
  const frames: Partial<Record<Audience, string>> = {};
  for (const client of topic.clients) {
    if (!client.ready || id <= client.cursor) continue;
    const text = (frames[client.audience] ??= frame(id, message, client.audience));
    client.cursor = id;
    hub.stats.delivered++;
    if (!client.write(text)) client.close();
  }
}

async function drain(meetingId: string, topic: Topic) {
  if (topic.reading) {
    topic.again = true;
    return;
  }
  topic.reading = true;
  try {
    do {
      topic.again = false;
      for (;;) {
        const events = await readEvents(meetingId, topic.lastId);
        for (const e of events) {
          deliver(topic, e.id, e.message);
          topic.lastId = e.id;
        }
        if (events.length < PAGE) break;
      }
    } while (topic.again);
  } catch (e) {
    console.error("[rakor] live: reading events failed", (e as Error).message);
  } finally {
    topic.reading = false;
  }
}

function onNotify(payload: string) {
  const [meetingId, rawId] = payload.split(":");
  const topic = meetingId ? hub.topics.get(meetingId) : undefined;
  if (!topic || Number(rawId) <= topic.lastId) return;
  void drain(meetingId!, topic);
}

function start() {
  hub.started ??= listen(LIVE_CHANNEL, {
    onNotify,
    // Back after a dropped LISTEN connection: read what was written meanwhile.
    onReconnect: () => {
      for (const [id, topic] of hub.topics) void drain(id, topic);
    },
  })
    .then(() => undefined)
    .catch((e: unknown) => {
      hub.started = null;
      throw e;
    });
  hub.heartbeat ??= setInterval(() => {
    for (const topic of hub.topics.values()) for (const c of topic.clients) if (!c.write(": hb\n\n")) c.close();
  }, HEARTBEAT_MS);
  hub.heartbeat.unref?.();
  hub.recheck ??= setInterval(() => void recheckCredentials(), RECHECK_MS);
  hub.recheck.unref?.();
  return hub.started;
}

/**
 * Closes the streams whose session ended (signed out, password changed, deactivated, signed out
 * everywhere — the session version moved on, on whichever instance it happened) or whose screen
 * link was revoked. Two small queries for all of this process's clients, every RECHECK_MS: a
 * revoked stream ends within seconds, and gets no event meanwhile that the check would refuse.
 */
export async function recheckCredentials() {
  if (hub.rechecking) return;
  hub.rechecking = true;
  try {
    const sessions = new Map<string, LiveClient[]>();
    const screens = new Map<string, LiveClient[]>();
    for (const topic of hub.topics.values()) {
      for (const c of topic.clients) {
        if (!c.credential) continue;
        const key = c.credential.kind === "session" ? c.credential.userId : c.credential.tokenHash;
        const map = c.credential.kind === "session" ? sessions : screens;
        const list = map.get(key) ?? [];
        list.push(c);
        map.set(key, list);
      }
    }
    if (sessions.size > 0) {
      const found = await db
        .select({ id: users.id, sessionVersion: users.sessionVersion, active: users.active })
        .from(users)
        .where(inArray(users.id, [...sessions.keys()]));
      const current = new Map(found.map((u) => [u.id, u.active ? u.sessionVersion : -1]));
      for (const [userId, clients] of sessions) {
        for (const c of clients) if (c.credential?.kind === "session" && current.get(userId) !== c.credential.sessionVersion) c.close();
      }
    }
    if (screens.size > 0) {
      const live = await db
        .select({ tokenHash: screenLinks.tokenHash })
        .from(screenLinks)
        .where(and(inArray(screenLinks.tokenHash, [...screens.keys()]), isNull(screenLinks.revokedAt)));
      const valid = new Set(live.map((l) => l.tokenHash));
      for (const [hash, clients] of screens) if (!valid.has(hash)) for (const c of clients) c.close();
    }
  } catch (e) {
    // The database is away for a moment: the next round checks again.
    console.error("[rakor] live: re-checking credentials failed", (e as Error).message);
  } finally {
    hub.rechecking = false;
  }
}

/** The newest event id of a meeting (0: none yet). */
export async function latestEventId(meetingId: string): Promise<number> {
  const [r] = await rows<{ id: string | number | null }>(sql`select max(id) as id from live_events where meeting_id = ${meetingId}`);
  return Number(r?.id ?? 0);
}

/**
 * Adds a client whose cursor is the last event it has; first replays what it missed (bounded),
 * then it receives new events as they come.
 */
export async function subscribe(client: LiveClient): Promise<() => void> {
  await start();
  let topic = hub.topics.get(client.meetingId);
  if (!topic) {
    topic = { clients: new Set(), lastId: await latestEventId(client.meetingId), reading: false, again: false };
    const raced = hub.topics.get(client.meetingId);
    if (raced) topic = raced;
    else hub.topics.set(client.meetingId, topic);
  }
  const t = topic;
  t.clients.add(client);
  const unsubscribe = () => {
    t.clients.delete(client);
    if (t.clients.size === 0 && hub.topics.get(client.meetingId) === t) hub.topics.delete(client.meetingId);
  };
  try {
    let replayed = 0;
    for (;;) {
      if (replayed >= REPLAY_MAX) {
        // Far behind: the newest event alone brings the whole state.
        const newest = await latestEventId(client.meetingId);
        const [last] = newest > client.cursor ? await readEvents(client.meetingId, newest - 1, 1) : [];
        if (last) {
          client.write(frame(last.id, last.message, client.audience));
          client.cursor = last.id;
        }
      }
      const events = await readEvents(client.meetingId, client.cursor);
      for (const e of events) {
        client.cursor = e.id;
        if (!client.write(frame(e.id, e.message, client.audience))) {
          client.close();
          return unsubscribe;
        }
      }
      replayed += events.length;
      // Caught up with everything the topic has seen: from now on the topic delivers.
      if (events.length < PAGE && t.lastId <= client.cursor) break;
    }
    client.ready = true;
    if (t.lastId < client.cursor) t.lastId = client.cursor;
  } catch (e) {
    unsubscribe();
    throw e;
  }
  return unsubscribe;
}

/**
 * What a new client gets first: the newest event id and the state under it. Clients connecting
 * together (a hall after a network blip) share one read per meeting and second instead of one
 * read each; the clock in the state is moved on by the snapshot's age, so each client still sets
 * its clock right. Events after the snapshot's id reach the client through the topic as usual.
 */
type Snapshot = { id: number; state: LiveState; staff: LiveStaffExtra; takenAt: number } | null;
const SNAPSHOT_MS = 1_000;
const snapshots = ((globalThis as unknown as { __rakorLiveSnapshots?: Map<string, { at: number; value: Promise<Snapshot> }> }).__rakorLiveSnapshots ??= new Map());

export async function liveSnapshot(meetingId: string): Promise<Snapshot> {
  const now = Date.now();
  const cached = snapshots.get(meetingId);
  if (cached && now - cached.at < SNAPSHOT_MS) return cached.value;
  const value = (async (): Promise<Snapshot> => {
    // The id first: the state read after it holds at least everything up to that id.
    const id = await latestEventId(meetingId);
    const [state, staff] = await Promise.all([liveState(meetingId), staffExtra(meetingId)]);
    return state ? { id, state, staff, takenAt: Date.now() } : null;
  })();
  snapshots.set(meetingId, { at: now, value });
  // A failed read is not shared with later clients; a finished one leaves with its time.
  value.catch(() => snapshots.delete(meetingId));
  setTimeout(() => {
    if (snapshots.get(meetingId)?.value === value) snapshots.delete(meetingId);
  }, SNAPSHOT_MS).unref?.();
  return value;
}

/** The first frame of a new client: the snapshot, its clock moved on by the snapshot's age. */
export function snapshotFrame(snapshot: NonNullable<Snapshot>, audience: Audience): string {
  const serverNow = new Date(Date.parse(snapshot.state.serverNow) + (Date.now() - snapshot.takenAt)).toISOString();
  return frame(snapshot.id, { kind: "state", state: { ...snapshot.state, serverNow }, staff: audience === "staff" ? snapshot.staff : undefined }, audience);
}

/** Clients connected to this process (for the load check and health). */
export function liveStats() {
  let clients = 0;
  for (const t of hub.topics.values()) clients += t.clients.size;
  return { meetings: hub.topics.size, clients, reads: hub.stats.reads, delivered: hub.stats.delivered };
}
