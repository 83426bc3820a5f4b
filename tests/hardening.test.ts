import http from "node:http";
import type { AddressInfo } from "node:net";
import ical from "node-ical";
import { and, count, eq, like, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { runQueuedJobs } from "@/tests/jobs";
import { db, rows } from "@/db/client";
import { actionItemUpdates, agendaItems, decisions, evidenceFiles, invitations, meetings, outboxEmails, speakers, users } from "@/db/schema";
import { runAction } from "@/lib/action-result";
import { resetUserPassword, setUserActive, updateUser } from "@/lib/admin/users";
import { futureSlot, office, publishedMeeting } from "@/tests/office";
import { sameOrigin } from "@/lib/api/authenticate";
import { hitUserRateLimit } from "@/lib/api/rate-limit";
import { ThrottledSignIn, verifyCredentials } from "@/lib/auth";
import { PAIR_FREE } from "@/lib/auth/throttle";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { clientIp } from "@/lib/auth/request-ip";
import { buildCalendar } from "@/lib/calendar/ics";
import { loadMeetingRecord } from "@/lib/documents/meeting-records";
import { renderMeetingFile } from "@/lib/documents/render";
import { ValidationError } from "@/lib/errors";
import { attachmentDisposition, uploadEvidence } from "@/lib/follow-ups/evidence";
import { insertItem, makeDocx } from "@/tests/follow-ups";
import { transitionActionItem } from "@/lib/follow-ups/workflow";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { updateMeeting } from "@/lib/meetings/update-meeting";
import { instantToZonedLocal } from "@/lib/time";
import proxy from "@/proxy";
import { appendPeer } from "@/scripts/forwarded.mjs";
import { makeDivision, makeUser, uid } from "./fixtures";
import { callApi, isoIn, tokenOf } from "./api";

/**
 * One test (or more) per finding of the outside security test (issue 10): each failed on the code
 * before the hardening and passes after it.
 */

const vevents = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === "VEVENT");
const INJECTED = "Rakor\r\nBEGIN:VEVENT\r\nUID:injected@evil\r\nSUMMARY:Forged\r\nEND:VEVENT\r\nX-A:";

async function meetingBody(o: Awaited<ReturnType<typeof office>>, over: Record<string, unknown> = {}) {
  const slot = futureSlot();
  return {
    title: `Rakor ${uid()}`,
    kind: "rakor",
    startsAt: slot.start.toISOString(),
    endsAt: slot.end.toISOString(),
    timeZone: "Asia/Jakarta",
    location: `Ruang ${uid()}`,
    organizerUnitId: o.division.id,
    ...over,
  };
}

describe("1. calendar injection", { timeout: 120_000 }, () => {
  it("refuses a title with CR/LF, and a stored one still yields exactly one event in the .ics and the email", async () => {
    const o = await office();
    const token = await tokenOf(o.secretariat);
    const refused = await callApi({ method: "POST", path: "/meetings", token, body: await meetingBody(o, { title: INJECTED }) });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json)).toContain("title");

    // A title stored before the rule (written straight to the database) is encoded on the way out.
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    await db.update(meetings).set({ title: INJECTED }).where(eq(meetings.id, m.id));
    const file = await renderMeetingFile(o.participantA, m.id, "ics");
    const text = String(file.body);
    expect(vevents(text)).toHaveLength(1);
    expect(text).not.toMatch(/^UID:injected@evil/m);
    expect(text).not.toMatch(/^SUMMARY:Forged/m);
    expect(file.fileName).not.toMatch(/[\r\n]/);

    const record = (await loadMeetingRecord(m.id))!;
    expect(vevents(buildCalendar([record], { name: record.title, locale: "en" }))).toHaveLength(1);
    // The invitation's notices are written by their job, from the meeting as it is now.
    await db.delete(outboxEmails).where(like(outboxEmails.dedupeKey, `meeting:${m.id}:%`));
    await runQueuedJobs("notices");
    const [mail] = await db.select().from(outboxEmails).where(like(outboxEmails.dedupeKey, `meeting:${m.id}:%`));
    expect(mail!.subject).not.toMatch(/[\r\n]/);
    expect(vevents(Buffer.from(mail!.attachments[0]!.content, "base64").toString())).toHaveLength(1);
  });
});

