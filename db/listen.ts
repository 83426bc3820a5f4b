import { dbState } from "./client";

type Listener = { onNotify: (payload: string) => void; onReconnect: () => void };

type ListenState = { listeners: Set<Listener>; started: Promise<void> | null };

// One LISTEN per process (kept across hot reloads), fanned out in memory.
const g = globalThis as unknown as { __rakorListen?: Map<string, ListenState> };

type PgliteClient = { listen: (channel: string, cb: (payload: string) => void) => Promise<unknown> };
type PostgresClient = { listen: (channel: string, cb: (payload: string) => void, onlisten?: () => void) => Promise<unknown> };

/**
 * Subscribes to a NOTIFY channel. PostgreSQL: postgres.js keeps one dedicated connection for
 * LISTEN and re-listens after a reconnect (`onReconnect` then runs, so a reader can catch up on
 * what was sent while it was away). PGlite: its in-process notifications.
 */
export async function listen(channel: string, listener: Listener): Promise<() => void> {
  g.__rakorListen ??= new Map();
  let state = g.__rakorListen.get(channel);
  if (!state) {
    state = { listeners: new Set(), started: null };
    g.__rakorListen.set(channel, state);
  }
  state.listeners.add(listener);
  const current = state;
  current.started ??= (async () => {
    const db = dbState();
    const client = (db.db as unknown as { $client: unknown }).$client;
    const fire = (payload: string) => {
      for (const l of current.listeners) l.onNotify(payload);
    };
    let first = true;
    const onListen = () => {
      if (first) {
        first = false;
        return;
      }
      for (const l of current.listeners) l.onReconnect();
    };
    if (db.kind === "postgres") await (client as PostgresClient).listen(channel, fire, onListen);
    else await (client as PgliteClient).listen(channel, fire);
  })().catch((e: unknown) => {
    current.started = null;
    throw e;
  });
  await current.started;
  return () => {
    current.listeners.delete(listener);
  };
}
