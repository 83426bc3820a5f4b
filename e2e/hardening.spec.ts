import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, formError, sessionPage, signIn, submitSignIn, useSession } from "./helpers";

/**
 * The findings of the outside security test that need the real server: sign-out on the server,
 * the self-service password change, the CSRF check, URLs that cannot be decoded, upload limits,
 * the download sandbox and the health check. (The rest is in tests/hardening.test.ts and the
 * fuzz and outage tests.)
 */
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/** A fresh account of our own (an admin creates it), so signing out or changing its password disturbs no other test. */
async function newAccount(browser: Browser, password = "sandi-awal-123") {
  const admin = await sessionPage(browser, ACCOUNTS.admin);
  const context = admin.context();
  await admin.goto("/admin/users/new");
  const email = `keras.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@rakor.test`;
  await admin.getByLabel("Nama").fill("Pegawai Uji Keamanan");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Unit kerja").selectOption({ label: "— — Kantor Imigrasi Kelas II Non TPI Kediri" });
  await admin.getByLabel("Kata sandi").fill(password);
  await admin.getByRole("button", { name: "Simpan" }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await context.close();
  return { email, password };
}

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

test.describe("sessions that really end", () => {
  test("after signing out, a copy of the old cookie opens neither the API nor a page", async ({ browser }) => {
    test.setTimeout(120_000);
    const { email, password } = await newAccount(browser);
    const page = await signedIn(browser, email, password);
    const stolen = await page.context().storageState();
    expect((await page.request.get("/api/v1/me")).status()).toBe(200);

    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/login/);

    const replay = await browser.newContext({ storageState: stolen });
    const me = await replay.request.get("/api/v1/me");
    expect(me.status()).toBe(401);
    expect(me.headers()["content-type"]).toContain("application/problem+json");
    const again = await replay.newPage();
    await again.goto("/meetings");
    await expect(again).toHaveURL(/\/login/);
    await replay.close();
  });

  test("a user changes their password on the profile page: other sessions and API tokens end, this one stays", async ({ browser }) => {
    test.setTimeout(150_000);
    const { email, password } = await newAccount(browser);
    const here = await signedIn(browser, email, password);
    const elsewhere = await signedIn(browser, email, password);
    const created = await here.request.post("/api/v1/tokens", { data: { name: "skrip" }, headers: { Origin: baseURL } });
    expect(created.status()).toBe(201);
    const token = (await created.json()).token as string;

    await here.goto("/profile");
    const form = here.locator("form", { has: here.getByRole("heading", { name: "Ganti kata sandi" }) });
    await form.getByLabel("Kata sandi saat ini").fill("bukan-ini-123");
    await form.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-baru-456");
    await form.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-456");
    await form.getByRole("button", { name: "Ganti kata sandi" }).click();
    await expect(form.getByText("Kata sandi saat ini salah.")).toBeVisible();

    await form.getByLabel("Kata sandi saat ini").fill(password);
    await form.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-baru-456");
    await form.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-456");
    await form.getByRole("button", { name: "Ganti kata sandi" }).click();
    await expect(form.getByText("Kata sandi diganti.", { exact: false })).toBeVisible();
    await here.reload();
    await expect(here.getByRole("heading", { name: "Ganti kata sandi" })).toBeVisible();

    // This browser stays signed in; the other one and the token are out.
    await here.goto("/meetings");
    await expect(here).toHaveURL(/\/meetings/);
    await elsewhere.goto("/meetings");
    await expect(elsewhere).toHaveURL(/\/login/);
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    expect((await api.get("/api/v1/me")).status()).toBe(401);
    await api.dispose();

    // The old password no longer signs in; the new one does.
    await elsewhere.goto("/login");
    await submitSignIn(elsewhere, email, password);
    await expect(formError(elsewhere)).toHaveText("Email/NIP atau kata sandi salah.");
    await signIn(elsewhere, email, "sandi-baru-456");
  });
});

