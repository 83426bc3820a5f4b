import { expect, test } from "@playwright/test";
import { pdfText } from "../tests/pdf-text";
import { ACCOUNTS, sessionPage } from "./helpers";
import { apiMeeting, openDetails, tag, wib } from "./meeting-helpers";

/**
 * Issue 23: minutes per agenda item, afterwards. A meeting never run through the live console gets
 * its items' pembahasan in the minutes editor while a second notulis edits one of them: one sees
 * the conflict view with both texts, nothing is lost across reloads, and the notulen lists both
 * items' pembahasan with a decision under its item.
 */
test.describe("Minutes per agenda item", () => {
  test.setTimeout(480_000);

  test("two notulis write the pembahasan of two items in the minutes editor; the conflict shows both texts, reloads lose nothing, the notulen lists both items and a decision under its item", async ({ browser }) => {
    const a = await sessionPage(browser, ACCOUNTS.secretariat, { locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const now = Date.now();
    const first = "Paparan capaian pengaduan";
    const second = "Rencana aksi triwulan berikutnya";
    const url = await apiMeeting(a, {
      title: `Rakor Notulen per Acara ${tag()}`,
      startsAt: wib(now + 10 * 60_000),
      endsAt: wib(now + 3 * 3600_000),
      location: `Aula ${tag()}`,
      agenda: [
        { title: first, durationMinutes: 30 },
        { title: second, durationMinutes: 30 },
      ],
      invite: ["Kantor Imigrasi Kelas I TPI Malang"],
      status: "ongoing",
    });
    const meetingId = url.split("/").pop()!;
    // The second notulis (admin) opens the minutes before the first one writes anything.
    const b = await sessionPage(browser, ACCOUNTS.admin, { locale: "id-ID", timezoneId: "Asia/Jakarta" });
    await Promise.all([a.goto(`${url}?tab=minutes`), b.goto(`${url}?tab=minutes`)]);
    const field = (p: typeof a, title: string) => p.getByLabel(`Pembahasan: ${title}`);
    const status = (p: typeof a, title: string) => p.getByTestId("item-minutes").filter({ has: field(p, title) }).getByTestId("item-minutes-status");

    const textA1 = "Pengaduan paspor turun 12 persen dibanding triwulan lalu.";
    const textA2 = "Setiap kantor imigrasi menyusun rencana aksi sebelum akhir bulan.";
    const textB1 = "Catatan notulis kedua: layanan percepatan paspor perlu diawasi.";
    await field(a, first).fill(textA1);
    await expect(status(a, first)).toHaveText("Tersimpan.");
    await field(a, second).fill(textA2);
    await expect(status(a, second)).toHaveText("Tersimpan.");

    // The second notulis, on the version loaded before: the conflict view with both texts.
    await field(b, first).fill(textB1);
    const conflict = b.getByTestId("item-minutes-conflict");
    await expect(conflict).toBeVisible();
    await expect(conflict.getByTestId("conflict-yours")).toHaveText(textB1);
    await expect(conflict.getByTestId("conflict-theirs")).toHaveText(textA1);
    // A reload loses nothing: the unsaved text comes back and meets the conflict again.
    await b.reload();
    await expect(field(b, first)).toHaveValue(textB1);
    await expect(b.getByTestId("item-minutes-conflict")).toBeVisible();
    await expect(b.getByTestId("item-minutes-conflict").getByTestId("conflict-theirs")).toHaveText(textA1);
    await b.getByRole("button", { name: "Gabungkan kedua teks" }).click();
    await expect(status(b, first)).toHaveText("Tersimpan.");
    await expect(field(b, first)).toHaveValue(`${textA1}\n\n${textB1}`);

    // After reloads both notulis see both texts; the other item is untouched.
    for (const p of [a, b]) {
      await p.reload();
      await expect(field(p, first)).toHaveValue(`${textA1}\n\n${textB1}`);
      await expect(field(p, second)).toHaveValue(textA2);
      await expect(p.getByTestId("item-minutes-conflict")).toHaveCount(0);
    }

    // A decision under the second item, turned into follow-ups from here.
    const decision = "Rencana aksi setiap kantor dilaporkan ke divisi paling lambat 30 hari.";
    const add = a.locator("details", { has: a.getByText("Tambah keputusan", { exact: true }) });
    await openDetails(add);
    await add.getByLabel("Acara").selectOption({ label: second });
    await add.getByLabel("Keputusan").fill(decision);
    await add.getByRole("button", { name: "Simpan" }).click();
    await expect(a.locator(".decision-list li", { hasText: decision })).toContainText(`Acara: ${second}`);
    await expect(a.getByRole("link", { name: "Buat tindak lanjut dari keputusan 1" })).toBeVisible();
    const record = a.locator("section.agenda-record").getByTestId("record-item");
    await expect(record.nth(1)).toContainText(decision);
    await expect(record.nth(0)).not.toContainText(decision);

    // The notulen: both items' pembahasan under "Pembahasan", the decision under its item.
    const pdf = await a.request.get(`/documents/${meetingId}/minutes`);
    expect(pdf.status()).toBe(200);
    const text = await pdfText(new Uint8Array(await pdf.body()));
    const at = (s: string) => text.indexOf(s);
    expect(at("Pembahasan")).toBeGreaterThan(-1);
    expect(at(`1. ${first}`)).toBeGreaterThan(at("Pembahasan"));
    expect(at(textA1)).toBeGreaterThan(at(`1. ${first}`));
    expect(at(textB1)).toBeGreaterThan(at(textA1));
    expect(at(`2. ${second}`)).toBeGreaterThan(at(textB1));
    expect(at(textA2)).toBeGreaterThan(at(`2. ${second}`));
    expect(at(`1. ${decision}`)).toBeGreaterThan(at(textA2));

    // A participant reads the minutes but cannot write the pembahasan.
    const p = await sessionPage(browser, ACCOUNTS.malang, { locale: "id-ID", timezoneId: "Asia/Jakarta", viewport: { width: 360, height: 740 } });
    await p.goto(`${url}?tab=minutes`);
    await expect(p.locator("section.agenda-record")).toContainText(textA2);
    await expect(field(p, first)).toHaveCount(0);
    await Promise.all([a.context().close(), b.context().close(), p.context().close()]);
  });
});
