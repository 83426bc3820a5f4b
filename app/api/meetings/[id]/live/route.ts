import type { NextRequest } from "next/server";
import { getCurrentSession } from "@/lib/auth/session";
import { DB_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/errors";
import { liveAudience } from "@/lib/live/access";
import { liveSnapshot, snapshotFrame, subscribe, type LiveClient, type LiveCredential } from "@/lib/live/hub";
import { screenTokenHash } from "@/lib/live/screen-links";

export const dynamic = "force-dynamic";

/** A slow client is dropped when this much is queued for it (it reconnects and resumes). */
const MAX_QUEUED_BYTES = 1_000_000;
const RETRY_MIN_MS = 1_500;
const RETRY_SPREAD_MS = 4_500;

/**
 * Server-Sent Events of a meeting's live state (issue 13). Signed in (session) or with a screen
 * link (`?token=`). A new client first gets the current state; one that reconnects sends
 * Last-Event-ID (or `?lastEventId=` when the page opens a new EventSource) and gets every event
 * it missed, then the new ones as they happen — fed by LISTEN/NOTIFY through lib/live/hub.ts,
 * never by polling the database per client.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const sp = request.nextUrl.searchParams;
  let access;
  let session;
  try {
    session = await getCurrentSession().catch((e: unknown) => {
      if (isDatabaseUnavailable(e)) throw e;
      return null;
    });
    access = await liveAudience(session?.user ?? null, id, sp.get("token"));
  } catch (e) {
    if (isDatabaseUnavailable(e)) return new Response("unavailable", { status: 503, headers: { "Retry-After": String(DB_RETRY_AFTER_SECONDS) } });
    throw e;
  }
  if (!access) return new Response("not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const { audience } = access;
  // The stream closes within seconds once this credential is revoked (lib/live/hub.ts recheckCredentials).
  const credential: LiveCredential =
    access.via === "session" && session
      ? { kind: "session", userId: session.user.id, sessionVersion: session.sessionVersion }
      : { kind: "screen", tokenHash: screenTokenHash(sp.get("token") ?? "") };
  const resumeRaw = request.headers.get("last-event-id") ?? sp.get("lastEventId");
  const resumeFrom = resumeRaw && /^\d{1,15}$/.test(resumeRaw) ? Number(resumeRaw) : null;

  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | null = null;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const write = (chunk: string) => {
        if (closed) return false;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) return false;
        try {
          controller.enqueue(encoder.encode(chunk));
          return true;
        } catch {
          return false;
        }
      };
      request.signal.addEventListener("abort", close);
      // The browser's own reconnect delay after a dropped stream: 1.5–6 s, different per client,
      // so a hall whose network blinked does not come back in one burst (issue 24).
      write(`retry: ${RETRY_MIN_MS + Math.floor(Math.random() * RETRY_SPREAD_MS)}\n: live\n\n`);
      try {
        let cursor = resumeFrom ?? 0;
        if (resumeFrom === null) {
          // A new client: the state now, under the newest event id (shared by the clients connecting together).
          const snapshot = await liveSnapshot(id);
          if (!snapshot) return close();
          cursor = snapshot.id;
          write(snapshotFrame(snapshot, audience));
        }
        const client: LiveClient = { meetingId: id, audience, credential, cursor, ready: false, write, close };
        unsubscribe = await subscribe(client);
        if (closed) unsubscribe();
      } catch (e) {
        console.error("[rakor] live stream failed", (e as Error).message);
        close();
      }
    },
    cancel() {
      closed = true;
      unsubscribe?.();
    },
  }, { highWaterMark: MAX_QUEUED_BYTES, size: (chunk) => chunk.byteLength });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
