import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, pick, sessionPage, signIn, useSession, type Account } from "./helpers";

const MALANG = "Kantor Imigrasi Kelas I TPI Malang";
const PDF = { name: "laporan-maklumat.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n") };
const FAKE_PDF = { name: "bukan-pdf.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") };

/** A browser context of its own, signed in as `account`. */
const as = (browser: Browser, account: Account): Promise<Page> => sessionPage(browser, account);

/** A browser context of its own, signed in through the form. */
async function asByForm(browser: Browser, account: Account): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account);
  return page;
}

/** The Malang row of the dashboard: total and verified. */
async function malangCounts(page: Page) {
  await page.goto("/dashboard");
  const row = page.locator(`tr[data-unit="${MALANG}"]`);
  const cells = row.locator("td");
  return { total: Number(await cells.nth(0).innerText()), verified: Number(await cells.nth(4).innerText()) };
}

/** Client forms (react-hook-form) must be hydrated before they are filled in. */
const hydrated = (page: Page) => page.locator("[data-hydrated]").first().waitFor({ state: "attached" });
const statusBadge = (page: Page) => page.locator(".page-head .badge").first();
const transition = (page: Page, name: string) => page.locator("details", { has: page.locator("summary", { hasText: name }) });

function inDays(n: number) {
  const d = new Date(Date.now() + 7 * 3600_000 + n * 86400_000); // WIB
  return d.toISOString().slice(0, 10);
}

