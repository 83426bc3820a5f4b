import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { callApi, tokenOf } from "./api";
import { uid } from "./fixtures";

/**
 * Issue 22: "what changed since". Every resource carries updatedAt; lists take ?updatedSince= and
 * then walk in the sync order (updatedAt, id) under a keyset cursor, so a row changed during the
 * walk is seen again later and none is skipped; unknown query parameters are refused by name.
 */
process.env.API_RATE_LIMIT = "1000000";

/** The database's clock as an ISO instant (milliseconds, rounded down: updatedSince is inclusive). */
const dbNow = async () => (await rows<{ t: string }>(sql`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as t`))[0]!.t;

type Item = { id: string; updatedAt: string; version: number; dueDate: string };

describe("change tracking", { timeout: 120_000 }, () => {
  it("walks GET /action-items?updatedSince= while another client updates, reschedules and creates follow-ups: every change after the start is seen, none skipped", async () => {
    const o = await office();
    const [reader, writer] = await Promise.all([tokenOf(o.head), tokenOf(o.secretariat)]);
    const category = await someCategory();
    const create = async (day: number) => {
      const r = await callApi({
        method: "POST",
        path: "/action-items",
        token: writer,
        body: { title: `Sinkron ${uid()}`, categoryId: category.id, workUnitId: o.unitA.id, dueDate: `2041-03-${String(day).padStart(2, "0")}` },
      });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      return r.json as unknown as Item;
    };
    const start = await dbNow();
    const original: Item[] = [];
    for (let i = 0; i < 12; i++) original.push(await create(1 + i));

    const changed = new Set(original.map((i) => i.id));
    const edited: string[] = [];
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 40; page++) {
      const query = new URLSearchParams({ updatedSince: start, unitId: o.unitA.id, limit: "4", ...(cursor ? { cursor } : {}) });
      const r = await callApi({ method: "GET", path: "/action-items", token: reader, query: query.toString() });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      const items = r.json!.items as Item[];
      // The sync order: updatedAt, then id, ascending; nothing older than updatedSince.
      for (const item of items) expect(item.updatedAt >= start, `${item.updatedAt} >= ${start}`).toBe(true);
      const keys = items.map((i) => `${i.updatedAt} ${i.id}`);
      expect(keys).toEqual([...keys].sort());
      seen.push(...items.map((i) => i.id));
      cursor = (r.json!.nextCursor as string | null) ?? undefined;
      if (!cursor) break;
      if (page > 4) continue;
      // Another client, between pages: edits one already seen, reschedules one not yet seen
      // (a new due date), and creates one.
      const seenItem = original.find((i) => seen.includes(i.id) && !edited.includes(i.id));
      const unseen = original.findLast((i) => !seen.includes(i.id) && !edited.includes(i.id));
      for (const [item, body] of [
        [seenItem, { title: `Diubah ${uid()}` }],
        [unseen, { dueDate: `2041-05-${String(10 + page).padStart(2, "0")}` }],
      ] as const) {
        if (!item) continue;
        const current = await callApi({ method: "GET", path: "/action-items/{id}", params: { id: item.id }, token: writer });
        const w = await callApi({ method: "PATCH", path: "/action-items/{id}", params: { id: item.id }, token: writer, body: { ...body, version: current.json!.version } });
        expect(w.status, JSON.stringify(w.json)).toBe(200);
        edited.push(item.id);
      }
      changed.add((await create(20 + page)).id);
    }
    const missing = [...changed].filter((id) => !seen.includes(id));
    expect(missing, "changed after the start but never seen").toEqual([]);
    expect(edited.length).toBeGreaterThan(4);
    // An item edited after it was seen comes round again with its new updatedAt.
    const repeated = edited.filter((id) => seen.filter((s) => s === id).length > 1);
    expect(repeated.length).toBeGreaterThan(0);

    // Without updatedSince the list keeps its own order (due date) and its cursors are not the sync's.
    const plain = await callApi({ method: "GET", path: "/action-items", token: reader, query: `unitId=${o.unitA.id}&limit=4` });
    const dues = (plain.json!.items as Item[]).map((i) => i.dueDate);
    expect(dues).toEqual([...dues].sort());
    const mixed = await callApi({ method: "GET", path: "/action-items", token: reader, query: `unitId=${o.unitA.id}&limit=4&updatedSince=${encodeURIComponent(start)}&cursor=${String(plain.json!.nextCursor)}` });
    expect(mixed.status).toBe(400);
  });

  it("walks GET /meetings?updatedSince= in the sync order; a change to a meeting's agenda or speakers moves the meeting's updatedAt", async () => {
    const o = await office();
    const token = await tokenOf(o.secretariat);
    const m = await publishedMeeting(o);
    const before = await callApi({ method: "GET", path: "/meetings/{id}", params: { id: m.id }, token });
    const since = await dbNow();
    const added = await callApi({ method: "POST", path: "/meetings/{id}/speakers", params: { id: m.id }, token, body: { name: `Narasumber ${uid()}`, role: "resource_person" } });
    expect(added.status, JSON.stringify(added.json)).toBe(201);
    expect(typeof added.json!.updatedAt).toBe("string");
    const after = await callApi({ method: "GET", path: "/meetings/{id}", params: { id: m.id }, token });
    expect(String(after.json!.updatedAt) > String(before.json!.updatedAt)).toBe(true);
    expect(after.json!.version).toBe(before.json!.version);
    const list = await callApi({ method: "GET", path: "/meetings", token, query: `updatedSince=${encodeURIComponent(since)}&limit=100` });
    expect(list.status, JSON.stringify(list.json)).toBe(200);
    expect((list.json!.items as { id: string }[]).map((i) => i.id)).toContain(m.id);
  });

  it("refuses unknown query parameters by name, on lists and on operations without any", async () => {
    const o = await office();
    const token = await tokenOf(o.secretariat);
    const typo = await callApi({ method: "GET", path: "/action-items", token, query: "updatedSnce=2030-01-01T00:00:00Z&stauts=open" });
    expect(typo.status).toBe(400);
    expect(typo.contentType).toContain("application/problem+json");
    expect(String(typo.json!.detail)).toContain("updatedSnce");
    expect((typo.json!.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(["stauts", "updatedSnce"]);
    const none = await callApi({ method: "GET", path: "/me", token, query: "x=1" });
    expect(none.status).toBe(400);
    const badSince = await callApi({ method: "GET", path: "/meetings", token, query: "updatedSince=2030-02-30T00:00:00Z" });
    expect(badSince.status).toBe(422);
    const ok = await callApi({ method: "GET", path: "/meetings", token, query: "updatedSince=2030-01-01T00:00:00%2B07:00&timeZone=Asia/Makassar" });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
  });

  it("answers a meeting with ?include= in one call, a conditional GET with 304, and the rate-limit budget on every response", async () => {
    const o = await office();
    const token = await tokenOf(o.secretariat);
    const m = await publishedMeeting(o);
    const full = await callApi({ method: "GET", path: "/meetings/{id}", params: { id: m.id }, token, query: "include=agenda,speakers,invitations,attendances,minutes" });
    expect(full.status, JSON.stringify(full.json)).toBe(200);
    const body = full.json as { agenda: { items: unknown[] }; speakers: unknown[]; invitations: unknown[]; attendances: unknown[]; minutes: { version: number } };
    expect(body.agenda.items).toHaveLength(3);
    expect(body.speakers).toHaveLength(2);
    expect(body.invitations).toHaveLength(2);
    expect(body.attendances).toEqual([]);
    expect(body.minutes.version).toBe(0);
    const plain = await callApi({ method: "GET", path: "/meetings/{id}", params: { id: m.id }, token });
    expect(plain.json).not.toHaveProperty("agenda");
    expect((await callApi({ method: "GET", path: "/meetings/{id}", params: { id: m.id }, token, query: "include=agenda,budget" })).status).toBe(422);

    // ETag → If-None-Match: 304 while nothing changed; a speaker added changes the tag (the meeting's updatedAt moved).
    const etag = full.headers.get("etag")!;
    expect(etag).toMatch(new RegExp(`^W/"${String(full.json!.version)}-`));
    const same = await callApi({ method: "GET", path: "/meetings/{id}", params: { id: m.id }, token, query: "include=agenda,speakers,invitations,attendances,minutes", headers: { "if-none-match": etag } });
    expect(same.status).toBe(304);
    expect(same.json).toBeNull();
    await callApi({ method: "POST", path: "/meetings/{id}/speakers", params: { id: m.id }, token, body: { name: `Narasumber ${uid()}`, role: "moderator" } });
    const changed = await callApi({ method: "GET", path: "/meetings/{id}", params: { id: m.id }, token, query: "include=agenda,speakers,invitations,attendances,minutes", headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect((changed.json!.speakers as unknown[]).length).toBe(3);
    // The read's tag works as If-Match (it names the version).
    const edit = await callApi({ method: "PATCH", path: "/meetings/{id}", params: { id: m.id }, token, body: { topic: "Baru" }, headers: { "if-match": changed.headers.get("etag")! } });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);
    // Lists have a tag too.
    const list = await callApi({ method: "GET", path: "/action-items", token, query: "limit=5" });
    const again = await callApi({ method: "GET", path: "/action-items", token, query: "limit=5", headers: { "if-none-match": list.headers.get("etag")! } });
    expect(again.status).toBe(304);

    // The budget: RateLimit-Policy and RateLimit (IETF draft) on successes and refusals alike.
    for (const r of [full, edit, await callApi({ method: "GET", path: "/meetings/{id}", params: { id: crypto.randomUUID() }, token })]) {
      expect(r.headers.get("ratelimit-policy")).toMatch(/^"minute";q=\d+;w=60$/);
      expect(r.headers.get("ratelimit")).toMatch(/^"minute";r=\d+;t=\d+$/);
    }
  });
});
