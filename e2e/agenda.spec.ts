import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, axeOf, sessionPage, useSession } from "./helpers";

/** Today's rakor of the demo data (db/seed.ts): under way when the server starts, Kanim Blitar invited (not Malang). */
const TODAY = "Rakor Evaluasi Pelayanan Paspor Hari Ini";

async function expectNoAxeViolations(page: Page) {
  const result = await axeOf(page).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function todaysMeetingId(page: Page) {
  await page.goto("/agenda");
  const href = await page.getByRole("link", { name: TODAY }).getAttribute("href");
  return href!.split("/").pop()!;
}

test.describe("my agenda on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("a participant sees today's rakor first, opens its agenda and checks in", async ({ page }) => {
    await useSession(page, ACCOUNTS.blitar);
    // "/" sends each role to its home page: a participant's is the agenda.
    await page.goto("/");
    await expect(page).toHaveURL(/\/agenda$/);
    await expect(page.getByRole("heading", { level: 1, name: "Agenda Saya" })).toBeVisible();

    // The first meeting on the page is in "Hari ini", and today's rakor is there.
    const today = page.getByRole("region", { name: "Hari ini" });
    const firstCard = page.locator("article.agenda-card").first();
    await expect(firstCard).toHaveClass(/is-today/);
    const card = today.getByRole("article", { name: TODAY });
    await expect(card).toBeVisible();
    await expect(card).toContainText("WIB");
    await expect(card).toContainText("Ruang Rapat Lantai 2");
    await expect(card.getByRole("link", { name: "https://zoom.us/j/1111111111" })).toBeVisible();
    await expect(card).toContainText("Hadir"); // the unit's answer

    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await card.getByText(/Agenda dan pembicara \(4\)/).click();
    await expect(card.getByText("Paparan data antrean paspor")).toBeVisible();
    await expect(card.getByText(/Narasumber:/)).toBeVisible();
    await expectNoAxeViolations(page);

    await card.getByRole("button", { name: "Saya hadir" }).click();
    await expect(card.getByRole("status")).toContainText("kehadiran Anda tercatat");
    await page.reload();
    await expect(page.getByRole("article", { name: TODAY })).toContainText("Anda tercatat hadir pukul");
    await expect(page.getByRole("article", { name: TODAY }).getByRole("button", { name: "Saya hadir" })).toHaveCount(0);

    // The unit's open follow-ups are listed with their due dates.
    await expect(page.getByRole("region", { name: "Tindak lanjut unit yang terbuka" })).toContainText("Tenggat");
    await expectNoAxeViolations(page);
  });

  test("a participant downloads the meeting's calendar entry, but not the attendance list; an uninvited unit gets 404", async ({ page, browser }) => {
    await useSession(page, ACCOUNTS.blitar);
    const id = await todaysMeetingId(page);
    const ics = await page.request.get(`/documents/${id}/ics`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
    expect(ics.headers()["content-disposition"]).toMatch(/rapat-\d{4}-\d{2}-\d{2}-rakor-evaluasi/);
    const text = await ics.text();
    expect(text).toContain(`UID:${id}@rakor`);
    expect(text).toContain("SUMMARY:Rakor Evaluasi Pelayanan Paspor Hari Ini");
    expect((await page.request.get(`/documents/${id}/attendance`)).status()).toBe(403);
    expect((await page.request.get(`/documents/${id}/attendanceCsv`)).status()).toBe(403);

    // Kanim Malang is not invited to it: not on its agenda, and its files answer 404.
    const malang = await sessionPage(browser, ACCOUNTS.malang, { viewport: { width: 360, height: 740 } });
    await malang.goto("/agenda");
    await expect(malang.getByRole("heading", { level: 1, name: "Agenda Saya" })).toBeVisible();
    await expect(malang.getByRole("link", { name: TODAY })).toHaveCount(0);
    expect((await malang.request.get(`/documents/${id}/ics`)).status()).toBe(404);
    expect((await malang.request.get(`/documents/${id}/invitation`)).status()).toBe(404);
    await malang.context().close();
  });
});

test.describe("calendar subscription and documents", () => {
  test("a participant makes a feed URL, regenerating it revokes the old one", async ({ page, request }) => {
    await useSession(page, ACCOUNTS.blitar);
    await page.goto("/profile");
    const section = page.getByRole("region", { name: "Langganan kalender" });
    await section.getByRole("button", { name: "Buat alamat langganan" }).click();
    const link = section.getByTestId("calendar-feed-url");
    await expect(link).toBeVisible();
    const first = new URL((await link.getAttribute("href"))!).pathname;
    const feed = await request.get(first);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(TODAY);

    await section.getByRole("button", { name: "Buat alamat baru" }).click();
    await expect(link).not.toHaveAttribute("href", new RegExp(`${first}$`));
    const second = new URL((await link.getAttribute("href"))!).pathname;
    expect((await request.get(first)).status()).toBe(404);
    expect((await request.get(second)).status()).toBe(200);
    await expectNoAxeViolations(page);
  });

  test("the secretariat generates the attendance list and sees progress, then gets the file", async ({ page }) => {
    await useSession(page, ACCOUNTS.secretariat);
    const id = await todaysMeetingId(page);
    await page.goto(`/documents/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Dokumen dan ekspor" })).toBeVisible();
    const row = page.getByRole("listitem").filter({ hasText: "Daftar hadir (PDF)" });
    const downloading = page.waitForEvent("download");
    await row.getByRole("link", { name: /Unduh/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^daftar-hadir-\d{4}-\d{2}-\d{2}-rakor-evaluasi-pelayanan-paspor-hari-ini\.pdf$/);
    await expect(row.getByRole("status")).toContainText("siap");
    await expectNoAxeViolations(page);
  });
});

test("my agenda loads little JavaScript (measured)", async ({ page }) => {
  await useSession(page, ACCOUNTS.blitar);
  const scripts = new Map<string, number>();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    try {
      scripts.set(response.url(), (await response.body()).byteLength);
    } catch {
      // a redirect or an aborted request has no body
    }
  });
  await page.goto("/agenda", { waitUntil: "networkidle" });
  const { gzipSync } = await import("node:zlib");
  let raw = 0;
  let gzip = 0;
  for (const url of scripts.keys()) {
    const body = await (await page.request.get(url)).body();
    raw += body.byteLength;
    gzip += gzipSync(body).byteLength;
  }
  // Served with brotli to a client that accepts it (issue 24): the same bytes, fewer on the wire.
  let brotli = 0;
  for (const url of scripts.keys()) {
    const response = await page.request.get(url, { headers: { "accept-encoding": "br" } });
    if (!new URL(url).pathname.startsWith("/_next/static/")) continue;
    expect(response.headers()["content-encoding"], url).toBe("br");
    brotli += Number(response.headers()["content-length"]);
    expect((await response.body()).byteLength).toBe((await (await page.request.get(url)).body()).byteLength);
  }
  console.log(`[measure] /agenda first load: ${scripts.size} scripts, ${(raw / 1024).toFixed(0)} KiB raw, ${(gzip / 1024).toFixed(0)} KiB gzip, ${(brotli / 1024).toFixed(0)} KiB brotli`);
  expect(gzip).toBeLessThan(350 * 1024);
  expect(brotli).toBeLessThan(gzip);
});
