import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, signIn } from "./helpers";

/**
 * The JSON API, driven over HTTP against the running server: the whole story from scheduling to
 * a verified follow-up, and the refusals.
 */
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

async function tokenFor(browser: import("@playwright/test").Browser, email: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  // With a session, an unsafe method needs a same-origin Origin header.
  const refused = await page.request.post("/api/v1/tokens", { data: { name: "no origin" } });
  expect(refused.status()).toBe(403);
  const created = await page.request.post("/api/v1/tokens", { data: { name: `e2e ${email}` }, headers: { Origin: baseURL } });
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  expect(token).toMatch(/^rk_/);
  await context.close();
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

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
    [secretariat, head, malang, blitar] = await Promise.all([
      tokenFor(browser, ACCOUNTS.secretariat),
      tokenFor(browser, ACCOUNTS.head),
      tokenFor(browser, ACCOUNTS.malang),
      tokenFor(browser, ACCOUNTS.blitar),
    ]);
    units = (await (await secretariat.get("/api/v1/work-units")).json()).items;
  });

  const unit = (code: string) => units.find((u) => u.code === code)!.id;

  test("no credentials or a bad token answer 401 problem+json", async () => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const response = await anonymous.get("/api/v1/meetings");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    const bad = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: "Bearer rk_nope" } });
    expect((await bad.get("/api/v1/me")).status()).toBe(401);
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
    expect(meeting).toMatchObject({ status: "draft", kind: "rakor", timeZone: "Asia/Jakarta", version: 1 });
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
    const published = await secretariat.post(`/api/v1/meetings/${meeting.id}/transitions`, { data: { to: "scheduled" } });
    expect(published.status()).toBe(201);
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
    const rsvp = await malang.patch(`/api/v1/invitations/${mine.id}`, { data: { response: "represented", representedBy: "Kepala Seksi Lalu Lintas Keimigrasian" } });
    expect(rsvp.status()).toBe(200);
    expect((await rsvp.json()).response).toBe("represented");
    const blitarRsvp = await blitar.patch(`/api/v1/invitations/${mine.id}`, { data: { response: "declined", reason: "x" } });
    expect(blitarRsvp.status()).toBe(404);

    // Attendance and its summary.
    expect((await secretariat.post(`/api/v1/meetings/${meeting.id}/attendances`, { data: { userId: malangMe.id, workUnitId: unit("KANIM-MLG"), status: "present" } })).status()).toBe(201);
    expect(
      (await secretariat.post(`/api/v1/meetings/${meeting.id}/attendances`, {
        data: { name: "Tamu Ombudsman", position: "Asisten", organization: "Ombudsman RI", status: "present" },
      })).status(),
    ).toBe(201);
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
    expect((await malang.post(`/api/v1/action-items/${itemId}/updates`, { data: { to: "in_progress", note: "Mulai." } })).status()).toBe(201);
    const noEvidence = await malang.post(`/api/v1/action-items/${itemId}/updates`, { data: { to: "reported", note: "Selesai." } });
    expect(noEvidence.status()).toBe(422);
    const reported = await malang.post(`/api/v1/action-items/${itemId}/updates`, { data: { to: "reported", note: "Selesai.", evidenceUrl: "https://malang.imigrasi.go.id/maklumat" } });
    expect(reported.status()).toBe(201);
    // Verifying one's own follow-up is refused.
    expect((await malang.post(`/api/v1/action-items/${itemId}/updates`, { data: { to: "verified", note: "ok" } })).status()).toBe(403);
    const verified = await head.post(`/api/v1/action-items/${itemId}/updates`, { data: { to: "verified", note: "Terverifikasi." } });
    expect(verified.status()).toBe(201);
    expect((await verified.json()).status).toBe("verified");
    const detail = await (await head.get(`/api/v1/action-items/${itemId}`)).json();
    expect(detail.updates.map((u: { toStatus: string }) => u.toStatus)).toEqual(expect.arrayContaining(["in_progress", "reported", "verified"]));

    const list = await (await head.get(`/api/v1/action-items?meetingId=${meeting.id}&limit=1`)).json();
    expect(list.items).toHaveLength(1);
    const dashboard = await (await head.get("/api/v1/dashboard/follow-ups")).json();
    expect(dashboard.units.find((u: { unitId: string }) => u.unitId === unit("KANIM-MLG")).verified).toBeGreaterThanOrEqual(1);

    // A stale PATCH is a 409 carrying the current meeting.
    const fresh = await (await secretariat.get(`/api/v1/meetings/${meeting.id}`)).json();
    expect((await secretariat.patch(`/api/v1/meetings/${meeting.id}`, { data: { topic: "Topik baru", version: fresh.version } })).status()).toBe(200);
    const stale = await secretariat.patch(`/api/v1/meetings/${meeting.id}`, { data: { topic: "Topik lama" }, headers: { "If-Match": `"${fresh.version}"` } });
    expect(stale.status()).toBe(409);
    const problem = await stale.json();
    expect(problem.current.topic).toBe("Topik baru");
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
});