test.describe("follow-ups", () => {
  // Counts Malang's dashboard numbers before and after: in the "first" project (playwright.config.ts),
  // so no other test adds or verifies a follow-up of Malang meanwhile. It signs in through the form:
  // it runs beside e2e/auth.setup.ts, before the stored sessions exist.
  test("the secretariat turns a decision into follow-ups for three units, Malang reports, the head returns and verifies", { tag: "@first" }, async ({ browser }) => {
    test.setTimeout(240_000);
    const as = asByForm;
    const tag = `E2E ${Date.now().toString(36)}`;
    const head = await as(browser, ACCOUNTS.head);
    const before = await malangCounts(head);

    // The secretariat picks a decision of the 9 November 2018 rakor and creates a copy for three units.
    const secretariat = await as(browser, ACCOUNTS.secretariat);
    await secretariat.goto("/follow-ups/new");
    await secretariat.getByRole("link", { name: /Setiap kantor imigrasi meninjau/ }).click();
    await secretariat.waitForURL(/decisionId=/);
    await expect(secretariat.getByRole("heading", { level: 1, name: "Tindak lanjut dari keputusan" })).toBeVisible();
    await hydrated(secretariat);
    await secretariat.getByLabel("Judul", { exact: true }).fill(`${tag}: publikasikan maklumat pelayanan`);
    await secretariat.getByLabel("Kategori", { exact: true }).selectOption({ label: "Maklumat pelayanan" });
    await secretariat.getByLabel("Tenggat", { exact: true }).fill(inDays(14));
    for (const unit of [MALANG, "Kantor Imigrasi Kelas II TPI Blitar", "Kantor Imigrasi Kelas II Non TPI Kediri"]) {
      await secretariat.getByRole("checkbox", { name: unit }).check();
    }
    await pick(secretariat.getByRole("combobox", { name: `Penanggung jawab (PIC) — ${MALANG}` }), "Rudi Hartono");
    await secretariat.getByRole("button", { name: "Buat untuk unit terpilih" }).click();
    await secretariat.waitForURL(/\/follow-ups\?meetingId=/);
    await secretariat.goto(`/follow-ups?q=${encodeURIComponent(tag)}`);
    await expect(secretariat.getByText("3 tindak lanjut")).toBeVisible();

    // Malang sees only its own copy, starts it and reports it done with a PDF.
    const malang = await as(browser, ACCOUNTS.malang);
    await malang.goto(`/follow-ups?q=${encodeURIComponent(tag)}`);
    await expect(malang.getByText("1 tindak lanjut")).toBeVisible();
    await malang.getByRole("link", { name: new RegExp(tag) }).click();
    await expect(statusBadge(malang)).toHaveText("Terbuka");
    await hydrated(malang);
    const itemUrl = malang.url();
    await malang.getByRole("button", { name: "Mulai kerjakan" }).click();
    await expect(statusBadge(malang)).toHaveText("Dikerjakan");

    let report = transition(malang, "Laporkan selesai");
    await report.locator("summary").click();
    // Without evidence, and with a file that is not really a PDF: refused with messages.
    await report.getByLabel("Catatan", { exact: true }).fill("Maklumat pelayanan sudah dipasang di ruang layanan.");
    await report.getByRole("button", { name: "Laporkan selesai" }).click();
    await expect(report.getByText("Lampirkan minimal satu bukti dukung: tautan atau berkas.")).toBeVisible();
    // The refused report keeps what was typed.
    await expect(report.getByLabel("Catatan", { exact: true })).toHaveValue("Maklumat pelayanan sudah dipasang di ruang layanan.");
    await report.getByLabel("Berkas bukti dukung").setInputFiles(FAKE_PDF);
    await report.getByRole("button", { name: "Laporkan selesai" }).click();
    await expect(report.getByText("Jenis berkas tidak diizinkan. Gunakan PDF, JPG, PNG, DOCX atau XLSX.")).toBeVisible();
    await expect(statusBadge(malang)).toHaveText("Dikerjakan");
    await expect(report.getByLabel("Catatan", { exact: true })).toHaveValue("Maklumat pelayanan sudah dipasang di ruang layanan.");
    await report.getByLabel("Berkas bukti dukung").setInputFiles(PDF);
    await report.getByRole("button", { name: "Laporkan selesai" }).click();
    await expect(statusBadge(malang)).toHaveText("Dilaporkan selesai");
    await expect(malang.getByRole("link", { name: PDF.name }).first()).toBeVisible();

    // The head downloads the evidence (as an attachment) and returns the item with a reason.
    await head.goto(itemUrl);
    await hydrated(head);
    const download = await head.request.get(await head.getByRole("link", { name: `Unduh ${PDF.name}` }).getAttribute("href").then((h) => h!));
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain("attachment");
    expect(download.headers()["content-type"]).toBe("application/pdf");
    const giveBack = transition(head, "Kembalikan");
    await giveBack.locator("summary").click();
    await giveBack.getByLabel("Alasan", { exact: true }).fill("Lampirkan juga foto maklumat yang terpasang.");
    await giveBack.getByRole("button", { name: "Kembalikan" }).click();
    await expect(statusBadge(head)).toHaveText("Dikerjakan");
    await expect(head.getByText("Lampirkan juga foto maklumat yang terpasang.").first()).toBeVisible();

    // Malang reports again (with a link this time); the head verifies.
    await malang.goto(itemUrl);
    await hydrated(malang);
    // The returned state and its reason are on top of the page.
    const returned = malang.getByRole("status").filter({ hasText: /Dikembalikan oleh Zakaria/ });
    await expect(returned).toContainText("Lampirkan juga foto maklumat yang terpasang.");
    await expect(malang.locator(".page-head .badge", { hasText: "Dikembalikan" })).toBeVisible();
    report = transition(malang, "Laporkan selesai");
    await report.locator("summary").click();
    await report.getByLabel("Catatan", { exact: true }).fill("Foto terlampir pada tautan.");
    await report.getByLabel("Tautan bukti dukung").fill("https://www.imigrasi.go.id/maklumat-malang");
    await report.getByRole("button", { name: "Laporkan selesai" }).click();
    await expect(statusBadge(malang)).toHaveText("Dilaporkan selesai");
    // The link is evidence too: it is listed in the evidence panel.
    await expect(malang.getByRole("region", { name: "Bukti dukung" }).getByRole("link", { name: "https://www.imigrasi.go.id/maklumat-malang" })).toBeVisible();
    // A participant is offered no verification.
    await expect(malang.getByRole("button", { name: "Verifikasi" })).toHaveCount(0);

    await head.goto(itemUrl);
    await hydrated(head);
    await head.getByRole("button", { name: "Verifikasi", exact: true }).click();
    // Verifying is final: a dialog asks first; cancelling it changes nothing.
    const verify = head.getByRole("dialog", { name: "Verifikasi tindak lanjut ini?" });
    await expect(verify).toContainText("tidak dapat dikembalikan");
    await verify.getByRole("button", { name: "Batal" }).click();
    await expect(verify).toHaveCount(0);
    await expect(statusBadge(head)).toHaveText("Dilaporkan selesai");
    await head.getByRole("button", { name: "Verifikasi", exact: true }).click();
    await verify.getByRole("button", { name: "Ya, verifikasi" }).click();
    await expect(statusBadge(head)).toHaveText("Terverifikasi");

    // The dashboard's numbers for Malang changed.
    const after = await malangCounts(head);
    expect(after).toEqual({ total: before.total + 1, verified: before.verified + 1 });

    // Blitar may not see Malang's item: 404.
    const blitar = await as(browser, ACCOUNTS.blitar);
    const response = await blitar.goto(itemUrl);
    expect(response?.status()).toBe(404);
    await expect(blitar.getByText(tag)).toHaveCount(0);
  });

  test("a seeded overdue item shows in the head's overdue filter and notifications", async ({ browser }) => {
    const overdueTitle = "Pengelolaan pengaduan: tindak lanjuti laporan masyarakat yang tertunda di Kanim Kelas I TPI Malang";
    const head = await as(browser, ACCOUNTS.head);
    await head.goto("/follow-ups");
    // The filters sit behind one button.
    await expect(head.getByLabel("Hanya yang terlambat")).toBeHidden();
    await head.getByText("Saring", { exact: true }).click();
    await head.getByLabel("Hanya yang terlambat").check();
    await head.getByRole("button", { name: "Terapkan filter" }).click();
    await head.waitForURL(/overdue=1/);
    const row = head.getByRole("row", { name: new RegExp(overdueTitle) });
    await expect(row).toBeVisible();
    await expect(row.getByText("Terlambat")).toBeVisible();
    await expect(head.getByRole("row", { name: /Terverifikasi/ })).toHaveCount(0);

    // The reminders job escalates overdue items to the head (an admin may run it now).
    const admin = await as(browser, ACCOUNTS.admin);
    await admin.goto("/admin/outbox");
    await hydrated(admin);
    await admin.getByRole("button", { name: "Jalankan pengingat sekarang" }).click();
    await expect(admin.getByText("Pengingat dijalankan.")).toBeVisible();
    // The escalation email is in the outbox (newest first: other specs' emails may come after it).
    let found = false;
    for (let n = 1; n <= 20 && !found; n++) {
      await admin.goto(`/admin/outbox?page=${n}`);
      found = (await admin.getByText(`Eskalasi keterlambatan: ${overdueTitle}`).count()) > 0;
    }
    expect(found).toBe(true);

    await head.goto("/notifications");
    await expect(head.getByRole("link", { name: `Eskalasi keterlambatan: ${overdueTitle} (${MALANG}), tenggat`, exact: false }).first()).toBeVisible();
  });
});

