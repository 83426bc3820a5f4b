import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, sessionPage, useSession } from "./helpers";
import { apiMeeting, futureDay, tag } from "./meeting-helpers";

/** The notices are written by a background job: reload until the one expected is there. */
async function expectNotice(page: Page, text: string | RegExp) {
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByRole("link", { name: text })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
}

test.describe("notices for every change (SMTP unset: in the app)", () => {
  test("a participant sees the invitation, the reschedule (old and new time, reason) and the cancellation; the unit's answer is kept, to be reconfirmed", async ({ page, browser }) => {
    // Three changes, each waited for as a notice written by a background job: more than the default minute on a busy machine.
    test.setTimeout(240_000);
    await useSession(page, ACCOUNTS.secretariat);
    const title = `Rakor Pemberitahuan ${tag()}`;
    const day = futureDay();
    const url = await apiMeeting(page, {
      title,
      startsAt: `${day}T09:00`,
      endsAt: `${day}T11:00`,
      location: `Aula ${tag()}`,
      invite: ["Kantor Imigrasi Kelas I TPI Malang"],
      agenda: [{ title: "Pembukaan", durationMinutes: 30 }],
      status: "scheduled",
    });

    // The invitation, as a notice that leads to the meeting; the bell counts it.
    const malang = await sessionPage(browser, ACCOUNTS.malang);
    await expectNotice(malang, new RegExp(`Undangan rapat: ${title}`));
    await expect(malang.getByRole("link", { name: /^Notifikasi: [1-9]\d*$/ })).toBeVisible();
    await malang.getByRole("link", { name: new RegExp(`Undangan rapat: ${title}`) }).click();
    await expect(malang.getByRole("heading", { level: 1, name: title })).toBeVisible();

    // The unit answers.
    await malang.getByLabel("Diwakili", { exact: true }).check();
    await malang.getByLabel("Diwakili oleh (nama dan jabatan)").fill("Rina Wulandari, Kepala Seksi");
    await malang.getByRole("button", { name: "Kirim jawaban" }).click();
    await expect(malang.getByText("Jawaban unit Anda tersimpan.")).toBeVisible();

    // The secretariat moves it, with a reason.
    await page.goto(url);
    await page.getByText("Jadwal ulang, batalkan atau jadikan berulang").click();
    const reschedule = page.locator("form", { has: page.getByRole("button", { name: "Jadwalkan ulang" }) });
    await reschedule.getByLabel("Mulai").fill(`${day}T13:00`);
    await reschedule.getByLabel("Selesai").fill(`${day}T15:00`);
    await reschedule.getByLabel("Alasan penjadwalan ulang").fill("Bentrok dengan kunjungan kerja Menteri");
    await reschedule.getByRole("button", { name: "Jadwalkan ulang" }).click();
    const ack = reschedule.getByLabel(/Saya mengetahui bentrokan jadwal/);
    if (await ack.isVisible({ timeout: 2000 }).catch(() => false)) {
      await ack.check();
      await reschedule.getByRole("button", { name: "Jadwalkan ulang" }).click();
    }
    await expect(page.locator(".meeting-when")).toContainText("13.00");

    // The participant is told: old → new time and the reason.
    const moved = new RegExp(`Jadwal rapat diubah: ${title}, dari .*09\\.00.* menjadi .*13\\.00.*Alasan: Bentrok dengan kunjungan kerja Menteri`);
    await expectNotice(malang, moved);
    // The unit's answer and representative are still there, marked for reconfirmation with both times.
    await malang.getByRole("link", { name: moved }).click();
    const mine = malang.locator("section", { has: malang.getByRole("heading", { name: "Jawaban unit Anda" }) });
    await expect(mine.getByText("Diwakili oleh: Rina Wulandari, Kepala Seksi")).toBeVisible();
    await expect(mine.getByText("Perlu konfirmasi ulang")).toBeVisible();
    await expect(mine.getByTestId("reconfirm")).toContainText(/09\.00.*13\.00/);
    // The secretariat sees which unit still has to reconfirm.
    await page.goto(`${url}?tab=invitations`);
    await expect(page.getByText("1 unit perlu konfirmasi ulang")).toBeVisible();

    // Confirmed in one step.
    await mine.getByRole("button", { name: "Konfirmasi jawaban: Diwakili" }).click();
    await expect(mine.getByText("Perlu konfirmasi ulang")).toHaveCount(0);
    await expect(mine.getByText("Diwakili oleh: Rina Wulandari, Kepala Seksi")).toBeVisible();

    // Cancelled, with the reason.
    await page.goto(url);
    await page.getByText("Jadwal ulang, batalkan atau jadikan berulang").click();
    await page.getByLabel("Alasan pembatalan").fill("Pimpinan berhalangan");
    await page.getByRole("button", { name: "Batalkan rapat" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, batalkan rapat" }).click();
    await expect(page.getByText("Rapat ini dibatalkan: Pimpinan berhalangan")).toBeVisible();
    await expectNotice(malang, new RegExp(`Rapat dibatalkan: ${title} .*Alasan: Pimpinan berhalangan`));

    // Mark all read: the bell's count goes.
    await malang.getByRole("button", { name: "Tandai semua sudah dibaca" }).click();
    await expect(malang.getByRole("button", { name: "Tandai semua sudah dibaca" })).toHaveCount(0);
    await expect(malang.getByRole("link", { name: "Notifikasi: 0" })).toBeVisible();

    // Blitar's people were not invited: none of these notices.
    const blitar = await sessionPage(browser, ACCOUNTS.blitar);
    await blitar.goto("/notifications");
    await expect(blitar.getByText(title)).toHaveCount(0);
  });
});

test("a person chooses which notices are also e-mailed; saving says so and the choice stays", async ({ page }) => {
  await useSession(page, ACCOUNTS.admin);
  await page.goto("/profile");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Email pemberitahuan" }) });
  const choice = form.getByLabel("Notulen final");
  const before = await choice.isChecked();
  await choice.setChecked(!before);
  await form.getByRole("button", { name: "Simpan pilihan email" }).click();
  await expect(form.getByRole("status")).toHaveText("Pilihan email disimpan.");
  await page.goto("/profile");
  await expect(form.getByLabel("Notulen final")).toBeChecked({ checked: !before });
  await expect(form.getByRole("status")).toHaveText("");
  // As it was.
  await form.getByLabel("Notulen final").setChecked(before);
  await form.getByRole("button", { name: "Simpan pilihan email" }).click();
  await expect(form.getByRole("status")).toHaveText("Pilihan email disimpan.");
});
