import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ACCOUNTS, authFile, type Account } from "./helpers";
import { OpenApiValidator } from "./openapi-validate";

/**
 * The JSON API, driven over HTTP against the running server: the whole story from scheduling to
 * a verified follow-up, and the refusals.
 */
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/** Every response of this file is checked against the served OpenAPI document (ajv, 2020-12). */
let validator: OpenApiValidator;

async function tokenFor(browser: import("@playwright/test").Browser, email: Account): Promise<APIRequestContext> {
  // The session a browser gets from the sign-in form (e2e/auth.setup.ts).
  const context = await browser.newContext({ storageState: authFile(email) });
  const session = validator.wrap(context.request);
  // With a session, an unsafe method needs a same-origin Origin header.
  const refused = await session.post("/api/v1/tokens", { data: { name: "no origin" } });
  expect(refused.status()).toBe(403);
  const created = await session.post("/api/v1/tokens", { data: { name: `e2e ${email}` }, headers: { Origin: baseURL } });
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  expect(token).toMatch(/^rk_/);
  await context.close();
  return validator.wrap(await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } }));
}

const anonymousContext = async (headers: Record<string, string> = {}) => validator.wrap(await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: headers }));

const isoInDays = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00:00+07:00`;
};

test.describe.configure({ mode: "serial" });

test.describe("the JSON API", () => {
  let secretariat: APIRequestContext;
  let head: APIRequestContext;
  let malang: APIRequestContext;
  let blitar: APIRequestContext;
  let units: { id: string; code: string }[];

  test.beforeAll(async ({ browser }) => {
    validator = await OpenApiValidator.load(await playwrightRequest.newContext({ baseURL }));
    [secretariat, head, malang, blitar] = await Promise.all([
      tokenFor(browser, ACCOUNTS.secretariat),
      tokenFor(browser, ACCOUNTS.head),
      tokenFor(browser, ACCOUNTS.malang),
      tokenFor(browser, ACCOUNTS.blitar),
    ]);
    units = (await (await secretariat.get("/api/v1/work-units")).json()).items;
  });

  const unit = (code: string) => units.find((u) => u.code === code)!.id;

  test("no credentials or a bad token answer 401 problem+json with WWW-Authenticate", async () => {
    const anonymous = await anonymousContext();
    const response = await anonymous.get("/api/v1/meetings");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
    const bad = await anonymousContext({ Authorization: "Bearer rk_nope" });
    expect((await bad.get("/api/v1/me")).status()).toBe(401);
    expect((await anonymous.get(`/api/v1/meetings/00000000-0000-4000-8000-000000000000/documents/ics`)).status()).toBe(401);
  });

  test("an unknown path is a problem+json 404, another method a 405 with Allow, JSON is never cached", async () => {
    for (const path of ["/api/v1/nope/nothing", "/api/v1/meetings/00000000-0000-4000-8000-000000000000/nothing", "/api/v1"]) {
      const unknown = await secretariat.get(path);
      expect(unknown.status(), path).toBe(404);
      expect(unknown.headers()["content-type"], path).toContain("application/problem+json");
    }
    const wrong = await secretariat.delete("/api/v1/meetings");
    expect(wrong.status()).toBe(405);
    expect(wrong.headers()["allow"]).toBe("GET, HEAD, POST, OPTIONS");
    expect(wrong.headers()["content-type"]).toContain("application/problem+json");
    const me = await secretariat.get("/api/v1/me");
    expect(me.headers()["cache-control"]).toContain("no-store");
  });

  test("a meeting goes from scheduling to a verified follow-up over HTTP", async () => {
    const headMe = await (await head.get("/api/v1/me")).json();
    const malangMe = await (await malang.get("/api/v1/me")).json();

    // Schedule.
    const created = await secretariat.post("/api/v1/meetings", {
      data: {
        title: "Rakor API Pelayanan Publik",
        topic: "Uji API",
        kind: "rakor",
        startsAt: isoInDays(30, 9),
        endsAt: isoInDays(30, 12),
        timeZone: "Asia/Jakarta",
        location: `Ruang API ${Date.now()}`,
        organizerUnitId: unit("DIV-IMI"),
        chairUserId: headMe.id,
      },
    });
    expect(created.status()).toBe(201);
    const meeting = await created.json();
    expect(meeting).toMatchObject({ status: "draft", kind: "rakor", timeZone: "Asia/Jakarta", version: 1, roomId: null, room: null });
    expect(created.headers()["etag"]).toBe('W/"1"');
    expect(new Date(meeting.startsAt).toISOString()).toBe(new Date(isoInDays(30, 9)).toISOString());

    // Agenda and speakers.
    for (const [title, durationMinutes] of [["Pembukaan", 15], ["Paparan narasumber", 60]] as const) {
      expect((await secretariat.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { data: { title, durationMinutes } })).status()).toBe(201);
    }
    const agenda = await (await secretariat.get(`/api/v1/meetings/${meeting.id}/agenda-items`)).json();
    expect(agenda.items.map((i: { title: string }) => i.title)).toEqual(["Pembukaan", "Paparan narasumber"]);
    expect(new Date(agenda.items[1].startsAt).getTime() - new Date(agenda.items[0].startsAt).getTime()).toBe(15 * 60_000);
    expect(
      (await secretariat.post(`/api/v1/meetings/${meeting.id}/speakers`, {
        data: { role: "resource_person", name: "Agus Widiyarta", position: "Kepala Perwakilan", organization: "Ombudsman RI Perwakilan Jawa Timur" },
      })).status(),
    ).toBe(201);
    expect(
      (await secretariat.post(`/api/v1/meetings/${meeting.id}/speakers`, {
        data: { role: "opening_remarks", userId: headMe.id, onBehalfOf: "Kepala Kantor Wilayah" },
      })).status(),
    ).toBe(201);
    const speakers = await (await secretariat.get(`/api/v1/meetings/${meeting.id}/speakers`)).json();
    expect(speakers.items).toHaveLength(2);

    // Invite Malang; publish.
    const invited = await secretariat.post(`/api/v1/meetings/${meeting.id}/invitations`, { data: { workUnitId: unit("KANIM-MLG") } });
    expect(invited.status()).toBe(201);
    expect((await invited.json()).items).toHaveLength(1);
    // Every write of a versioned record names the version it edited: none → 428.
    expect((await secretariat.post(`/api/v1/meetings/${meeting.id}/transitions`, { data: { to: "scheduled" } })).status()).toBe(428);
    const etag = (await secretariat.get(`/api/v1/meetings/${meeting.id}`)).headers()["etag"]!;
    const published = await secretariat.post(`/api/v1/meetings/${meeting.id}/transitions`, { data: { to: "scheduled" }, headers: { "If-Match": etag } });
    expect(published.status()).toBe(200);
    expect((await published.json()).status).toBe("scheduled");

    // Visible to Malang, not to Blitar; a participant cannot schedule.
    expect((await malang.get(`/api/v1/meetings/${meeting.id}`)).status()).toBe(200);
    const hidden = await blitar.get(`/api/v1/meetings/${meeting.id}`);
    expect(hidden.status()).toBe(404);
    expect(hidden.headers()["content-type"]).toContain("application/problem+json");
    const attempt = { title: "Rakor liar", kind: "rakor", startsAt: meeting.startsAt, endsAt: meeting.endsAt, timeZone: "Asia/Jakarta", organizerUnitId: unit("KANIM-MLG") };
    expect((await malang.post("/api/v1/meetings", { data: attempt })).status()).toBe(403);

    // RSVP: represented by someone.
    const invitations = await (await malang.get(`/api/v1/meetings/${meeting.id}/invitations`)).json();
    const mine = invitations.items.find((i: { workUnitId: string }) => i.workUnitId === unit("KANIM-MLG"));
    expect(mine.response).toBe("pending");
    const rsvp = await malang.patch(`/api/v1/invitations/${mine.id}`, { data: { response: "represented", representedBy: "Kepala Seksi Lalu Lintas Keimigrasian", version: mine.version } });
    expect(rsvp.status()).toBe(200);
    expect((await rsvp.json()).response).toBe("represented");
    // A 422 names public fields: attending needs delegates.
    const noDelegates = await malang.patch(`/api/v1/invitations/${mine.id}`, { data: { response: "attending", delegates: [] }, headers: { "If-Match": rsvp.headers()["etag"]! } });
    expect(noDelegates.status()).toBe(422);
    expect((await noDelegates.json()).errors.map((e: { path: string }) => e.path)).toContain("delegates");
    const blitarRsvp = await blitar.patch(`/api/v1/invitations/${mine.id}`, { data: { response: "declined", reason: "x", version: mine.version } });
    expect(blitarRsvp.status()).toBe(404);

    // Attendance and its summary.
    expect((await secretariat.post(`/api/v1/meetings/${meeting.id}/attendances`, { data: { userId: malangMe.id, workUnitId: unit("KANIM-MLG"), status: "present" } })).status()).toBe(201);
    const guest = await secretariat.post(`/api/v1/meetings/${meeting.id}/attendances`, {
      data: { name: "Tamu Ombudsman", position: "Asisten", organization: "Ombudsman RI", status: "present" },
    });
    expect(guest.status()).toBe(201);
    expect((await guest.json()).name).toBe("Tamu Ombudsman");
    const nameless = await secretariat.post(`/api/v1/meetings/${meeting.id}/attendances`, { data: { status: "present" } });
    expect(nameless.status()).toBe(422);
    expect((await nameless.json()).errors.map((e: { path: string }) => e.path)).toContain("name");
    const summary = await (await secretariat.get(`/api/v1/meetings/${meeting.id}/attendance-summary`)).json();
    expect(summary.invitedUnits).toBe(1);
    expect(summary.answeredUnits).toBe(1);
    expect(summary.byStatus.present).toBe(2);

    // Minutes and a decision.
    const minutes = await secretariat.put(`/api/v1/meetings/${meeting.id}/minutes`, { data: { summary: "Ringkasan rapat uji API.", version: 0 } });
    expect(minutes.status()).toBe(200);
    const decision = await (await secretariat.post(`/api/v1/meetings/${meeting.id}/decisions`, { data: { text: "Kanim Malang memperbarui maklumat pelayanan." } })).json();
    expect(decision.number).toBe(1);

    // A follow-up for Malang from that decision, carried through verification.
    const categories = (await (await secretariat.get("/api/v1/categories")).json()).items;
    const item = await secretariat.post("/api/v1/action-items", {
      data: {
        meetingId: meeting.id,
        decisionId: decision.id,
        title: "Perbarui maklumat pelayanan",
        categoryId: categories[1].id,
        workUnitId: unit("KANIM-MLG"),
        picUserId: malangMe.id,
        dueDate: isoInDays(20, 9).slice(0, 10),
        priority: "high",
      },
    });
    expect(item.status()).toBe(201);
    const { id: itemId } = await item.json();
    expect((await blitar.get(`/api/v1/action-items/${itemId}`)).status()).toBe(404);
    // The plan: the division's head moves the due date and priority; the owner unit may not.
    const planEtag = (await head.get(`/api/v1/action-items/${itemId}`)).headers()["etag"]!;
    expect((await malang.patch(`/api/v1/action-items/${itemId}`, { data: { priority: "low" }, headers: { "If-Match": planEtag } })).status()).toBe(403);
    const planned = await head.patch(`/api/v1/action-items/${itemId}`, { data: { priority: "medium", dueDate: isoInDays(25, 9).slice(0, 10) }, headers: { "If-Match": planEtag } });
    expect(planned.status()).toBe(200);
    expect(await planned.json()).toMatchObject({ priority: "medium", status: "open", version: 2 });
    let version = 2;
    const step = async (api: APIRequestContext, data: Record<string, unknown>) => {
      const r = await api.post(`/api/v1/action-items/${itemId}/updates`, { data: { ...data, version } });
      if (r.ok()) version = (await r.json()).version;
      return r;
    };
    expect((await step(malang, { to: "in_progress", note: "Mulai." })).status()).toBe(201);
    const noEvidence = await step(malang, { to: "reported", note: "Selesai." });
    expect(noEvidence.status()).toBe(422);
    const reported = await step(malang, { to: "reported", note: "Selesai.", evidenceUrl: "https://malang.imigrasi.go.id/maklumat" });
    expect(reported.status()).toBe(201);
    // Verifying one's own follow-up is refused.
    expect((await step(malang, { to: "verified", note: "ok" })).status()).toBe(403);
    const verified = await step(head, { to: "verified", note: "Terverifikasi." });
    expect(verified.status()).toBe(201);
    expect((await verified.json()).status).toBe("verified");
    const timeline = await (await head.get(`/api/v1/action-items/${itemId}/updates`)).json();
    expect(timeline.items.map((u: { toStatus: string }) => u.toStatus)).toEqual(expect.arrayContaining(["in_progress", "reported", "verified"]));

    // The meeting's files, with a token, under the pages' rules.
    const ics = await malang.get(`/api/v1/meetings/${meeting.id}/documents/ics`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect((await malang.get(`/api/v1/meetings/${meeting.id}/documents/attendance`)).status()).toBe(403);
    expect((await blitar.get(`/api/v1/meetings/${meeting.id}/documents/ics`)).status()).toBe(404);
    const sheet = await secretariat.get(`/api/v1/meetings/${meeting.id}/documents/attendanceXlsx`);
    expect(sheet.status()).toBe(200);
    expect((await sheet.body()).subarray(0, 2).toString()).toBe("PK");

    const list = await (await head.get(`/api/v1/action-items?meetingId=${meeting.id}&limit=1`)).json();
    expect(list.items).toHaveLength(1);
    const dashboard = await (await head.get("/api/v1/dashboard/follow-ups")).json();
    expect(dashboard.units.find((u: { unitId: string }) => u.unitId === unit("KANIM-MLG")).verified).toBeGreaterThanOrEqual(1);

    // A stale PATCH is a 409 carrying the current meeting.
    const fresh = await (await secretariat.get(`/api/v1/meetings/${meeting.id}`)).json();
    expect((await secretariat.patch(`/api/v1/meetings/${meeting.id}`, { data: { topic: "Topik baru", version: fresh.version } })).status()).toBe(200);
    const stale = await secretariat.patch(`/api/v1/meetings/${meeting.id}`, { data: { topic: "Topik lama" }, headers: { "If-Match": `W/"${fresh.version}"` } });
    expect(stale.status()).toBe(412);
    const problem = await stale.json();
    expect(problem.current.topic).toBe("Topik baru");
    const staleBody = await secretariat.patch(`/api/v1/meetings/${meeting.id}`, { data: { topic: "Topik lama", version: fresh.version } });
    expect(staleBody.status()).toBe(409);
    expect((await staleBody.json()).current.version).toBe(fresh.version + 1);
  });

  test("twenty kinds of malformed body are refused with problem+json and store nothing", async () => {
    const marker = `Malformed ${Date.now()}`;
    const valid = {
      title: marker,
      kind: "rakor",
      startsAt: isoInDays(40, 9),
      endsAt: isoInDays(40, 10),
      timeZone: "Asia/Jakarta",
      organizerUnitId: unit("DIV-IMI"),
    };
    const cases: { name: string; body: string; contentType?: string; status?: number }[] = [
      { name: "invalid JSON", body: "{ not json", status: 400 },
      { name: "truncated JSON", body: '{"title":', status: 400 },
      { name: "array instead of object", body: JSON.stringify([valid]) },
      { name: "string instead of object", body: JSON.stringify("rakor") },
      { name: "null body", body: "null" },
      { name: "empty object", body: "{}" },
      { name: "missing title", body: JSON.stringify({ ...valid, title: undefined }) },
      { name: "empty title", body: JSON.stringify({ ...valid, title: "" }) },
      { name: "number as title", body: JSON.stringify({ ...valid, title: 42 }) },
      { name: "1 MB title", body: JSON.stringify({ ...valid, title: "x".repeat(1_000_001) }), status: 413 },
      { name: "10 kB title", body: JSON.stringify({ ...valid, title: "x".repeat(10_000) }) },
      { name: "unknown kind", body: JSON.stringify({ ...valid, kind: "party" }) },
      { name: "unknown time zone", body: JSON.stringify({ ...valid, timeZone: "Europe/Paris" }) },
      { name: "start without offset", body: JSON.stringify({ ...valid, startsAt: "2030-01-01 09:00" }) },
      { name: "end before start", body: JSON.stringify({ ...valid, endsAt: isoInDays(40, 8) }) },
      { name: "organizer not a uuid", body: JSON.stringify({ ...valid, organizerUnitId: "DIV-IMI" }) },
      { name: "unknown organizer unit", body: JSON.stringify({ ...valid, organizerUnitId: "00000000-0000-4000-8000-000000000000" }) },
      { name: "object as chair", body: JSON.stringify({ ...valid, chairUserId: { id: 1 } }) },
      { name: "unknown field", body: JSON.stringify({ ...valid, status: "completed" }) },
      { name: "wrong content type", body: JSON.stringify(valid), contentType: "text/plain", status: 415 },
      { name: "form-encoded body", body: "title=x", contentType: "application/x-www-form-urlencoded", status: 415 },
    ];
    for (const c of cases) {
      const response = await secretariat.post("/api/v1/meetings", { data: Buffer.from(c.body), headers: { "Content-Type": c.contentType ?? "application/json" } });
      expect(response.status(), c.name).toBeGreaterThanOrEqual(400);
      expect(response.status(), c.name).toBeLessThan(500);
      if (c.status) expect(response.status(), c.name).toBe(c.status);
      expect(response.headers()["content-type"], c.name).toContain("application/problem+json");
      const problem = await response.json();
      expect(problem.status, c.name).toBe(response.status());
      if (response.status() === 422) expect(problem.errors.length, c.name).toBeGreaterThan(0);
    }
    const stored = await (await secretariat.get(`/api/v1/meetings?q=${encodeURIComponent(marker)}`)).json();
    expect(stored.total).toBe(0);
    // Bad input on other resources too.
    expect((await secretariat.post("/api/v1/action-items", { data: { title: "x" } })).status()).toBe(422);
    expect((await secretariat.get("/api/v1/meetings?limit=1000")).status()).toBe(422);
    expect((await secretariat.get("/api/v1/meetings/not-a-uuid")).status()).toBe(404);
  });

  test("tokens are listed without their secret and a revoked token stops working", async ({ browser }) => {
    const api = await tokenFor(browser, ACCOUNTS.blitar);
    const list = await (await api.get("/api/v1/tokens")).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(list)).not.toContain("rk_");
    const me = list.items[0];
    expect((await api.delete(`/api/v1/tokens/${me.id}`)).status()).toBe(204);
    expect((await api.get("/api/v1/me")).status()).toBe(401);
  });

  test("a double booking is a 422 listing the conflicts; lists walk by cursor and refuse a foreign one", async () => {
    const marker = `Bentrok ${Date.now()}`;
    const body = { title: `Rakor ${marker} A`, kind: "rakor", startsAt: isoInDays(60, 9), endsAt: isoInDays(60, 11), timeZone: "Asia/Jakarta", location: `Ruang ${marker}`, organizerUnitId: unit("DIV-IMI") };
    const a = await secretariat.post("/api/v1/meetings", { data: body });
    expect(a.status()).toBe(201);
    const clash = await secretariat.post("/api/v1/meetings", { data: { ...body, title: `Rakor ${marker} B` } });
    expect(clash.status()).toBe(422);
    const problem = await clash.json();
    expect(problem.conflicts).toEqual([expect.objectContaining({ kind: "room", meetingId: (await a.json()).id, title: body.title })]);
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain("acknowledgeConflicts");
    expect((await secretariat.post("/api/v1/meetings", { data: { ...body, title: `Rakor ${marker} B`, acknowledgeConflicts: true } })).status()).toBe(201);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: APIResponse = await secretariat.get(`/api/v1/meetings?${new URLSearchParams({ q: marker, limit: "1", ...(cursor ? { cursor } : {}) })}`);
      expect(page.status()).toBe(200);
      const json: { items: { title: string }[]; nextCursor: string | null } = await page.json();
      seen.push(...json.items.map((m: { title: string }) => m.title));
      cursor = json.nextCursor;
    } while (cursor && seen.length < 5);
    expect(seen.sort()).toEqual([`Rakor ${marker} A`, `Rakor ${marker} B`]);
    const first = await (await secretariat.get(`/api/v1/meetings?${new URLSearchParams({ q: marker, limit: "1" })}`)).json();
    expect((await secretariat.get(`/api/v1/meetings?${new URLSearchParams({ q: "lain", limit: "1", cursor: first.nextCursor })}`)).status()).toBe(400);
    expect((await secretariat.get(`/api/v1/action-items?${new URLSearchParams({ cursor: first.nextCursor })}`)).status()).toBe(400);
    expect((await secretariat.get("/api/v1/tokens?cursor=sampah!")).status()).toBe(400);
  });

  test("every response above matched the OpenAPI document", async () => {
    console.log(`[api] ${validator.checked} responses checked against the document, ${validator.mismatches.length} mismatches`);
    expect(validator.mismatches).toEqual([]);
    expect(validator.checked).toBeGreaterThan(80);
  });
});
