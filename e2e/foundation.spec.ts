import { expect, test } from "@playwright/test";
import { ACCOUNTS, formError, mainNavLinks, sessionPage, signIn, submitSignIn, useSession } from "./helpers";

// Through the form, with no stored session: in the "first" project, beside e2e/auth.setup.ts (playwright.config.ts).
test.describe("signing in", { tag: "@first" }, () => {
  test("each role signs in and sees its own navigation", async ({ browser }) => {
    // Five sign-ins one after another: more than one test's minute on a loaded machine.
    test.setTimeout(180_000);
    const expected: [string, string[]][] = [
      [ACCOUNTS.admin, ["Rapat", "Tindak Lanjut", "Dasbor", "Unit Kerja", "Pengguna", "Impor Pegawai", "Kategori", "Kantor & Ruang", "Kotak Keluar"]],
      [ACCOUNTS.secretariat, ["Rapat", "Tindak Lanjut", "Dasbor"]],
      [ACCOUNTS.head, ["Dasbor", "Rapat", "Tindak Lanjut"]],
      [ACCOUNTS.malang, ["Agenda Saya", "Rapat", "Tindak Lanjut Unit Saya"]],
      [ACCOUNTS.blitar, ["Agenda Saya", "Rapat", "Tindak Lanjut Unit Saya"]],
    ];
    for (const [email, nav] of expected) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, email);
      expect(await mainNavLinks(page)).toEqual(nav);
      await context.close();
    }
  });

  test("a user signs in with their NIP instead of their email", async ({ page }) => {
    // The secretariat's demo NIP (db/seed.ts: nipFor(1)).
    await signIn(page, "197102022002052002");
    await expect(page.getByText("Dewi Lestari")).toBeVisible();
  });

  test("a wrong password shows an error and keeps the visitor signed out", async ({ page }) => {
    await page.goto("/login");
    await submitSignIn(page, ACCOUNTS.blitar, "salah-sekali");
    await expect(formError(page)).toHaveText("Email/NIP atau kata sandi salah.");
    await page.goto("/meetings");
    await expect(page).toHaveURL(/\/login/);
  });

  test("repeated failed sign-ins are throttled, even with the right password", async ({ page, request }) => {
    const victim = "kakanim.pmk@rakor.test";
    await page.goto("/login");
    for (let i = 0; i < 4; i++) {
      await submitSignIn(page, victim, `salah-${i}`);
      await expect(formError(page)).toHaveText("Email/NIP atau kata sandi salah.");
    }
    // The fifth failure from this address (lib/auth/throttle.ts PAIR_FREE) starts the growing
    // delays: from now on even the right password is refused here (from another address it is not).
    await submitSignIn(page, victim, "salah-4");
    await expect(formError(page)).toContainText("Terlalu banyak percobaan masuk yang gagal.");
    await submitSignIn(page, victim, "rakor-demo");
    await expect(formError(page)).toContainText(/Terlalu banyak percobaan masuk yang gagal\. Coba lagi dalam \d+ menit\./);

    // The auth endpoint itself answers 429.
    const csrf = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { identifier: victim, password: "rakor-demo", csrfToken: csrf.csrfToken },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(429);
    expect(response.headers()["retry-after"]).toMatch(/^\d+$/);
  });
});

test.describe("refusals", () => {
  test("a signed-out visitor is sent to sign-in and the API answers 401 JSON", async ({ page, request }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
    const response = await request.get("/api/v1/me");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect((await response.json()).status).toBe(401);
  });

  test("a participant opening an admin page is refused", async ({ page }) => {
    await useSession(page, ACCOUNTS.malang);
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  });

  test("every page carries the security headers", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });
});

test.describe("the seeded office", () => {
  test("the article's rakor shows in Bahasa Indonesia with its date and WIB", async ({ page }) => {
    await useSession(page, ACCOUNTS.malang);
    await page.goto("/meetings");
    const card = page.locator("li, tr").filter({ hasText: "Rakor Peningkatan Pelayanan Publik" }).first();
    await expect(card).toContainText("Jumat, 9 November 2018, 09.00–12.00 WIB");
    await expect(card).toContainText("Aula Kanwil Kemenkumham Jatim");
  });

  test("the interface switches to English", async ({ page }) => {
    await useSession(page, ACCOUNTS.head);
    await page.goto("/");
    await page.getByRole("button", { name: /Bahasa: English/ }).click();
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
    await page.goto("/meetings");
    await expect(page.getByText("Friday, 9 November 2018, 09:00–12:00 WIB")).toBeVisible();
  });

  test("an admin creates a user who can then sign in, and deactivating ends their session", async ({ browser }) => {
    const admin = await sessionPage(browser, ACCOUNTS.admin);
    const adminContext = admin.context();
    await admin.goto("/admin/users/new");
    const email = `baru.${Date.now()}@rakor.test`;
    await admin.getByRole("button", { name: "Simpan" }).click();
    await expect(admin.getByText("Wajib diisi.").first()).toBeVisible();
    await admin.getByLabel("Nama").fill("Pegawai Baru");
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("NIP").fill("12345");
    await admin.getByLabel("Unit kerja").selectOption({ label: "— — Kantor Imigrasi Kelas II Non TPI Kediri" });
    await admin.getByLabel("Kata sandi").fill("sandi-rahasia-1");
    await admin.getByRole("button", { name: "Simpan" }).click();
    await expect(admin.getByText("NIP harus 18 digit angka.")).toBeVisible();
    await admin.getByLabel("NIP").fill("199001012015031001");
    await admin.getByRole("button", { name: "Simpan" }).click();
    await expect(admin).toHaveURL(/\/admin\/users$/);

    const userContext = await browser.newContext();
    const user = await userContext.newPage();
    await signIn(user, "199001012015031001", "sandi-rahasia-1");
    await expect(user.getByText("Pegawai Baru")).toBeVisible();

    await admin.getByLabel("Nama, email atau NIP").fill(email);
    await admin.getByRole("button", { name: "Terapkan filter" }).click();
    await admin.getByRole("link", { name: "Pegawai Baru" }).click();
    await admin.getByRole("button", { name: "Nonaktifkan" }).click();
    await expect(admin.getByText("Pengguna tersimpan.")).toBeVisible();

    await user.goto("/meetings");
    await expect(user).toHaveURL(/\/login/);
    await adminContext.close();
    await userContext.close();
  });
});