describe("2. tokens end with a password reset, a deactivation, a role change and a password change — for good", { timeout: 120_000 }, () => {
  it("answers 401 to the old token afterwards, also after reactivation", async () => {
    const { division, unitA } = await makeDivision();
    const admin = await makeUser("admin", division.id);
    const me = async (token: string) => (await callApi({ method: "GET", path: "/me", token })).status;

    const reset = await makeUser("participant", unitA.id);
    const resetToken = await tokenOf(reset);
    expect(await me(resetToken)).toBe(200);
    await resetUserPassword(admin, reset.id, { password: "sandi-baru-123" });
    expect(await me(resetToken)).toBe(401);

    const deactivated = await makeUser("participant", unitA.id);
    const deactivatedToken = await tokenOf(deactivated);
    let row = (await db.select().from(users).where(eq(users.id, deactivated.id)))[0]!;
    await setUserActive(admin, deactivated.id, row.version, false);
    row = (await db.select().from(users).where(eq(users.id, deactivated.id)))[0]!;
    await setUserActive(admin, deactivated.id, row.version, true);
    expect(await me(deactivatedToken)).toBe(401);

    const promoted = await makeUser("participant", unitA.id);
    const promotedToken = await tokenOf(promoted);
    row = (await db.select().from(users).where(eq(users.id, promoted.id)))[0]!;
    await updateUser(admin, promoted.id, row.version, { name: row.name, email: row.email, nip: "", position: "", workUnitId: row.workUnitId, role: "head" });
    expect(await me(promotedToken)).toBe(401);

    const changer = await makeUser("participant", unitA.id);
    const changerToken = await tokenOf(changer);
    const before = (await db.select().from(users).where(eq(users.id, changer.id)))[0]!;
    await expect(changeOwnPassword(changer, { currentPassword: "salah-sekali", newPassword: "rahasia-baru-1", confirmPassword: "rahasia-baru-1" })).rejects.toBeInstanceOf(ValidationError);
    expect(await me(changerToken)).toBe(200);
    await changeOwnPassword(changer, { currentPassword: "rakor-demo", newPassword: "rahasia-baru-1", confirmPassword: "rahasia-baru-1" });
    expect(await me(changerToken)).toBe(401);
    const after = (await db.select().from(users).where(eq(users.id, changer.id)))[0]!;
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });
});

describe("4. sign-in throttling", { timeout: 120_000 }, () => {
  it("counts the email and the NIP of one account against one budget", async () => {
    const unit = (await makeDivision()).unitA;
    const person = await makeUser("participant", unit.id);
    const nip = `19${Date.now()}`.slice(0, 18).padEnd(18, "7");
    await db.update(users).set({ nip }).where(eq(users.id, person.id));
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < PAIR_FREE; i++) expect(await verifyCredentials({ identifier: person.email, password: "salah" }, ip)).toBeNull();
    await expect(verifyCredentials({ identifier: nip, password: "rakor-demo" }, ip)).rejects.toBeInstanceOf(ThrottledSignIn);
    await expect(verifyCredentials({ identifier: person.email.toUpperCase(), password: "rakor-demo" }, ip)).rejects.toBeInstanceOf(ThrottledSignIn);
  });

  it("takes the client address from the connection, and from X-Forwarded-For only as far as TRUST_PROXY says", async () => {
    // The Rakor server appends the TCP peer to X-Forwarded-For (scripts/server.mjs); a real socket:
    const server = http.createServer((req, res) => {
      appendPeer(req);
      const headers = new Headers({ "x-forwarded-for": String(req.headers["x-forwarded-for"]) });
      res.end(JSON.stringify({ none: clientIp(headers, 0), one: clientIp(headers, 1) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const forged = await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": "203.0.113.7" } })).json();
      expect(forged.none).toBe("127.0.0.1"); // the forged header is ignored without TRUST_PROXY
      expect(forged.one).toBe("203.0.113.7"); // behind one trusted proxy, its entry is the client
      const plain = await (await fetch(`http://127.0.0.1:${port}/`)).json();
      expect(plain).toEqual({ none: "127.0.0.1", one: "127.0.0.1" });
    } finally {
      server.close();
    }
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 10.0.0.5" }), 2)).toBe("1.1.1.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 10.0.0.5" }), 5)).toBe("1.1.1.1");
  });
});

describe("5. concurrent creates", { timeout: 120_000 }, () => {
  it("numbers 10 parallel decisions 1–10 and gives 10 parallel agenda items and speakers distinct positions", async () => {
    const o = await office();
    const token = await tokenOf(o.secretariat);
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    const ten = Array.from({ length: 10 }, (_, i) => i);
    const made = await Promise.all(ten.map((i) => callApi({ method: "POST", path: "/meetings/{id}/decisions", params: { id: m.id }, token, body: { text: `Keputusan ${i}` } })));
    expect(made.map((r) => r.status)).toEqual(ten.map(() => 201));
    expect(made.map((r) => r.json!.number).sort((a, b) => Number(a) - Number(b))).toEqual(ten.map((i) => i + 1));

    const items = await Promise.all(ten.map((i) => callApi({ method: "POST", path: "/meetings/{id}/agenda-items", params: { id: m.id }, token, body: { title: `Acara ${i}`, durationMinutes: 10 } })));
    expect(items.map((r) => r.status)).toEqual(ten.map(() => 201));
    const positions = (await db.select({ p: agendaItems.position }).from(agendaItems).where(eq(agendaItems.meetingId, m.id))).map((r) => r.p).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 13 }, (_, i) => i + 1)); // 3 from publishedMeeting + 10

    const said = await Promise.all(ten.map((i) => callApi({ method: "POST", path: "/meetings/{id}/speakers", params: { id: m.id }, token, body: { name: `Narasumber ${i}`, role: "resource_person" } })));
    expect(said.map((r) => r.status)).toEqual(ten.map(() => 201));
    const orders = (await db.select({ o: speakers.sortOrder }).from(speakers).where(eq(speakers.meetingId, m.id))).map((r) => r.o);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it("keeps agenda positions unique in the database", async () => {
    const o = await office();
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    const [first] = await db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.position, 1)));
    await expect(db.insert(agendaItems).values({ meetingId: m.id, position: 1, title: "Dobel", durationMinutes: 5 })).rejects.toThrow();
    expect(first).toBeDefined();
  });
});

