import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./helpers";
import { OIDC_CLIENT, e2ePorts } from "./oidc-provider";

/**
 * Single sign-on against a real OpenID provider (oidc-provider, started by e2e/global-setup.ts;
 * the app server runs with SSO_* pointing at it). The login typed at the provider is the NIP it
 * vouches for.
 */
const randomNip = () => `1990${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

/**
 * A head of Divisi Keimigrasian with a NIP of our own (an admin, signed in through the form,
 * creates it), so signing out disturbs no other test and no stored session is needed.
 */
async function newHead(browser: Browser, nip: string) {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Nama").fill("Kepala Divisi Uji SSO");
  await admin.getByLabel("Email").fill(`sso.${nip}@rakor.test`);
  await admin.getByLabel("NIP").fill(nip);
  const unit = admin.getByLabel("Unit kerja");
  const value = await unit.locator("option", { hasText: /^[—\s]*Divisi Keimigrasian$/ }).first().getAttribute("value");
  await unit.selectOption(value!);
  await admin.getByLabel("Peran").selectOption({ label: "Kepala Divisi" });
  await admin.getByLabel("Kata sandi").fill("sandi-awal-123");
  await admin.getByRole("button", { name: "Simpan" }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await admin.context().close();
}

/** From Rakor's sign-in page through the provider's sign-in and consent forms, back to Rakor. */
async function signInWithSso(page: Page, nip: string) {
  await page.goto("/login");
  await expect(page.getByLabel("Kata sandi")).toBeVisible(); // the password form stays beside SSO
  await page.getByRole("button", { name: `Masuk dengan SSO ${OIDC_CLIENT.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${e2ePorts().oidc}/interaction/`));
  await page.locator('input[name="login"]').fill(nip);
  await page.locator('input[name="password"]').fill("apa-saja");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.port === String(e2ePorts().app));
}

// @first: these need no stored session (they run beside the setup project).
test.describe("single sign-on", { tag: "@first" }, () => {
  test("a known NIP signs in through SSO and lands on the dashboard as head; signing out ends the session", async ({ browser }) => {
    test.setTimeout(240_000);
    const nip = randomNip();
    await newHead(browser, nip);
    const page = await (await browser.newContext()).newPage();
    await signInWithSso(page, nip);

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.locator(".user-box")).toContainText("Kepala Divisi Uji SSO · Kepala Divisi · Divisi Keimigrasian");
    const me = await page.request.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: `sso.${nip}@rakor.test`, role: "head" });

    // Sign-out ends the Rakor session: a copy of the old cookie opens nothing.
    const stolen = await page.context().storageState();
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=sso$/);
    await expect(page.getByRole("status")).toContainText("Anda telah keluar dari Rakor.");
    const replay = await browser.newContext({ storageState: stolen });
    expect((await replay.request.get("/api/v1/me")).status()).toBe(401);
    await replay.close();

    // … and offers the provider's logout, which comes back to Rakor's sign-in page.
    const logout = page.getByRole("link", { name: `Keluar juga dari SSO ${OIDC_CLIENT.name}` });
    await expect(logout).toHaveAttribute("href", new RegExp(`^http://127\\.0\\.0\\.1:${e2ePorts().oidc}/session/end\\?`));
    await logout.click();
    await page.getByRole("button", { name: /Yes, sign me out/i }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.context().close();
  });

  test("an NIP without a Rakor account is refused with a message and stays signed out", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await (await browser.newContext()).newPage();
    await signInWithSso(page, randomNip());

    await expect(page).toHaveURL(/\/login\?error=SsoUnknown$/);
    await expect(page.locator(".alert-error")).toHaveText(/belum terdaftar sebagai akun aktif di Rakor/);
    expect((await page.request.get("/api/v1/me")).status()).toBe(401);
    await page.context().close();
  });
});