test.describe("requests the API refuses without a 500", () => {
  test("a session's unsafe call must carry this site's Origin: a forged X-Forwarded-Host, Origin null or a malformed Origin are 403", async ({ page }) => {
    await useSession(page, ACCOUNTS.blitar);
    const post = (headers: Record<string, string>) => page.request.post("/api/v1/tokens", { data: { name: "csrf" }, headers });
    const forged: Record<string, string>[] = [{ Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" }, { Origin: "null" }, { Origin: "http://[::1" }, { Origin: "evil" }];
    for (const headers of forged) {
      const response = await post(headers);
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
    }
    expect((await post({ Origin: baseURL })).status()).toBe(201);
  });

  test("an undecodable path, a NUL in a search and a foreign cursor are 4xx problem+json; API JSON is never cached", async ({ page }) => {
    await useSession(page, ACCOUNTS.secretariat);
    for (const [url, status] of [
      ["/api/v1/meetings/%zz", 404],
      ["/api/v1/meetings/%zz/speakers", 404],
      ["/api/v1/meetings?q=a%00b", 422],
      ["/api/v1/meetings?cursor=eyJvIjoxZTE1fQ", 400],
      ["/api/v1/action-items?limit=1e9", 422],
    ] as const) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(status);
      expect(response.headers()["content-type"], url).toContain("application/problem+json");
      expect(response.headers()["cache-control"], url).toBe("no-store");
    }
    const me = await page.request.get("/api/v1/me");
    expect(me.headers()["cache-control"]).toBe("no-store");
  });

  test("the load balancer's health check reports the database separately", async ({ request }) => {
    const live = await request.get("/api/health");
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await request.get("/api/health?db=1");
    expect(ready.status()).toBe(200);
    expect((await ready.json()).checks.database.status).toBe("ok");
  });
});

test.describe("uploads", () => {
  test("an 11 MB file is refused with a clear message before it is sent; a normal one is downloaded sandboxed", async ({ browser }) => {
    test.setTimeout(120_000);
    // A follow-up of Malang, started through the API.
    const secretariat = await sessionPage(browser, ACCOUNTS.secretariat);
    const units = (await (await secretariat.request.get("/api/v1/work-units")).json()).items as { id: string; name: string }[];
    const categories = (await (await secretariat.request.get("/api/v1/categories")).json()).items as { id: string }[];
    const malangUnit = units.find((u) => u.name === "Kantor Imigrasi Kelas I TPI Malang")!;
    const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const created = await secretariat.request.post("/api/v1/action-items", {
      data: { title: `Uji unggah ${Date.now().toString(36)}`, categoryId: categories[0]!.id, workUnitId: malangUnit.id, dueDate: due },
      headers: { Origin: baseURL },
    });
    expect(created.status()).toBe(201);
    const item = await created.json();
    const malang = await sessionPage(browser, ACCOUNTS.malang);
    const started = await malang.request.post(`/api/v1/action-items/${item.id}/updates`, { data: { to: "in_progress", note: "Mulai", version: item.version }, headers: { Origin: baseURL } });
    expect(started.status()).toBe(201);

    await malang.goto(`/follow-ups/${item.id}`);
    await malang.locator("[data-hydrated]").first().waitFor({ state: "attached" });
    const report = malang.locator("details", { has: malang.locator("summary", { hasText: "Laporkan selesai" }) });
    await report.locator("summary").click();
    await report.getByLabel("Catatan", { exact: true }).fill("Laporan dengan lampiran besar.");
    const big = { name: "pindaian.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024, 0x20)]) };
    await report.getByLabel("Berkas bukti dukung").setInputFiles(big);
    let posted = 0;
    malang.on("request", (r) => {
      if (r.method() === "POST") posted++;
    });
    await report.getByRole("button", { name: "Laporkan selesai" }).click();
    await expect(report.getByText("Berkas lebih dari 10 MB.")).toBeVisible();
    expect(posted).toBe(0);

    // Sent anyway (without the page's check): 413 with a message, not a 500.
    const direct = await malang.request.post(`/follow-ups/${item.id}`, {
      multipart: { file: big, note: "x" },
      headers: { Origin: baseURL, "Next-Action": "0".repeat(40) },
    });
    expect(direct.status()).toBe(413);
    expect(await direct.text()).toContain("10 MB");

    // A normal file goes through; its download is an attachment with a sandbox CSP.
    const small = { name: "laporan\u202Efdp.exe", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n") };
    await report.getByLabel("Catatan", { exact: true }).fill("Laporan dengan lampiran kecil.");
    await report.getByLabel("Berkas bukti dukung").setInputFiles(small);
    await report.getByRole("button", { name: "Laporkan selesai" }).click();
    const link = malang.getByRole("link", { name: /^Unduh laporanfdp\.exe\.pdf$/ });
    await expect(link).toBeVisible();
    const download = await malang.request.get((await link.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-security-policy"]).toContain("sandbox");
    expect(download.headers()["content-disposition"]).toContain("attachment");
    expect(download.headers()["content-disposition"]).not.toContain("\u202E");
  });
});
