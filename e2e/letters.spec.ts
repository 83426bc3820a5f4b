import { expect, test } from "@playwright/test";
import { ACCOUNTS, sessionPage, useSession } from "./helpers";
import { apiMeeting, futureDay, tag } from "./meeting-helpers";

/**
 * Issue 19: an issued letter carries a verification code anyone can check at /verifikasi/<code>;
 * the secretariat may withdraw (tarik) it with a reason, after a confirmation, and the register
 * and the verification page then say so — when and why.
 */
test("the secretariat issues an undangan, a stranger verifies it, the secretariat withdraws it and the verification page says so; a participant cannot", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await useSession(page, ACCOUNTS.secretariat);
  const day = futureDay();
  const title = `Rakor Surat Terverifikasi ${tag()}`;
  const meetingUrl = await apiMeeting(page, { title, startsAt: `${day}T09:00`, endsAt: `${day}T12:00`, location: "Aula Kanwil", invite: ["Kantor Imigrasi Kelas II TPI Blitar"], status: "scheduled" });

  // Issue the undangan with the office's next number, after the confirmation.
  await page.goto(`${meetingUrl}?tab=documents`);
  const letters = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Surat rapat" }) });
  await letters.locator("form").getByRole("button", { name: "Terbitkan surat" }).click();
  await page.getByRole("dialog", { name: "Terbitkan surat?" }).getByRole("button", { name: "Ya, terbitkan" }).click();
  const verifyLink = letters.getByRole("link", { name: /^Halaman verifikasi \(kode [0-9A-Z]+\)$/ });
  await expect(verifyLink).toBeVisible();
  const item = letters.locator("li", { has: page.getByRole("link", { name: /^Halaman verifikasi/ }) });
  const number = /Surat undangan (\S+)/.exec((await item.textContent()) ?? "")![1]!;
  const href = (await verifyLink.getAttribute("href"))!;
  const code = href.split("/").pop()!;
  expect(code).toMatch(/^[0-9A-Z]{6,16}$/);

  // The issued PDF, as the addressee receives it.
  const pdfHref = (await item.locator("a[href^='/documents/letter/']").first().getAttribute("href"))!;
  const pdf = Buffer.from(await (await page.request.get(pdfHref)).body());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  // Someone without an account opens the code: the document's identity, in force; the PDF matches; altered bytes do not.
  const stranger = await browser.newPage();
  const answer = await stranger.goto(href);
  expect(answer?.status()).toBe(200);
  await expect(stranger.getByRole("heading", { level: 1, name: "Verifikasi dokumen" })).toBeVisible();
  await expect(stranger.locator("main")).toContainText(`kode ${code}`);
  const facts = stranger.locator("dl.facts");
  await expect(facts).toContainText("Surat Undangan");
  await expect(facts).toContainText(number);
  await expect(facts).toContainText("Berlaku");
  await expect(facts).not.toContainText("Aula Kanwil");
  await stranger.getByLabel("Berkas PDF yang diterima").setInputFiles({ name: "undangan.pdf", mimeType: "application/pdf", buffer: pdf });
  await stranger.getByRole("button", { name: "Periksa" }).click();
  await expect(stranger.getByRole("status")).toContainText("Cocok: berkas ini sama persis");
  const altered = Buffer.concat([pdf, Buffer.from("\n%diubah\n")]);
  await stranger.getByLabel("Berkas PDF yang diterima").setInputFiles({ name: "undangan.pdf", mimeType: "application/pdf", buffer: altered });
  await stranger.getByRole("button", { name: "Periksa" }).click();
  await expect(stranger.getByRole("status")).toContainText("Tidak cocok");
  // A made-up code: 404, saying so.
  const unknown = await stranger.goto("/verifikasi/ZZZZZZZZZZ");
  expect(unknown?.status()).toBe(404);
  await expect(stranger.locator("main [role=alert]")).toContainText("Kode verifikasi tidak dikenal");

  // A participant of the invited unit sees the letter but may not withdraw it.
  const blitar = await sessionPage(browser, ACCOUNTS.blitar);
  await blitar.goto(`${meetingUrl}?tab=documents`);
  await expect(blitar.getByText(`Surat undangan ${number}`).first()).toBeVisible();
  await expect(blitar.getByText("Tarik surat")).toHaveCount(0);
  await blitar.context().close();

  // The secretariat withdraws it: a reason is required, then a confirmation says what it does.
  await item.locator("summary", { hasText: "Tarik surat" }).click();
  await item.getByRole("button", { name: "Tarik surat" }).click();
  await expect(item.getByText("Wajib diisi.")).toBeVisible();
  await item.getByLabel("Alasan penarikan").fill("Tempat rapat dalam surat keliru");
  await item.getByRole("button", { name: "Tarik surat" }).click();
  const dialog = page.getByRole("dialog", { name: `Tarik surat ${number}?` });
  await expect(dialog).toContainText("tidak dapat dibatalkan");
  await dialog.getByRole("button", { name: "Ya, tarik surat" }).click();
  await expect(letters.getByText(/ditarik .*: Tempat rapat dalam surat keliru/)).toBeVisible();

  // The register marks it, with the reason.
  await page.goto("/letters");
  await expect(page.getByRole("row", { name: new RegExp(number.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) })).toContainText("Tempat rapat dalam surat keliru");

  // The verification page says it was withdrawn, when and why — and the file still matches what was issued.
  await stranger.goto(href);
  await expect(stranger.locator("main [role=alert]")).toContainText("telah DITARIK");
  await expect(stranger.locator("main [role=alert]")).toContainText(/sejak \S+, \d{1,2} \S+ \d{4}, \d{2}\.\d{2} WIB/);
  await expect(stranger.locator("main [role=alert]")).toContainText("Alasan penarikan: Tempat rapat dalam surat keliru");
  await expect(stranger.locator("dl.facts")).toContainText("Ditarik");
  await stranger.close();
});

test("a rakor held in WITA shows the WIB time beside it to a reader in WIB", async ({ page }) => {
  await useSession(page, ACCOUNTS.secretariat);
  const base = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  const me = await (await page.request.get("/api/v1/me")).json();
  const day = futureDay();
  const created = await page.request.post("/api/v1/meetings", {
    headers: { Origin: base },
    data: { title: `Rakor Kanim Mataram ${tag()}`, kind: "rakor", startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T12:00:00+08:00`, timeZone: "Asia/Makassar", location: "Aula Kanim Mataram", organizerUnitId: me.workUnitId, acknowledgeConflicts: true },
  });
  expect(created.status(), await created.text()).toBe(201);
  await page.goto(`/meetings/${(await created.json()).id}`);
  await expect(page.locator(".meeting-when time")).toContainText("09.00–12.00 WITA (08.00–11.00 WIB)");
});