describe("6. bad input is a 4xx, never a 500, and never stored", { timeout: 120_000 }, () => {
  it("refuses NUL characters, huge versions, bad cursors, impossible dates and endless meetings", async () => {
    const o = await office();
    const token = await tokenOf(o.secretariat);
    const created = await callApi({ method: "POST", path: "/meetings", token, body: await meetingBody(o) });
    expect(created.status).toBe(201);
    const id = String(created.json!.id);
    const before = (await db.select({ n: count() }).from(meetings))[0]!.n;

    const cases: { call: Parameters<typeof callApi>[0]; status: number }[] = [
      { call: { method: "POST", path: "/meetings", token, body: await meetingBody(o, { title: "Rakor\u0000" }) }, status: 422 },
      { call: { method: "POST", path: "/meetings", token, body: await meetingBody(o, { description: "a\u0000b" }) }, status: 422 },
      { call: { method: "GET", path: "/meetings", token, query: "q=a%00b" }, status: 422 },
      { call: { method: "PATCH", path: "/meetings/{id}", params: { id }, token, body: { topic: "x", version: 2 ** 31 } }, status: 422 },
      { call: { method: "PATCH", path: "/meetings/{id}", params: { id }, token, body: { topic: "x" }, headers: { "if-match": '"2147483648"' } }, status: 422 },
      { call: { method: "GET", path: "/meetings", token, query: `cursor=${Buffer.from(JSON.stringify({ o: 1e15 })).toString("base64url")}` }, status: 400 },
      { call: { method: "GET", path: "/meetings", token, query: "cursor=%%%" }, status: 400 },
      { call: { method: "GET", path: "/action-items", token, query: `cursor=${Buffer.from(JSON.stringify({ o: -5 })).toString("base64url")}` }, status: 400 },
      { call: { method: "POST", path: "/tokens", token, body: { name: "x", expiresAt: "275760-09-13T00:00:00Z" } }, status: 422 },
      { call: { method: "POST", path: "/tokens", token, body: { name: "x", expiresAt: "0000-01-01" } }, status: 422 },
      { call: { method: "POST", path: "/meetings", token, body: await meetingBody(o, { startsAt: "2027-02-30T25:61:00+07:00" }) }, status: 422 },
      { call: { method: "POST", path: "/meetings", token, body: await meetingBody(o, { startsAt: "0000-01-01T09:00:00+07:00", endsAt: "0000-01-01T10:00:00+07:00" }) }, status: 422 },
      { call: { method: "POST", path: "/meetings", token, body: await meetingBody(o, { startsAt: isoIn(40, 9), endsAt: isoIn(40 + 8, 9) }) }, status: 422 },
      { call: { method: "POST", path: "/meetings", token, body: await meetingBody(o, { startsAt: "2030-01-01T09:00:00+07:00", endsAt: "2162-01-01T09:00:00+07:00" }) }, status: 422 },
    ];
    for (const c of cases) {
      const r = await callApi(c.call);
      expect.soft(r.status, `${c.call.method} ${c.call.path} ${c.call.query ?? JSON.stringify(c.call.body ?? c.call.headers)}`).toBe(c.status);
      expect.soft(r.contentType).toContain("application/problem+json");
    }
    expect((await db.select({ n: count() }).from(meetings))[0]!.n).toBe(before);
    const eightDays = await callApi(cases[12]!.call);
    expect(JSON.stringify(eightDays.json)).toContain("at most 7 days");
  });

  it("answers a server action that hits a database range error with a 4xx message, not a 500", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const local = (d: Date) => instantToZonedLocal(d, "Asia/Jakarta");
    const input = { title: m.title, kind: "rakor", startsAt: local(m.startsAt), endsAt: local(m.endsAt), timeZone: "Asia/Jakarta", location: m.location, organizerUnitId: o.division.id, acknowledgeConflicts: "on" };
    // A bound version argument the browser can change: 2^31 does not fit PostgreSQL's integer.
    const result = await runAction(() => updateMeeting(o.secretariat, m.id, 2 ** 31, input));
    expect(result).toMatchObject({ ok: false, status: 422 });
    const nul = await runAction(() => createMeeting(o.secretariat, { ...input, title: "Rakor\u0000" }));
    expect(nul).toMatchObject({ ok: false, status: 422, fieldErrors: { title: ["errors.controlChars"] } });
  });
});