test.describe("due date extensions", () => {
  test("the secretariat creates one follow-up, Malang asks for a later due date and the head approves it", async ({ browser }) => {
    test.setTimeout(180_000);
    const tag = `E2E ext ${Date.now().toString(36)}`;
    const secretariat = await as(browser, ACCOUNTS.secretariat);
    await secretariat.goto("/follow-ups/new");
    await hydrated(secretariat);
    await secretariat.getByLabel("Judul", { exact: true }).fill(`${tag}: perbarui atribut petugas layanan`);
    await secretariat.getByLabel("Kategori", { exact: true }).selectOption({ label: "Atribut" });
    await secretariat.getByLabel("Unit pemilik", { exact: true }).selectOption({ label: MALANG });
    await pick(secretariat.getByRole("combobox", { name: "Penanggung jawab (PIC)", exact: true }), "Rudi Hartono");
    await secretariat.getByLabel("Tenggat", { exact: true }).fill(inDays(10));
    await secretariat.getByRole("button", { name: "Simpan", exact: true }).click();
    await secretariat.waitForURL(/\/follow-ups\/[0-9a-f-]{36}$/);
    const itemUrl = secretariat.url();
    await expect(statusBadge(secretariat)).toHaveText("Terbuka");

    const malang = await as(browser, ACCOUNTS.malang);
    await malang.goto(itemUrl);
    await hydrated(malang);
    const ask = transition(malang, "Ajukan perpanjangan");
    await ask.locator("summary").click();
    await ask.getByLabel("Tenggat baru yang diminta").fill(inDays(30));
    await ask.getByLabel("Alasan", { exact: true }).fill("Menunggu pengadaan seragam dan tanda pengenal.");
    await ask.getByRole("button", { name: "Ajukan perpanjangan" }).click();
    await expect(malang.getByText("menunggu keputusan")).toBeVisible();

    const head = await as(browser, ACCOUNTS.head);
    await head.goto(itemUrl);
    await hydrated(head);
    await head.getByLabel("Setujui").check();
    await head.getByLabel("Catatan keputusan").fill("Disetujui sekali.");
    await head.getByRole("button", { name: "Simpan", exact: true }).click();
    await expect(head.getByText("disetujui", { exact: true })).toBeVisible();
    await expect(head.getByRole("button", { name: "Simpan", exact: true })).toHaveCount(0);
  });
});

