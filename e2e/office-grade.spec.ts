import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, axeOf, sessionPage, useSession, type Account } from "./helpers";
import { apiMeeting, tag, wib } from "./meeting-helpers";

/**
 * Issue 12 acceptance: every page, as each role, at 1280 and 360 px — no sideways scrolling and
 * no axe violations of any impact (WCAG 2.1 A/AA and axe's best practices: landmark-unique,
 * heading-order and the rest; issue 23) — in one browser context per role (two for the secretariat, whose
 * pages are split over two tests), looping over the pages.
 */

const TODAY = "Rakor Evaluasi Pelayanan Paspor Hari Ini";
const UPCOMING = "Rakor Tindak Lanjut Pelayanan Publik";
const ARTICLE = "Rakor Peningkatan Pelayanan Publik";
const TABS = ["", "?tab=invitations", "?tab=minutes", "?tab=follow-ups", "?tab=documents"];
/** What axe checks: WCAG 2.1 A/AA and its best practices (moderate ones included). */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
];

/** The id of a seeded meeting, found through the list as the user sees it. */
async function meetingId(page: Page, title: string) {
  await page.goto(`/meetings?q=${encodeURIComponent(title)}`);
  const href = await page.getByRole("link", { name: title, exact: true }).first().getAttribute("href");
  return href!.split("/").pop()!;
}

/** The first follow-up the user sees. */
async function followUpPath(page: Page) {
  await page.goto("/follow-ups");
  return (await page.locator(".fu-table a, .fu-cards a").first().getAttribute("href"))!;
}

/** gzip size of each script, fetched once per run (the chunks are shared between pages). */
const gzipOf = new Map<string, number>();

/**
 * First-load JavaScript of the page as shown (issue 24): every script it loaded — the document's
 * script tags and the chunks loaded after — counted at its gzip size, as a browser with an empty
 * cache downloads it. (The framework alone — React and Next's runtime, on every page — is 133 KiB.)
 */
async function firstLoadKb(page: Page): Promise<number> {
  const urls = await page.evaluate(() => [
    ...new Set([
      // A modern browser skips the nomodule polyfills.
      ...[...document.scripts].filter((s) => !s.noModule).map((s) => s.src).filter(Boolean),
      ...performance.getEntriesByType("resource").filter((e) => (e as PerformanceResourceTiming).initiatorType === "script").map((e) => e.name),
    ]),
  ]);
  const { gzipSync } = await import("node:zlib");
  let total = 0;
  for (const url of urls) {
    if (!gzipOf.has(url)) gzipOf.set(url, gzipSync(await (await page.request.get(url)).body()).byteLength);
    total += gzipOf.get(url)!;
  }
  return Math.round(total / 1024);
}

/**
 * Each page is loaded once: at 1280 px, then the same page at 360 px (resized, not reloaded).
 * Sideways scrolling and axe (every violation, whatever its impact) are checked at both widths.
 */