describe("8. ids the caller may not use", { timeout: 120_000 }, () => {
  it("answers 404 for another unit's invitation instead of answering the caller's own", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const [mine, theirs] = await Promise.all([o.unitA.id, o.unitB.id].map(async (u) => (await db.select().from(invitations).where(and(eq(invitations.meetingId, m.id), eq(invitations.workUnitId, u))))[0]!));
    const token = await tokenOf(o.participantA);
    const r = await callApi({ method: "PATCH", path: "/invitations/{id}", params: { id: theirs.id }, token, body: { response: "declined", reason: "Bentrok", version: theirs.version } });
    expect(r.status).toBe(404);
    const now = (await db.select().from(invitations).where(eq(invitations.id, mine.id)))[0]!;
    expect(now.response).toBe("pending");
    expect(now.version).toBe(mine.version);
    const ok = await callApi({ method: "PATCH", path: "/invitations/{id}", params: { id: mine.id }, token, body: { response: "declined", reason: "Bentrok", version: mine.version } });
    expect(ok.status).toBe(200);
  });

  it("refuses a follow-up step that names a meeting the user cannot see", async () => {
    const o = await office();
    const other = await office();
    const hidden = await publishedMeeting(other, { units: [other.unitA.id] });
    const item = await insertItem({ workUnitId: o.unitA.id });
    const error = await transitionActionItem(o.participantA, item.id, item.version, { to: "in_progress", meetingId: hidden.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.meetingId).toBeDefined();
    expect((await db.select({ n: count() }).from(actionItemUpdates).where(eq(actionItemUpdates.actionItemId, item.id)))[0]!.n).toBe(0);
  });
});

describe("9. CSRF check of API calls made with a session", { timeout: 120_000 }, () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it("compares Origin with APP_URL or the Host, never with X-Forwarded-Host, and refuses a null or malformed Origin", () => {
    expect(sameOrigin(h({ origin: "http://evil.example", "x-forwarded-host": "evil.example", host: "rakor.example" }), "")).toBe(false);
    expect(sameOrigin(h({ origin: "http://rakor.example", host: "rakor.example" }), "")).toBe(true);
    expect(sameOrigin(h({ origin: "null", host: "rakor.example" }), "")).toBe(false);
    expect(sameOrigin(h({ origin: "http://[::1", host: "rakor.example" }), "")).toBe(false);
    expect(sameOrigin(h({ host: "rakor.example" }), "")).toBe(false);
    expect(sameOrigin(h({ origin: "https://rakor.example.go.id", host: "10.0.0.5:3000" }), "https://rakor.example.go.id")).toBe(true);
    expect(sameOrigin(h({ origin: "http://rakor.example.go.id", host: "rakor.example.go.id" }), "https://rakor.example.go.id")).toBe(false);
  });
});

