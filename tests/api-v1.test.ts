import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/db/client";
import { actionItems, agendaItems, attendances, decisions, invitations, meetings, speakers, webhookSubscriptions } from "@/db/schema";
import { recordAttendance } from "@/lib/meetings/attendance";
import { addDecision, saveMinutes } from "@/lib/meetings/minutes";
import { publishedMeeting, office, someCategory } from "@/tests/office";
import { operations, type Operation, type OperationId } from "@/lib/api/operations";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { insertItem } from "@/tests/follow-ups";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { instantToZonedLocal } from "@/lib/time";
import { callApi, tokenOf, type ApiCall } from "./api";
import { uid } from "./fixtures";

/**
 * Issue 11: every versioned write refuses a stale version (412 for If-Match, 409 for a body
 * version) with the current record in its public shape, and refuses a write without any (428);
 * keyset cursors walk a list whose rows change between pages without skipping or repeating one.
 */

const versionedOps = (Object.entries(operations) as [OperationId, Operation][]).filter(([, op]) => op.versioned).map(([id]) => id);

type Write = { call: (version: number) => ApiCall; version: () => Promise<number>; noBody?: boolean; bump?: (version: number) => Promise<void> };

describe("optimistic concurrency on every versioned write", { timeout: 120_000 }, () => {
  it("answers a stale If-Match with 412, a stale body version with 409, none with 428 — each with the current record", async () => {
    const o = await office();
    const [sec, partA] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA)]);
    const m = await publishedMeeting(o);
    const { meeting: draft } = await createMeeting(o.secretariat, {
      title: `Rakor ${uid()}`,
      kind: "rakor",
      startsAt: instantToZonedLocal(new Date(Date.UTC(2034, 1, 3, 2)), "Asia/Jakarta"),
      endsAt: instantToZonedLocal(new Date(Date.UTC(2034, 1, 3, 4)), "Asia/Jakarta"),
      timeZone: "Asia/Jakarta",
      location: `Ruang ${uid()}`,
      organizerUnitId: o.division.id,
      acknowledgeConflicts: "on",
    });
    const agenda = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(agendaItems.position);
    const [invitation] = await db.select().from(invitations).where(and(eq(invitations.workUnitId, o.unitA.id), eq(invitations.meetingId, m.id)));
    const category = await someCategory();
    const item = await insertItem({ workUnitId: o.unitA.id, status: "in_progress", categoryId: category.id });
    const planned = await insertItem({ workUnitId: o.unitA.id, status: "open", categoryId: category.id });

    const meetingVersion = async (id: string) => Number((await callApi({ method: "GET", path: "/meetings/{id}", params: { id }, token: sec })).json!.version);
    const rowVersion = async <T extends { version: number }>(rows: Promise<T[]>) => (await rows)[0]!.version;
    let minutesVersion = 0;

    const writes: Record<string, Write> = {
      updateMeeting: { call: () => ({ method: "PATCH", path: "/meetings/{id}", params: { id: m.id }, token: sec, body: { topic: `Topik ${uid()}` } }), version: () => meetingVersion(m.id) },
      transitionMeeting: {
        call: () => ({ method: "POST", path: "/meetings/{id}/transitions", params: { id: draft.id }, token: sec, body: { to: "scheduled" } }),
        version: () => meetingVersion(draft.id),
      },
      updateAgendaItem: {
        call: () => ({ method: "PATCH", path: "/agenda-items/{id}", params: { id: agenda[0]!.id }, token: sec, body: { title: `Acara ${uid()}` } }),
        version: () => rowVersion(db.select().from(agendaItems).where(eq(agendaItems.id, agenda[0]!.id))),
      },
      deleteAgendaItem: {
        // The first request of the pair edits it (so the version moves on); the stale delete is refused.
        call: () => ({ method: "DELETE", path: "/agenda-items/{id}", params: { id: agenda[1]!.id }, token: sec }),
        version: () => rowVersion(db.select().from(agendaItems).where(eq(agendaItems.id, agenda[1]!.id))),
        noBody: true,
      },
      respondInvitation: {
        call: () => ({ method: "PATCH", path: "/invitations/{id}", params: { id: invitation!.id }, token: partA, body: { response: "declined", reason: `Bentrok ${uid()}` } }),
        version: () => rowVersion(db.select().from(invitations).where(eq(invitations.id, invitation!.id))),
      },
      putMinutes: {
        call: () => ({ method: "PUT", path: "/meetings/{id}/minutes", params: { id: m.id }, token: sec, body: { summary: `Ringkasan ${uid()}` } }),
        version: async () => minutesVersion,
      },
      updateActionItem: {
        call: () => ({ method: "PATCH", path: "/action-items/{id}", params: { id: planned.id }, token: sec, body: { title: `Rencana ${uid()}` } }),
        version: () => rowVersion(db.select().from(actionItems).where(eq(actionItems.id, planned.id))),
      },
      createActionItemUpdate: {
        call: () => ({ method: "POST", path: "/action-items/{id}/updates", params: { id: item.id }, token: partA, body: { progress: 40, note: `Catatan ${uid()}` } }),
        version: () => rowVersion(db.select().from(actionItems).where(eq(actionItems.id, item.id))),
      },
    };
    // Issue 22's corrections: a DELETE's first request of the pair is an edit that moves the version on.
    const live = await publishedMeeting(o);
    await db.update(meetings).set({ status: "ongoing" }).where(eq(meetings.id, live.id));
    const [speaker] = await db.select().from(speakers).where(eq(speakers.meetingId, m.id)).orderBy(speakers.sortOrder);
    const [speaker2] = await db.select().from(speakers).where(eq(speakers.meetingId, live.id)).orderBy(speakers.sortOrder);
    const decision = await addDecision(o.secretariat, live.id, { text: "Keputusan satu" });
    const decision2 = await addDecision(o.secretariat, live.id, { text: "Keputusan dua" });
    const [invitationB] = await db.select().from(invitations).where(and(eq(invitations.workUnitId, o.unitB.id), eq(invitations.meetingId, m.id)));
    const partB = await tokenOf(o.participantB);
    const attendance = await recordAttendance(o.secretariat, m.id, { userId: o.participantB.id, status: "present" });
    const { meeting: draft2 } = await createMeeting(o.secretariat, {
      title: `Draf ${uid()}`,
      kind: "rakor",
      startsAt: instantToZonedLocal(new Date(Date.UTC(2034, 2, 3, 2)), "Asia/Jakarta"),
      endsAt: instantToZonedLocal(new Date(Date.UTC(2034, 2, 3, 4)), "Asia/Jakarta"),
      timeZone: "Asia/Jakarta",
      location: `Ruang ${uid()}`,
      organizerUnitId: o.division.id,
      acknowledgeConflicts: "on",
    });
    const held = await publishedMeeting(o);
    await db.update(meetings).set({ status: "ongoing" }).where(eq(meetings.id, held.id));
    await saveMinutes(o.secretariat, held.id, 0, { summary: "Ringkasan rapat." });
    const [hook] = await db.insert(webhookSubscriptions).values({ ownerUserId: o.secretariat.id, url: "https://example.org/hook", secret: "whsec_test" }).returning();
    const ok = (r: { status: number; json: unknown }) => expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
    Object.assign(writes, {
      updateSpeaker: {
        call: () => ({ method: "PATCH", path: "/speakers/{id}", params: { id: speaker2!.id }, token: sec, body: { topic: `Topik ${uid()}` } }),
        version: () => rowVersion(db.select().from(speakers).where(eq(speakers.id, speaker2!.id))),
      },
      deleteSpeaker: {
        call: () => ({ method: "DELETE", path: "/speakers/{id}", params: { id: speaker!.id }, token: sec }),
        version: () => rowVersion(db.select().from(speakers).where(eq(speakers.id, speaker!.id))),
        noBody: true,
        bump: async (v) => ok(await callApi({ method: "PATCH", path: "/speakers/{id}", params: { id: speaker!.id }, token: sec, body: { topic: "Diubah", version: v } })),
      },
      updateDecision: {
        call: () => ({ method: "PATCH", path: "/decisions/{id}", params: { id: decision.id }, token: sec, body: { text: `Keputusan ${uid()}` } }),
        version: () => rowVersion(db.select().from(decisions).where(eq(decisions.id, decision.id))),
      },
      deleteDecision: {
        call: () => ({ method: "DELETE", path: "/decisions/{id}", params: { id: decision2.id }, token: sec }),
        version: () => rowVersion(db.select().from(decisions).where(eq(decisions.id, decision2.id))),
        noBody: true,
        bump: async (v) => ok(await callApi({ method: "PATCH", path: "/decisions/{id}", params: { id: decision2.id }, token: sec, body: { text: "Diubah", version: v } })),
      },
      withdrawInvitation: {
        call: () => ({ method: "DELETE", path: "/invitations/{id}", params: { id: invitationB!.id }, token: sec }),
        version: () => rowVersion(db.select().from(invitations).where(eq(invitations.id, invitationB!.id))),
        noBody: true,
        bump: async (v) => ok(await callApi({ method: "PATCH", path: "/invitations/{id}", params: { id: invitationB!.id }, token: partB, body: { response: "declined", reason: "Bentrok", version: v } })),
      },
      deleteAttendance: {
        call: () => ({ method: "DELETE", path: "/attendances/{id}", params: { id: attendance.id }, token: sec }),
        version: () => rowVersion(db.select().from(attendances).where(eq(attendances.id, attendance.id))),
        noBody: true,
        bump: async (v) => ok(await callApi({ method: "POST", path: "/meetings/{id}/attendances", params: { id: m.id }, token: sec, body: { userId: o.participantB.id, status: "excused", version: v } })),
      },
      deleteMeeting: {
        call: () => ({ method: "DELETE", path: "/meetings/{id}", params: { id: draft2.id }, token: sec }),
        version: () => meetingVersion(draft2.id),
        noBody: true,
        bump: async (v) => ok(await callApi({ method: "PATCH", path: "/meetings/{id}", params: { id: draft2.id }, token: sec, body: { topic: "Diubah", version: v } })),
      },
      transitionMinutes: {
        // Finalize the minutes of a meeting under way; the same version again is stale (not "already final").
        call: () => ({ method: "POST", path: "/meetings/{id}/minutes/transitions", params: { id: held.id }, token: sec, body: { to: "finalized" } }),
        version: async () => Number((await callApi({ method: "GET", path: "/meetings/{id}/minutes", params: { id: held.id }, token: sec })).json!.version),
      },
      deleteWebhook: {
        call: () => ({ method: "DELETE", path: "/webhooks/{id}", params: { id: hook!.id }, token: sec }),
        version: () => rowVersion(db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, hook!.id))),
        noBody: true,
        // No PATCH for subscriptions: another writer moves the version on.
        bump: async () => void (await db.update(webhookSubscriptions).set({ version: sql`${webhookSubscriptions.version} + 1` }).where(eq(webhookSubscriptions.id, hook!.id))),
      },
    } satisfies Record<string, Write>);
    expect(Object.keys(writes).sort()).toEqual([...versionedOps].sort());

    for (const id of versionedOps) {
      const op: Operation = operations[id];
      const w = writes[id]!;
      const label = `${op.method} ${op.path}`;
      // Without a version the write does not proceed.
      const none = await callApi(w.call(0));
      expect.soft(none.status, `${label} without a version`).toBe(428);

      const v = await w.version();
      // A first write with the right version succeeds (a delete's version is moved on by an edit instead).
      if (w.bump) {
        await w.bump(v);
      } else if (id === "deleteAgendaItem") {
        const edit = await callApi({ method: "PATCH", path: "/agenda-items/{id}", params: { id: agenda[1]!.id }, token: sec, body: { title: "Diubah" }, headers: { "if-match": `W/"${v}"` } });
        expect(edit.status, label).toBe(200);
      } else {
        const ok = await callApi({ ...w.call(v), headers: { "if-match": `W/"${v}"` } });
        expect.soft(ok.status, `${label} with the right version`).toBe(op.created ? 201 : 200);
        expect.soft(ok.headers.get("etag"), label).toBe(`W/"${Number(ok.json!.version)}"`);
        if (id === "putMinutes") minutesVersion = Number(ok.json!.version);
      }

      // The same version again is stale: 412 with If-Match…
      const stale = await callApi({ ...w.call(v), headers: { "if-match": `W/"${v}"` } });
      expect.soft(stale.status, `${label} with a stale If-Match`).toBe(412);
      expect.soft(stale.contentType, label).toContain("application/problem+json");
      const schema = (op.current ?? op.response ?? operations.updateAgendaItem.response) as z.ZodType;
      const current = schema.safeParse(stale.json?.current);
      expect.soft(current.success, `${label}: current in its public shape ${JSON.stringify(current.error?.issues ?? [])}`).toBe(true);
      expect.soft(stale.headers.get("etag"), label).toBe(`W/"${(stale.json?.current as { version?: number } | undefined)?.version}"`);

      // …and 409 with a body version.
      if (!w.noBody) {
        const call = w.call(v);
        const staleBody = await callApi({ ...call, body: { ...(call.body as object), version: v } });
        expect.soft(staleBody.status, `${label} with a stale body version`).toBe(409);
        expect.soft(schema.safeParse(staleBody.json?.current).success, label).toBe(true);
      }
    }
  });
});