test.describe("follow-ups on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the list, an item and the dashboard fit the screen (tables scroll inside their frame)", async ({ page }) => {
    await useSession(page, ACCOUNTS.head);
    for (const path of ["/follow-ups?overdue=1", "/dashboard"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto("/follow-ups?overdue=1");
    // On a phone the list is cards: status, due date and progress first.
    const card = page.locator(".fu-cards > li").first();
    await expect(card.locator(".fu-card-state .badge").first()).toBeVisible();
    await expect(card.getByText(/Tenggat:/)).toBeVisible();
    await expect(card.getByRole("progressbar")).toBeVisible();
    await card.getByRole("link").first().click();
    await page.waitForURL(/\/follow-ups\/[0-9a-f-]{36}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});

test.describe("reviewing open follow-ups at the next rakor", () => {
  test("a status step of the checked rows asks for confirmation first, naming the items; 'Periksa lagi' saves nothing", async ({ page }) => {
    await useSession(page, ACCOUNTS.secretariat);
    await page.goto("/meetings?q=Rakor%20Tindak%20Lanjut%20Pelayanan%20Publik");
    const meetingId = (await page.getByRole("link", { name: "Rakor Tindak Lanjut Pelayanan Publik", exact: true }).first().getAttribute("href"))!.split("/").pop();
    await page.goto(`/follow-ups/review/${meetingId}`);
    await page.locator("section[aria-labelledby=review-units] tbody th a").first().click();
    const rows = page.locator("form.review-form[data-hydrated] tbody tr", { has: page.locator("select option:nth-child(2)") });
    const row = rows.first();
    const title = (await row.locator("td").nth(1).getByRole("link").textContent())!;
    await row.getByRole("checkbox").check();
    await row.getByRole("combobox").selectOption({ index: 1 });
    const step = (await row.getByRole("combobox").locator("option:checked").textContent())!;
    await page.getByRole("button", { name: "Simpan reviu yang dicentang" }).click();
    const dialog = page.getByRole("dialog", { name: "Ubah status 1 tindak lanjut?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("listitem")).toHaveText(`${title} → ${step}`);
    await dialog.getByRole("button", { name: "Periksa lagi" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText("Reviu tersimpan.")).toHaveCount(0);
    // Nothing was recorded: after a reload the row is not marked reviewed.
    await page.reload();
    await expect(page.locator("tbody tr", { has: page.getByRole("link", { name: title, exact: true }) }).getByText("Sudah direviu")).toHaveCount(0);
  });
});
