import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { agendaItems } from "@/db/schema";
import { eq } from "drizzle-orm";
import { transitionMeeting } from "@/lib/meetings/transition-meeting";
import { insertItem } from "@/tests/follow-ups";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { callApi, tokenOf, type ApiCall } from "./api";

/**
 * Issue 20: authorization is decided before optimistic concurrency — a user who may see a record
 * but not edit it gets 403 whatever version they send, never 409 with the record; and a staff
 * member's attendance is a versioned write like the rest (If-Match / body version; 428/412/409).
 */
describe("permission before version", { timeout: 120_000 }, () => {
  it("answers 403, not 409/412, to a user who may see but not edit, with a stale or a current version", async () => {
    const o = await office();
    const [partA, sec] = await Promise.all([tokenOf(o.participantA), tokenOf(o.secretariat)]);
    const m = await publishedMeeting(o);
    const [agenda] = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(agendaItems.position);
    const category = await someCategory();
    const item = await insertItem({ workUnitId: o.unitA.id, status: "reported", categoryId: category.id });
    const calls: [string, (v: number) => ApiCall][] = [
      ["PATCH meeting", (v) => ({ method: "PATCH", path: "/meetings/{id}", params: { id: m.id }, token: partA, body: { topic: "x", version: v } })],
      ["transition", (v) => ({ method: "POST", path: "/meetings/{id}/transitions", params: { id: m.id }, token: partA, body: { to: "ongoing", version: v } })],
      ["PATCH agenda item", (v) => ({ method: "PATCH", path: "/agenda-items/{id}", params: { id: agenda!.id }, token: partA, body: { title: "x", version: v } })],
      ["DELETE agenda item", (v) => ({ method: "DELETE", path: "/agenda-items/{id}", params: { id: agenda!.id }, token: partA, headers: { "if-match": `W/"${v}"` } })],
      ["PATCH action item plan", (v) => ({ method: "PATCH", path: "/action-items/{id}", params: { id: item.id }, token: partA, body: { title: "x", version: v } })],
      ["verify own unit's item", (v) => ({ method: "POST", path: "/action-items/{id}/updates", params: { id: item.id }, token: partA, body: { to: "verified", note: "Sudah dicek", version: v } })],
    ];
    for (const [name, call] of calls) {
      for (const v of [1, 999]) {
        const r = await callApi(call(v));
        expect(r.status, `${name} with version ${v}: ${JSON.stringify(r.json)}`).toBe(403);
        expect(r.json?.current, name).toBeUndefined();
      }
    }
    // The secretariat, allowed, still gets 409 for a stale version.
    const stale = await callApi({ method: "PATCH", path: "/meetings/{id}", params: { id: m.id }, token: sec, body: { topic: "x", version: 999 } });
    expect(stale.status).toBe(409);
  });

  it("versions a staff member's attendance: of 8 concurrent writes one wins, the rest 412; no version on an existing record is 428", async () => {
    const o = await office();
    const [sec, partA] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA)]);
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    await transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }).catch(() => null);
    const post = (body: Record<string, unknown>, headers: Record<string, string> = {}, token = sec) =>
      callApi({ method: "POST", path: "/meetings/{id}/attendances", params: { id: m.id }, token, body: { userId: o.participantA.id, ...body }, headers });

    // Who may not record attendance gets 403 whatever the version.
    expect((await post({ status: "present", version: 0 }, {}, partA)).status).toBe(403);

    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post({ status: i % 2 ? "present" : "sick" }, { "if-match": 'W/"0"' })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(7);
    const winner = results.find((r) => r.status === 201)!.json!;
    const loser = results.find((r) => r.status === 412)!;
    expect((loser.json!.current as { id: string }).id).toBe(winner.id);

    // A record exists: without a version 428, a stale body version 409, the current one 201.
    expect((await post({ status: "absent" })).status).toBe(428);
    expect((await post({ status: "absent", version: 0 })).status).toBe(409);
    const ok = await post({ status: "absent", version: winner.version as number });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(ok.json).toMatchObject({ id: winner.id, status: "absent", version: (winner.version as number) + 1 });

    // Guests have no such key: each POST is a new record.
    const guest = await callApi({ method: "POST", path: "/meetings/{id}/attendances", params: { id: m.id }, token: sec, body: { name: "Tamu", status: "present" } });
    expect(guest.status).toBe(201);
  });
});