describe("10. uploads", { timeout: 120_000 }, () => {
  it("refuses a document whose parts expand far beyond its size, and strips bidi controls from stored names", async () => {
    const { deflateRawSync } = await import("node:zlib");
    const o = await office();
    const item = await insertItem({ workUnitId: o.unitA.id, status: "in_progress" });
    const size = 120 * 1024 * 1024;
    const bomb = makeDocx({ "word/media/zeros.bin": { deflated: new Uint8Array(deflateRawSync(Buffer.alloc(size), { level: 9 })), size } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(uploadEvidence(o.participantA, item.id, { name: "bom.docx", bytes: bomb })).rejects.toMatchObject({ fieldErrors: { file: ["followUps.errors.fileExpands"] } });
    // The same lie about the sizes does not help: the declared size is small, the real one is not.
    const liar = makeDocx({ "word/media/zeros.bin": { deflated: new Uint8Array(deflateRawSync(Buffer.alloc(size), { level: 9 })), size: 10 } });
    await expect(uploadEvidence(o.participantA, item.id, { name: "bom.docx", bytes: liar })).rejects.toBeInstanceOf(ValidationError);
    expect((await db.select({ n: count() }).from(evidenceFiles).where(eq(evidenceFiles.actionItemId, item.id)))[0]!.n).toBe(0);

    const stored = await uploadEvidence(o.participantA, item.id, { name: "laporan\u202Efdp.exe.docx", bytes: makeDocx() });
    expect(stored.fileName).toBe("laporanfdp.exe.docx");
    expect(attachmentDisposition("a\r\nSet-Cookie: x\u202e.pdf")).not.toMatch(/[\r\n\u202e]/);
  });

  it("keeps the sandbox CSP on downloads and refuses too-large bodies with 413 before reading them", async () => {
    const cookie = { cookie: "authjs.session-token=x" };
    const download = await proxy(new NextRequest("http://rakor.test/follow-ups/evidence/5f0c5c54-7a55-4f42-9a59-6a4c8a4e3b1a", { headers: cookie }));
    expect(download.headers.get("content-security-policy")).toContain("sandbox");
    const page = await proxy(new NextRequest("http://rakor.test/follow-ups", { headers: cookie }));
    expect(page.headers.get("content-security-policy")).toContain("nonce-");
    const upload = await proxy(new NextRequest("http://rakor.test/follow-ups/abc", { method: "POST", headers: { ...cookie, "content-length": String(11 * 1024 * 1024 + 1) } }));
    expect(upload.status).toBe(413);
    expect(await upload.text()).toContain("10 MB");
    const api = await proxy(new NextRequest("http://rakor.test/api/v1/meetings", { method: "POST", headers: { "content-length": "2000000" } }));
    expect(api.status).toBe(413);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("11. headers and limits", { timeout: 120_000 }, () => {
  it("sends HSTS when APP_URL is https, and no-store on API JSON and problems", async () => {
    const before = process.env.APP_URL;
    try {
      process.env.APP_URL = "https://rakor.example.go.id";
      expect((await proxy(new NextRequest("http://rakor.test/login"))).headers.get("strict-transport-security")).toContain("max-age=");
      process.env.APP_URL = "http://rakor.local";
      expect((await proxy(new NextRequest("http://rakor.test/login"))).headers.get("strict-transport-security")).toBeNull();
    } finally {
      if (before === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = before;
    }
    const o = await office();
    const token = await tokenOf(o.participantA);
    const ok = await callApi({ method: "GET", path: "/me", token });
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const bad = await callApi({ method: "GET", path: "/meetings/{id}", params: { id: "nope" }, token });
    expect(bad.status).toBe(404);
    expect(bad.headers.get("cache-control")).toBe("no-store");
  });

  it("limits API calls made with a session per user, in the database", async () => {
    const user = await makeUser("participant", (await makeDivision()).unitA.id);
    const now = new Date("2031-01-01T00:00:05Z");
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await hitUserRateLimit(user.id, now, 2)).limited);
    expect(results).toEqual([false, false, true]);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from api_user_rate_windows where user_id = ${user.id}`);
    expect(n).toBe(1);
  });
});

describe("decisions keep their numbers gapless under deletion", { timeout: 120_000 }, () => {
  it("still renumbers after the row lock", async () => {
    const o = await office();
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    const token = await tokenOf(o.secretariat);
    for (let i = 0; i < 3; i++) await callApi({ method: "POST", path: "/meetings/{id}/decisions", params: { id: m.id }, token, body: { text: `K${i}` } });
    const { deleteDecision } = await import("@/lib/meetings/minutes");
    const [second] = await db.select().from(decisions).where(and(eq(decisions.meetingId, m.id), eq(decisions.number, 2)));
    await deleteDecision(o.secretariat, second!.id, second!.version);
    const numbers = (await db.select({ n: decisions.number }).from(decisions).where(eq(decisions.meetingId, m.id))).map((r) => r.n).sort();
    expect(numbers).toEqual([1, 2]);
  });
});
