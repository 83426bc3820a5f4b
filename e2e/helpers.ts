import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "rakor-demo";

export const ACCOUNTS = {
  admin: "admin@rakor.test",
  secretariat: "sekretariat@rakor.test",
  head: "kadiv.imigrasi@rakor.test",
  malang: "peserta.malang@rakor.test",
  blitar: "peserta.blitar@rakor.test",
} as const;

export type Account = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/** Where e2e/auth.setup.ts keeps each demo account's signed-in state (cookies). */
export const authFile = (account: Account) => path.join(process.cwd(), ".data", "e2e-auth", `${account}.json`);

/**
 * Starts `page` signed in as a demo account, from the session e2e/auth.setup.ts made through the
 * real form once per run (signing in itself is tested in foundation.spec.ts and hardening.spec.ts).
 * Unlike signIn(), it does not open a page: the test goes where it needs to.
 */
export async function useSession(page: Page, account: Account) {
  const { cookies } = JSON.parse(fs.readFileSync(authFile(account), "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
  await page.context().addCookies(cookies);
}

/** A new browser context (its own cookies), signed in as a demo account; returns its first page. */
export async function sessionPage(browser: Browser, account: Account, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ ...options, storageState: authFile(account) });
  return context.newPage();
}

/** Signs in through the real form and waits until the app shell is shown. */
export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/Email atau NIP|Email or NIP/).fill(identifier);
  await page.getByLabel(/Kata sandi|Password/).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
  // Signing in lands on "/", which redirects to the role's home page.
  await page.waitForURL((url) => url.pathname !== "/login" && url.pathname !== "/");
  await expect(page.getByRole("navigation", { name: /Navigasi utama|Main navigation/ })).toBeVisible();
}

export async function mainNavLinks(page: Page) {
  return page.getByRole("navigation", { name: /Navigasi utama|Main navigation/ }).getByRole("link").allTextContents();
}

/** Submits the sign-in form and waits for the server's answer. */
export async function submitSignIn(page: Page, identifier: string, password: string) {
  await page.getByLabel(/Email atau NIP|Email or NIP/).fill(identifier);
  await page.getByLabel(/Kata sandi|Password/).fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
    page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click(),
  ]);
}

/** The form-level error message (Next's route announcer also has role=alert, empty). */
export const formError = (page: Page) => page.locator(".alert-error");

/**
 * Chooses `text` in a search-as-you-type picker (a combobox): types it, then clicks the first
 * option that contains it. The listbox is found by the combobox's aria-controls.
 */
export async function pick(field: Locator, text: string, opts: { thenCleared?: boolean } = {}) {
  const [id, listId] = await Promise.all([field.getAttribute("id"), field.getAttribute("aria-controls")]);
  const page = field.page();
  const input = page.locator(`[id="${id}"]`);
  await input.fill(text);
  await page.locator(`[id="${listId}"]`).getByRole("option", { name: text }).first().click();
  // A picker that adds its choice to a list (invitations) starts empty again.
  if (!opts.thenCleared) await expect(input).toHaveValue(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
}

/**
 * axe for `page`, in axe's "legacy mode": axe runs in the page itself instead of gathering its
 * results in an extra blank page, which takes about half the time. The rules and results are the
 * same (compared on five pages: the same violations, incomplete, passes and inapplicable, node for
 * node); what legacy mode gives up is testing cross-origin frames, and the app has no frames.
 */
export const axeOf = (page: Page) => new AxeBuilder({ page }).setLegacyMode(true);
