import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { actionItems, decisions, meetings, speakers } from "@/db/schema";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { instantToZonedLocal } from "@/lib/time";
import { futureSlot, office, publishedMeeting, someCategory } from "@/tests/office";
import { callApi, tokenOf } from "./api";
import { uid } from "./fixtures";

/**
 * Issue 22: safe retries (Idempotency-Key on every POST) and the corrections the API lacked
 * (PATCH/DELETE of speakers, decisions, invitations, attendance records, draft meetings).
 */
process.env.API_RATE_LIMIT = "1000000";

describe("Idempotency-Key", { timeout: 120_000 }, () => {
  it("runs a POST once: the same key twice → one follow-up and the same answer; another body → 422; another token → its own key", async () => {
    const o = await office();
    const [sec, other] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.secretariat)]);
    const category = await someCategory();
    const title = `Sekali saja ${uid()}`;
    const body = { title, categoryId: category.id, workUnitId: o.unitA.id, dueDate: "2041-06-01" };
    const key = crypto.randomUUID();
    const first = await callApi({ method: "POST", path: "/action-items", token: sec, body, headers: { "idempotency-key": key } });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    // The retry (keys in another order: the same JSON) gets the first answer, marked as a replay.
    const retry = await callApi({ method: "POST", path: "/action-items", token: sec, body: { dueDate: body.dueDate, workUnitId: body.workUnitId, categoryId: body.categoryId, title }, headers: { "idempotency-key": key } });
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("etag")).toBe(first.headers.get("etag"));
    const created = await db.select({ id: actionItems.id }).from(actionItems).where(eq(actionItems.title, title));
    expect(created).toHaveLength(1);

    const changed = await callApi({ method: "POST", path: "/action-items", token: sec, body: { ...body, dueDate: "2041-06-02" }, headers: { "idempotency-key": key } });
    expect(changed.status).toBe(422);
    expect(changed.contentType).toContain("application/problem+json");
    expect((changed.json!.errors as { path: string }[])[0]!.path).toBe("Idempotency-Key");

    // Keys are per token: another token's same key is a new request.
    const elsewhere = await callApi({ method: "POST", path: "/action-items", token: other, body, headers: { "idempotency-key": key } });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.json!.id).not.toBe(first.json!.id);

    // A refused body is not kept: the corrected request with the same key runs.
    const badKey = crypto.randomUUID();
    const invalid = await callApi({ method: "POST", path: "/action-items", token: sec, body: { ...body, dueDate: "2041-02-30" }, headers: { "idempotency-key": badKey } });
    expect(invalid.status).toBe(422);
    const fixed = await callApi({ method: "POST", path: "/action-items", token: sec, body: { ...body, title: `${title} 2` }, headers: { "idempotency-key": badKey } });
    expect(fixed.status).toBe(201);

    const malformed = await callApi({ method: "POST", path: "/action-items", token: sec, body, headers: { "idempotency-key": "a b" } });
    expect(malformed.status).toBe(400);
  });

  it("lets one of concurrent requests with the same key run; the others wait for its answer or replay it", async () => {
    const o = await office();
    const sec = await tokenOf(o.secretariat);
    const m = await publishedMeeting(o);
    await db.update(meetings).set({ status: "ongoing" }).where(eq(meetings.id, m.id));
    const key = crypto.randomUUID();
    const text = `Keputusan ${uid()}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => callApi({ method: "POST", path: "/meetings/{id}/decisions", params: { id: m.id }, token: sec, body: { text }, headers: { "idempotency-key": key } })),
    );
    const statuses = answers.map((a) => a.status);
    // One ran (201); the others got its stored answer (201, replayed) or "still running" (409, Retry-After).
    expect(statuses.every((st) => st === 201 || st === 409), JSON.stringify(statuses)).toBe(true);
    expect(answers.filter((a) => a.status === 201 && !a.headers.get("idempotent-replayed"))).toHaveLength(1);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.headers.get("retry-after")).toBe("1");
    expect(await db.select().from(decisions).where(and(eq(decisions.meetingId, m.id), eq(decisions.text, text)))).toHaveLength(1);
    const stored = await rows<{ n: number }>(sql`select count(*)::int as n from idempotency_keys where key = ${key}`);
    expect(stored[0]!.n).toBe(1);
  });
});

describe("corrections through the API", { timeout: 120_000 }, () => {
  it("corrects and removes speakers and decisions, withdraws an invitation, deletes a draft — versioned, permission first", async () => {
    const o = await office();
    const [sec, part] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA)]);
    const m = await publishedMeeting(o);
    const [sp] = await db.select().from(speakers).where(and(eq(speakers.meetingId, m.id), sql`user_id is null`));

    // A participant of an invited unit is refused before any version check.
    const refused = await callApi({ method: "PATCH", path: "/speakers/{id}", params: { id: sp!.id }, token: part, body: { topic: "x", version: 999 } });
    expect(refused.status).toBe(403);
    const renamed = await callApi({ method: "PATCH", path: "/speakers/{id}", params: { id: sp!.id }, token: sec, body: { name: "Dr. Agus Widiyarta" }, headers: { "if-match": `W/"${sp!.version}"` } });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    expect(renamed.json!.name).toBe("Dr. Agus Widiyarta");
    expect(renamed.json!.role).toBe(sp!.role);
    const stale = await callApi({ method: "DELETE", path: "/speakers/{id}", params: { id: sp!.id }, token: sec, headers: { "if-match": `W/"${sp!.version}"` } });
    expect(stale.status).toBe(412);
    expect(stale.json!.current).toMatchObject({ id: sp!.id, name: "Dr. Agus Widiyarta" });
    const gone = await callApi({ method: "DELETE", path: "/speakers/{id}", params: { id: sp!.id }, token: sec, headers: { "if-match": `W/"${Number(renamed.json!.version)}"` } });
    expect(gone.status).toBe(204);
    expect(await db.select().from(speakers).where(eq(speakers.id, sp!.id))).toHaveLength(0);

    // Decisions: the meeting must be under way for minutes.
    const started = await db.update(meetings).set({ status: "ongoing" }).where(eq(meetings.id, m.id)).returning();
    expect(started).toHaveLength(1);
    const d1 = await callApi({ method: "POST", path: "/meetings/{id}/decisions", params: { id: m.id }, token: sec, body: { text: "Keputusan satu" } });
    const d2 = await callApi({ method: "POST", path: "/meetings/{id}/decisions", params: { id: m.id }, token: sec, body: { text: "Keputusan dua (ganda)" } });
    expect([d1.status, d2.status]).toEqual([201, 201]);
    const fixed = await callApi({ method: "PATCH", path: "/decisions/{id}", params: { id: String(d1.json!.id) }, token: sec, body: { text: "Keputusan satu, diperbaiki", version: d1.json!.version } });
    expect(fixed.status, JSON.stringify(fixed.json)).toBe(200);
    expect(fixed.json!.text).toBe("Keputusan satu, diperbaiki");
    const del = await callApi({ method: "DELETE", path: "/decisions/{id}", params: { id: String(d2.json!.id) }, token: sec, headers: { "if-match": `W/"${Number(d2.json!.version)}"` } });
    expect(del.status).toBe(204);
    expect((await db.select().from(decisions).where(eq(decisions.meetingId, m.id))).map((d) => d.number)).toEqual([1]);
    await db.update(meetings).set({ status: "scheduled" }).where(eq(meetings.id, m.id));

    // Withdrawing an invitation.
    const invs = await callApi({ method: "GET", path: "/meetings/{id}/invitations", params: { id: m.id }, token: sec });
    const invB = (invs.json!.items as { id: string; workUnitId: string; version: number }[]).find((i) => i.workUnitId === o.unitB.id)!;
    const noVersion = await callApi({ method: "DELETE", path: "/invitations/{id}", params: { id: invB.id }, token: sec });
    expect(noVersion.status).toBe(428);
    const withdrawn = await callApi({ method: "DELETE", path: "/invitations/{id}", params: { id: invB.id }, token: sec, headers: { "if-match": `W/"${invB.version}"` } });
    expect(withdrawn.status).toBe(204);
    const after = await callApi({ method: "GET", path: "/meetings/{id}/invitations", params: { id: m.id }, token: sec });
    expect((after.json!.items as { id: string }[]).map((i) => i.id)).not.toContain(invB.id);

    // A published meeting cannot be deleted; a draft can.
    const published = await callApi({ method: "DELETE", path: "/meetings/{id}", params: { id: m.id }, token: sec, headers: { "if-match": `W/"${(await db.select().from(meetings).where(eq(meetings.id, m.id)))[0]!.version}"` } });
    expect(published.status).toBe(422);
    const slot = futureSlot();
    const { meeting: draft } = await createMeeting(o.secretariat, {
      title: `Draf ${uid()}`,
      kind: "rakor",
      startsAt: instantToZonedLocal(slot.start, "Asia/Jakarta"),
      endsAt: instantToZonedLocal(slot.end, "Asia/Jakarta"),
      timeZone: "Asia/Jakarta",
      location: `Ruang ${uid()}`,
      organizerUnitId: o.division.id,
      acknowledgeConflicts: "on",
    });
    const partDelete = await callApi({ method: "DELETE", path: "/meetings/{id}", params: { id: draft.id }, token: part, headers: { "if-match": `W/"${draft.version}"` } });
    expect(partDelete.status).toBe(404);
    const deleted = await callApi({ method: "DELETE", path: "/meetings/{id}", params: { id: draft.id }, token: sec, headers: { "if-match": `W/"${draft.version}"` } });
    expect(deleted.status, JSON.stringify(deleted.json)).toBe(204);
    expect(await db.select().from(meetings).where(eq(meetings.id, draft.id))).toHaveLength(0);
  });

  it("removes an attendance record entered twice (versioned)", async () => {
    const o = await office();
    const sec = await tokenOf(o.secretariat);
    const m = await publishedMeeting(o);
    const guest = await callApi({ method: "POST", path: "/meetings/{id}/attendances", params: { id: m.id }, token: sec, body: { name: `Tamu ${uid()}`, status: "present" } });
    expect(guest.status, JSON.stringify(guest.json)).toBe(201);
    const removed = await callApi({ method: "DELETE", path: "/attendances/{id}", params: { id: String(guest.json!.id) }, token: sec, headers: { "if-match": `W/"${Number(guest.json!.version)}"` } });
    expect(removed.status, JSON.stringify(removed.json)).toBe(204);
    const list = await callApi({ method: "GET", path: "/meetings/{id}/attendances", params: { id: m.id }, token: sec });
    expect((list.json!.items as { id: string }[]).map((a) => a.id)).not.toContain(guest.json!.id);
  });
});
