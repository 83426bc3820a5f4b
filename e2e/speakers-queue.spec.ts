import { expect, test, type Page } from "@playwright/test";
import { pdfText } from "../tests/pdf-text";
import { ACCOUNTS, axeOf, sessionPage } from "./helpers";
import { apiMeeting, openTab, tag, wib } from "./meeting-helpers";

/**
 * Issue 23: the speakers' queue (daftar bicara). Four browser contexts on one server — the
 * secretariat's console, the room screen (screen link, no session), two participants' phones at
 * 360 px — and the turn given reaches the finalized notulen under its agenda item.
 */

/** Records, in the page, when the element with `testId` first contains every text (a MutationObserver). */
async function watch(p: Page, key: string, testId: string, texts: string[]) {
  await p.evaluate(
    ([key, testId, texts]) => {
      const w = window as unknown as { __seen?: Record<string, number> };
      w.__seen ??= {};
      delete w.__seen[key];
      const check = () => {
        const el = document.querySelector(`[data-testid="${testId}"]`);
        if (el && (texts as string[]).every((x) => el.textContent?.includes(x)) && !w.__seen![key]) w.__seen![key] = Date.now();
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
      check();
    },
    [key, testId, texts] as const,
  );
}
const seenAt = (p: Page, key: string) => p.evaluate((k) => (window as unknown as { __seen?: Record<string, number> }).__seen?.[k] ?? null, key);

const MALANG = "Kantor Imigrasi Kelas I TPI Malang";
const BLITAR = "Kantor Imigrasi Kelas II TPI Blitar";

test.describe("Speakers' queue", () => {
  test.setTimeout(480_000);

  test("two participants ask to speak from their phones, the moderator gives the floor, the room screen shows speaker and running time; the turn reaches the notulen under its item", async ({ browser }) => {
    const page = await sessionPage(browser, ACCOUNTS.secretariat, { locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const now = Date.now();
    const title = `Rakor Daftar Bicara ${tag()}`;
    const url = await apiMeeting(page, {
      title,
      startsAt: wib(now + 10 * 60_000),
      endsAt: wib(now + 3 * 3600_000),
      location: `Aula ${tag()}`,
      agenda: [
        { title: "Paparan capaian layanan paspor", durationMinutes: 30 },
        { title: "Diskusi dan tanya jawab", durationMinutes: 30 },
      ],
      invite: [MALANG, BLITAR],
      status: "ongoing",
    });
    const meetingId = url.split("/").pop()!;
    await page.goto(`/meetings/${meetingId}/live`);
    await expect(page.getByRole("heading", { level: 1, name: "Konsol rapat" })).toBeVisible();
    await page.getByRole("button", { name: "Mulai acara pertama" }).click();
    await expect(page.locator("li.is-current")).toContainText("Paparan capaian layanan paspor");

    // The room screen, opened with a screen link.
    await page.getByRole("button", { name: "Buat tautan layar" }).click();
    const link = await page.getByLabel("Tautan layar (hanya tampil sekali, salin sekarang):").inputValue();
    const screenCtx = await browser.newContext({ locale: "id-ID", timezoneId: "Asia/Jakarta", viewport: { width: 1920, height: 1080 } });
    const screen = await screenCtx.newPage();
    await screen.goto(link);
    await expect(screen.getByTestId("screen-item")).toHaveText("Paparan capaian layanan paspor");
    const checkInUrl = `http://${(await screen.locator(".ls-url").textContent())!.trim()}`;

    // Two participants' phones: before checking in they cannot ask; after the QR check-in they can.
    const phoneOpts = { locale: "id-ID", timezoneId: "Asia/Jakarta", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
    const rudi = await sessionPage(browser, ACCOUNTS.malang, phoneOpts);
    const siti = await sessionPage(browser, ACCOUNTS.blitar, phoneOpts);
    await rudi.goto(url);
    await expect(rudi.getByTestId("floor-request")).toContainText("Lakukan presensi hadir terlebih dahulu untuk meminta bicara.");
    await expect(rudi.getByRole("button", { name: "Minta bicara" })).toHaveCount(0);
    for (const phone of [rudi, siti]) {
      await phone.goto(checkInUrl);
      await phone.getByRole("button", { name: "Saya hadir" }).click();
      await expect(phone.getByText(/tercatat/).first()).toBeVisible();
      await phone.goto(url);
    }

    // Rudi asks first (no item named: the item running when he gets the floor), then Siti, naming the discussion.
    const rudiBox = rudi.getByTestId("floor-request");
    await rudiBox.getByLabel("Topik atau pertanyaan (opsional)").fill("Kuota antrean paspor harian");
    await rudiBox.getByRole("button", { name: "Minta bicara" }).click();
    await expect(rudi.getByTestId("floor-position")).toHaveText("Anda nomor 1 dalam daftar bicara");
    const sitiBox = siti.getByTestId("floor-request");
    await sitiBox.getByLabel("Acara yang ingin dibahas (opsional)").selectOption({ label: "Diskusi dan tanya jawab" });
    await sitiBox.getByLabel("Topik atau pertanyaan (opsional)").fill("Layanan paspor di mal pelayanan publik");
    await sitiBox.getByRole("button", { name: "Minta bicara" }).click();
    await expect(siti.getByTestId("floor-position")).toHaveText("Anda nomor 2 dalam daftar bicara");
    // A second request while one is open is refused.
    await expect(sitiBox.getByRole("button", { name: "Minta bicara" })).toHaveCount(0);

    // The console shows the queue in order; the screen, the next two.
    const queue = page.getByTestId("console-queue").locator("> li");
    await expect(queue).toHaveCount(2);
    await expect(queue.nth(0)).toContainText("Rudi Hartono");
    await expect(queue.nth(0)).toContainText(MALANG);
    await expect(queue.nth(0)).toContainText("Kuota antrean paspor harian");
    await expect(queue.nth(1)).toContainText("Siti Aminah");
    await expect(queue.nth(1)).toContainText("acara: Diskusi dan tanya jawab");
    await expect(screen.getByTestId("screen-queue")).toContainText("Rudi Hartono");
    await expect(screen.getByTestId("screen-queue")).toContainText("Siti Aminah");

    // Time allowed per turn: 3 minutes.
    await page.getByLabel("Waktu per giliran (menit)").fill("3");
    await page.getByRole("button", { name: "Simpan waktu" }).click();
    await expect(page.locator(".live-status .alert-error")).toHaveCount(0);
    await page.waitForTimeout(300);

    // The moderator gives the floor: measured from the click to the screen showing name and running time.
    await watch(screen, "floor", "screen-speaker", ["Rudi Hartono", "dari 3:00"]);
    const t0 = Date.now();
    await page.getByRole("button", { name: "Beri kesempatan berikutnya" }).click();
    await expect.poll(() => seenAt(screen, "floor"), { timeout: 5000, intervals: [50] }).not.toBeNull();
    const floorMs = (await seenAt(screen, "floor"))! - t0;
    console.log(`[queue] give the floor → room screen: ${floorMs} ms`);
    expect(floorMs).toBeLessThanOrEqual(1000);
    const time = screen.getByTestId("screen-turn-time");
    await expect(time).toHaveText(/^0:0\d dari 3:00$/);
    const first = await time.textContent();
    await expect(time).not.toHaveText(first!, { timeout: 3000 });
    await expect(screen.getByTestId("screen-speaker")).toContainText("Kuota antrean paspor harian");
    await expect(screen.getByTestId("screen-queue")).not.toContainText("Rudi Hartono");
    await expect(rudiBox).toContainText("Silakan, Anda sedang diberi kesempatan berbicara.");
    await expect(siti.getByTestId("floor-position")).toHaveText("Anda nomor 1 dalam daftar bicara");

    // Siti withdraws and asks again; the list closed refuses new requests until reopened.
    await sitiBox.getByRole("button", { name: "Batalkan permintaan bicara" }).click();
    await expect(sitiBox).toContainText("Permintaan bicara dibatalkan.");
    await expect(page.getByTestId("console-queue")).toHaveCount(0);
    await page.getByRole("button", { name: "Tutup daftar bicara" }).click();
    await expect(sitiBox).toContainText("Daftar bicara sedang ditutup.");
    await expect(sitiBox.getByRole("button", { name: "Minta bicara" })).toHaveCount(0);
    await page.getByRole("button", { name: "Buka daftar bicara" }).click();
    await sitiBox.getByLabel("Acara yang ingin dibahas (opsional)").selectOption({ label: "Diskusi dan tanya jawab" });
    await sitiBox.getByLabel("Topik atau pertanyaan (opsional)").fill("Layanan paspor di mal pelayanan publik");
    await sitiBox.getByRole("button", { name: "Minta bicara" }).click();
    await expect(siti.getByTestId("floor-position")).toHaveText("Anda nomor 1 dalam daftar bicara");

    // Rudi's turn ends; his phone may ask again. The next item: Siti gets the floor, by name.
    await page.getByRole("button", { name: "Akhiri giliran" }).click();
    await expect(screen.getByTestId("screen-turn-time")).toHaveCount(0);
    await expect(rudiBox.getByRole("button", { name: "Minta bicara" })).toBeVisible();
    await page.getByRole("button", { name: "Mulai acara berikutnya" }).click();
    await expect(screen.getByTestId("screen-item")).toHaveText("Diskusi dan tanya jawab");
    await page.getByRole("button", { name: "Beri kesempatan: Siti Aminah" }).click();
    await expect(screen.getByTestId("screen-speaker")).toContainText("Siti Aminah");
    await expect(sitiBox).toContainText("Silakan, Anda sedang diberi kesempatan berbicara.");

    // axe on the console, the phone and the screen with the queue shown.
    for (const p of [page, siti, screen]) {
      const axe = await axeOf(p).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
    await page.getByRole("button", { name: "Akhiri acara terakhir" }).click();
    await expect(screen.getByTestId("screen-item")).toHaveText("Seluruh acara selesai");

    // The finalized notulen: each turn under its item (who, unit, from–to, topic).
    await page.goto(url);
    await openTab(page, "Notulen & keputusan");
    const record = page.locator("section.agenda-record");
    await expect(record.getByTestId("record-item").nth(0).getByTestId("record-turns")).toContainText("Rudi Hartono");
    await expect(record.getByTestId("record-item").nth(1).getByTestId("record-turns")).toContainText("Siti Aminah");
    await page.getByLabel("Ringkasan (notulen)").fill("Rapat membahas capaian layanan paspor dan tanya jawab peserta.");
    await page.getByRole("button", { name: "Simpan notulen" }).click();
    await expect(page.getByText("Notulen tersimpan.")).toBeVisible();
    await page.reload();
    await page.getByRole("button", { name: "Finalkan notulen" }).click();
    await page.getByRole("dialog", { name: "Finalkan notulen?" }).getByRole("button", { name: "Ya, finalkan" }).click();
    await expect(page.getByText(/Notulen final pada/).first()).toBeVisible();
    const pdf = await page.request.get(`/documents/${meetingId}/minutes`);
    expect(pdf.status()).toBe(200);
    const text = await pdfText(new Uint8Array(await pdf.body()));
    expect(text).not.toContain("DRAF");
    const range = String.raw`\d{2}\.\d{2}–\d{2}\.\d{2} WIB`;
    const item1 = text.search(/1\. Paparan capaian layanan paspor \d{2}\.\d{2}–/);
    const item2 = text.search(/2\. Diskusi dan tanya jawab \d{2}\.\d{2}–/);
    const rudiAt = text.search(new RegExp(`- Rudi Hartono \\(${MALANG}\\) ${range}: Kuota antrean paspor harian`));
    const sitiAt = text.search(new RegExp(`- Siti Aminah \\(${BLITAR}\\) ${range}: Layanan paspor di mal pelayanan publik`));
    expect(text).toContain("Pembahasan");
    expect(item1).toBeGreaterThan(-1);
    expect(item2).toBeGreaterThan(item1);
    expect(rudiAt).toBeGreaterThan(item1);
    expect(rudiAt).toBeLessThan(item2);
    expect(sitiAt).toBeGreaterThan(item2);

    // A participant cannot run the queue (the console is not theirs).
    expect((await rudi.goto(`/meetings/${meetingId}/live`))!.status()).toBe(404);
    await Promise.all([page.context().close(), screenCtx.close(), rudi.context().close(), siti.context().close()]);
  });
});