/** Walks a list from the first page to the last, calling `between` after each page. */
async function walk(call: (cursor?: string) => ApiCall, between: (page: number, seen: readonly string[]) => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const r = await callApi(call(cursor));
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    seen.push(...(r.json!.items as { id: string }[]).map((i) => i.id));
    const next = r.json!.nextCursor as string | null;
    if (!next) return seen;
    cursor = next;
    await between(page, seen);
  }
  throw new Error("the walk did not end");
}

const countOf = (list: string[]) => list.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

describe("keyset cursors", { timeout: 120_000 }, () => {
  it("walk follow-ups while items are inserted and move out of the filter: each seen once, none skipped", async () => {
    const o = await office();
    const sec = await tokenOf(o.secretariat);
    const category = await someCategory();
    const original: { id: string }[] = [];
    for (let i = 0; i < 13; i++) original.push(await insertItem({ workUnitId: o.unitA.id, categoryId: category.id, dueDate: `2040-01-${String(10 + i).padStart(2, "0")}` }));
    const movedOut: string[] = [];
    const inserted: string[] = [];
    const seen = await walk(
      (cursor) => ({ method: "GET", path: "/action-items", token: sec, query: new URLSearchParams({ unitId: o.unitA.id, status: "open", limit: "4", ...(cursor ? { cursor } : {}) }).toString() }),
      async (_page, seenSoFar) => {
        // New items on both sides of the cursor, and one not yet seen leaves the filter.
        inserted.push((await insertItem({ workUnitId: o.unitA.id, categoryId: category.id, dueDate: "2040-01-01" })).id);
        inserted.push((await insertItem({ workUnitId: o.unitA.id, categoryId: category.id, dueDate: "2040-02-28" })).id);
        const leaving = original.findLast((i) => !seenSoFar.includes(i.id) && !movedOut.includes(i.id));
        if (!leaving) return;
        await db.update(actionItems).set({ status: "in_progress" }).where(eq(actionItems.id, leaving.id));
        movedOut.push(leaving.id);
      },
    );
    const counts = countOf(seen);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const stayed = original.map((i) => i.id).filter((id) => !movedOut.includes(id));
    expect(stayed.filter((id) => !counts.has(id))).toEqual([]);
    expect(movedOut.length).toBeGreaterThan(0);
    expect(movedOut.some((id) => counts.has(id))).toBe(false);
    // Items inserted after the cursor were reached as well (the late due dates).
    expect(inserted.filter((id) => counts.has(id)).length).toBeGreaterThan(0);
    await db.delete(actionItems).where(inArray(actionItems.id, [...original.map((i) => i.id), ...inserted]));
  });

  it("walk tokens (newest first) while tokens are created and revoked, and refuse garbage, foreign and out-of-range cursors", async () => {
    const o = await office();
    const token = await tokenOf(o.secretariat);
    const created: { id: string }[] = [];
    for (let i = 0; i < 11; i++) created.push(await createApiToken(o.secretariat, { name: `t${i}` }));
    const revoked: string[] = [];
    const seen = await walk(
      (cursor) => ({ method: "GET", path: "/tokens", token, query: new URLSearchParams({ limit: "3", ...(cursor ? { cursor } : {}) }).toString() }),
      async (page, seenSoFar) => {
        await createApiToken(o.secretariat, { name: `new ${page}` });
        const leaving = created.find((t) => !seenSoFar.includes(t.id) && !revoked.includes(t.id)); // the oldest ones come last
        if (!leaving) return;
        await revokeApiToken(o.secretariat, leaving.id);
        revoked.push(leaving.id);
      },
    );
    const counts = countOf(seen);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(created.map((t) => t.id).filter((id) => !revoked.includes(id) && !counts.has(id))).toEqual([]);
    expect(revoked.some((id) => counts.has(id))).toBe(false);

    // A real cursor, to tamper with.
    const first = await callApi({ method: "GET", path: "/meetings", token, query: "limit=2" });
    const meetingsPage = await callApi({ method: "GET", path: "/tokens", token, query: "limit=3" });
    const real = String(meetingsPage.json!.nextCursor);
    const decoded = JSON.parse(Buffer.from(real, "base64url").toString()) as { d: string; k: string[]; b: string };
    const forge = (k: string[]) => Buffer.from(JSON.stringify({ ...decoded, k })).toString("base64url");
    const other = await tokenOf(o.head);
    const bad: [string, ApiCall][] = [
      ["garbage", { method: "GET", path: "/tokens", token, query: "cursor=not-a-cursor%21" }],
      ["base64 of nothing", { method: "GET", path: "/tokens", token, query: `cursor=${Buffer.from("{}").toString("base64url")}` }],
      ["another limit", { method: "GET", path: "/tokens", token, query: `limit=4&cursor=${real}` }],
      ["another user's list", { method: "GET", path: "/tokens", token: other, query: `limit=3&cursor=${real}` }],
      ["another list", { method: "GET", path: "/meetings", token, query: `limit=3&cursor=${real}` }],
      ["a meetings cursor on follow-ups", { method: "GET", path: "/action-items", token, query: `limit=2&cursor=${String(first.json!.nextCursor ?? real)}` }],
      ["month 13", { method: "GET", path: "/tokens", token, query: `limit=3&cursor=${forge(["2030-13-01 00:00:00+00", decoded.k[1]!])}` }],
      ["year 9999", { method: "GET", path: "/tokens", token, query: `limit=3&cursor=${forge(["9999-01-01 00:00:00+00", decoded.k[1]!])}` }],
      ["hour 25", { method: "GET", path: "/tokens", token, query: `limit=3&cursor=${forge(["2030-01-01 25:00:00+00", decoded.k[1]!])}` }],
      ["not a uuid", { method: "GET", path: "/tokens", token, query: `limit=3&cursor=${forge([decoded.k[0]!, "x"])}` }],
    ];
    for (const [why, call] of bad) {
      const r = await callApi(call);
      expect.soft(r.status, why).toBe(400);
      expect.soft(r.contentType, why).toContain("application/problem+json");
    }
  });
});