async function sweep(browser: Browser, account: Account, paths: (page: Page) => Promise<string[]>) {
  const page = await sessionPage(browser, account);
  const context = page.context();
  const started = Date.now();
  const list = await paths(page);
  const problems: string[] = [];
  let axeMs = 0;
  const axe = async (label: string) => {
    const t0 = Date.now();
    // Violations only: axe then skips collecting the details of everything that passed (faster).
    // `options` first: it replaces the options object, and `withTags` then adds the rule set to it.
    const result = await axeOf(page).options({ resultTypes: ["violations"] }).withTags(AXE_TAGS).analyze();
    for (const v of result.violations) problems.push(`${label}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    axeMs += Date.now() - t0;
  };
  const overflow = async (label: string) => {
    const px = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (px > 0) problems.push(`${label}: scrolls sideways by ${px} px`);
  };
  for (const path of list) {
    await page.setViewportSize(VIEWPORTS[0]!);
    const response = await page.goto(path);
    if ((response?.status() ?? 0) >= 400) problems.push(`${path}: HTTP ${response?.status()}`);
    console.log(`[first-load] ${account} ${path}: ${await firstLoadKb(page)} KiB gzip`);
    await overflow(`1280 ${path}`);
    await axe(`1280 ${path}`);
    await page.setViewportSize(VIEWPORTS[1]!);
    await page.waitForFunction(() => window.innerWidth === 360);
    await overflow(`360 ${path}`);
    await axe(`360 ${path}`);
  }
  await context.close();
  console.log(`[measure] ${account}: ${list.length} pages at 1280 and 360 px in ${Date.now() - started} ms, axe ${axeMs} ms`);
  return problems;
}

test.describe("every page, every role, desktop and phone", () => {
  test.describe.configure({ mode: "parallel", timeout: 300_000 });

  // The secretariat sees the most pages: two tests (two contexts), so the two workers can share them.
  test("the secretariat: the meetings", async ({ browser }) => {
    const problems = await sweep(browser, ACCOUNTS.secretariat, async (page) => {
      const [today, upcoming] = [await meetingId(page, TODAY), await meetingId(page, UPCOMING)];
      return ["/meetings", "/meetings?view=calendar", "/meetings/new", ...TABS.map((q) => `/meetings/${today}${q}`), `/meetings/${upcoming}`, `/meetings/${upcoming}/edit`];
    });
    expect(problems).toEqual([]);
  });

  test("the secretariat: agenda and minutes, documents, follow-ups, dashboard and the rest", async ({ browser }) => {
    const problems = await sweep(browser, ACCOUNTS.secretariat, async (page) => {
      const [today, upcoming, article] = [await meetingId(page, TODAY), await meetingId(page, UPCOMING), await meetingId(page, ARTICLE)];
      return [
        `/meetings/${article}/agenda`,
        `/meetings/${article}/minutes`,
        `/documents/${today}`,
        "/follow-ups",
        "/follow-ups/new",
        await followUpPath(page),
        `/follow-ups/review/${upcoming}`,
        "/dashboard",
        "/notifications",
        "/profile",
      ];
    });
    expect(problems).toEqual([]);
  });

  test("a participant", async ({ browser }) => {
    const problems = await sweep(browser, ACCOUNTS.blitar, async (page) => {
      const today = await meetingId(page, TODAY);
      return ["/agenda", "/meetings", "/meetings?view=calendar", ...TABS.map((q) => `/meetings/${today}${q}`), "/follow-ups", await followUpPath(page), "/notifications", "/profile"];
    });
    expect(problems).toEqual([]);
  });

  test("a division head", async ({ browser }) => {
    const problems = await sweep(browser, ACCOUNTS.head, async (page) => {
      const article = await meetingId(page, ARTICLE);
      return ["/dashboard", "/meetings", ...TABS.map((q) => `/meetings/${article}${q}`), "/follow-ups?overdue=1", await followUpPath(page), "/notifications"];
    });
    expect(problems).toEqual([]);
  });

  test("an admin, and the sign-in page", async ({ browser }) => {
    const problems = await sweep(browser, ACCOUNTS.admin, async (page) => {
      await page.goto("/admin/offices");
      const office = (await page.getByRole("link", { name: /Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur/ }).getAttribute("href"))!;
      return ["/admin/units", "/admin/users", "/admin/users/new", "/admin/provisioning", "/admin/categories", "/admin/outbox", "/admin/offices", office, "/admin/holidays", "/api-docs", "/dashboard"];
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.goto("/login");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      const axe = await axeOf(page).withTags(AXE_TAGS).analyze();
      problems.push(...axe.violations.map((v) => `${viewport.width} /login: ${v.id}`));
      if (viewport === VIEWPORTS[0]) {
        // Everyone's first page, on an empty cache: no schema library for two fields (issue 24).
        const kb = await firstLoadKb(page);
        console.log(`[first-load] (signed out) /login: ${kb} KiB gzip`);
        expect(kb).toBeLessThanOrEqual(180);
      }
    }
    // A favicon, not a 404 on every page.
    const icon = await page.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    await context.close();
    expect(problems).toEqual([]);
  });
});

test("a participant's first screen on a phone shows the unit's answer form and the check-in button", async ({ browser }) => {
  const secretariat = await sessionPage(browser, ACCOUNTS.secretariat);
  const now = Date.now();
  const title = `Rakor Layar Pertama ${tag()}`;
  const url = await apiMeeting(secretariat, {
    title,
    startsAt: wib(now - 5 * 60_000),
    endsAt: wib(now + 2 * 3600_000),
    location: `Ruang Layar ${tag()}`,
    invite: ["Kantor Imigrasi Kelas I TPI Malang"],
    status: "scheduled",
  });
  await secretariat.context().close();

  const malang = await sessionPage(browser, ACCOUNTS.malang, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const context = malang.context();
  await malang.goto(url);
  const inFirstScreen = async (locator: ReturnType<Page["locator"]>) => {
    await expect(locator).toBeVisible();
    const box = (await locator.boundingBox())!;
    expect(box.y + box.height, await locator.innerText()).toBeLessThanOrEqual(740);
  };
  await inFirstScreen(malang.getByRole("button", { name: "Saya hadir" }));
  await inFirstScreen(malang.getByRole("radio", { name: "Hadir", exact: true }));
  // The invitation letter is one tap away from the meeting page.
  await expect(malang.getByRole("link", { name: "Surat undangan (PDF)" })).toHaveAttribute("href", /\/documents\/[0-9a-f-]{36}\/invitation$/);
  await malang.getByRole("button", { name: "Saya hadir" }).click();
  await expect(malang.getByText(/kehadiran Anda tercatat pada/)).toBeVisible();
  await context.close();
});

test("the head's dashboard adds up: every row's total is the sum of its status columns, completion is verified ÷ (total − cancelled)", async ({ page }) => {
  await useSession(page, ACCOUNTS.head);
  await page.goto("/dashboard");
  const num = (s: string) => Number(s.replace(/\./g, "").replace(",", ".").replace("%", "").trim());
  const rows = page.locator("table.dash-table tbody tr, table.dash-table tfoot tr");
  await expect(rows.first()).toBeVisible();
  // Every row's cells as shown (innerText), read in one go rather than one round trip per cell.
  const table = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      name: (tr.querySelector("th") as HTMLElement).innerText,
      cells: Object.fromEntries([...tr.querySelectorAll<HTMLElement>("td[data-col]")].map((td) => [td.dataset.col!, td.innerText.trim()])),
    })),
  );
  expect(table.length).toBeGreaterThan(5);
  for (const { name, cells } of table) {
    const cell = (col: string) => {
      expect(cells[col], `${name}: ${col}`).toBeDefined();
      return cells[col]!;
    };
    const [total, open, inProgress, reported, verified, cancelled] = ["total", "open", "inProgress", "reported", "verified", "cancelled"].map((c) => num(cell(c)));
    expect(total, name).toBe(open! + inProgress! + reported! + verified! + cancelled!);
    const completion = cell("completion");
    if (total === cancelled) expect(completion, name).toBe("—");
    else {
      // Indonesian format: "33,3%".
      expect(completion, name).toMatch(/^\d{1,3},\d%$/);
      expect(num(completion), name).toBeCloseTo((100 * verified!) / (total! - cancelled!), 1);
    }
  }
  // A unit whose items are all cancelled no longer shows a total with every status at 0.
  const overall = page.locator('table.dash-table tfoot tr[data-unit="overall"]');
  await expect(overall.locator('td[data-col="cancelled"]')).not.toHaveText("");
});
