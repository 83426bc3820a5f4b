import { expect, test } from "@playwright/test";
import { ACCOUNTS, pick, sessionPage, useSession } from "./helpers";
import { addAgendaItem, addSpeaker, apiMeeting, confirmStep, createMeeting, futureDay, inviteUnits, openDetails, openTab, publish, section, selectByText, tag, wib } from "./meeting-helpers";

/**
 * Issue 3 acceptance (a)–(f). Each test seeds its own meetings through the UI, on a day of its
 * own far in the future (or "now" for check-in), in a room of its own, so tests never collide.
 */



test.describe("meetings", () => {
  test("the secretariat schedules a rakor like the article: agenda with times, speakers, four invited units, published", async ({ page }) => {
    // A long story (a meeting built step by step through the form): more than the default minute on a busy machine.
    test.setTimeout(180_000);
    await useSession(page, ACCOUNTS.secretariat);
    const day = futureDay();
    const title = `Rakor Mutu Layanan Keimigrasian ${tag()}`;
    await createMeeting(page, { title, startsAt: `${day}T09:00`, endsAt: `${day}T12:00`, location: `Aula Kanwil ${tag()}`, chair: "Zakaria" });

    await addSpeaker(page, { internal: "Zakaria", role: "Sambutan", onBehalfOf: "Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur" });
    await addSpeaker(page, {
      name: "Agus Widiyarta",
      position: "Kepala Perwakilan",
      organization: "Ombudsman RI Perwakilan Jawa Timur",
      role: "Narasumber",
      topic: "Laporan masyarakat 2013–2017",
    });
    await addSpeaker(page, { internal: "Bambang Sutrisno", role: "Moderator" });
    const speakers = section(page, "Pembicara");
    await expect(speakers.getByText("mewakili Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur")).toBeVisible();
    await expect(speakers.getByText("Ombudsman RI Perwakilan Jawa Timur")).toBeVisible();
    // Edit a speaker in place: the moderator moves to first place in the list.
    await speakers.getByRole("button", { name: "Ubah Bambang Sutrisno" }).click();
    await speakers.locator(".speaker-list").getByLabel("Urutan").fill("0");
    await speakers.locator(".speaker-list").getByRole("button", { name: "Simpan" }).click();
    await expect(speakers.locator(".speaker-list > li").first()).toContainText("Bambang Sutrisno");

    await addAgendaItem(page, "Pembukaan", 10, "Bambang Sutrisno");
    await addAgendaItem(page, "Sambutan Kepala Divisi Keimigrasian mewakili Kakanwil", 20, "Zakaria");
    await addAgendaItem(page, "Paparan narasumber Ombudsman RI", 60, "Agus Widiyarta");
    await addAgendaItem(page, "Diskusi dan tanya jawab", 60, "Bambang Sutrisno");
    await addAgendaItem(page, "Kesimpulan dan penutup", 20);
    const agenda = section(page, "Agenda");
    await expect(agenda.locator(".agenda-time")).toHaveText(["09.00–09.10 WIB", "09.10–09.30 WIB", "09.30–10.30 WIB", "10.30–11.30 WIB", "11.30–11.50 WIB"]);
    await expect(agenda.getByText("Total 170 menit dari 180 menit rapat.")).toBeVisible();

    // Reorder with the keyboard: focus "move down" on the first item and press Enter.
    await agenda.getByRole("button", { name: "Turunkan Pembukaan" }).focus();
    await page.keyboard.press("Enter");
    await expect(agenda.locator(".agenda-item strong").first()).toHaveText("Sambutan Kepala Divisi Keimigrasian mewakili Kakanwil");
    await agenda.getByRole("button", { name: "Naikkan Pembukaan" }).click();
    await expect(agenda.locator(".agenda-item strong").first()).toHaveText("Pembukaan");

    // Divisi Pemasyarakatan with its two sub-units, plus Kanim Malang: four units.
    await inviteUnits(page, ["Divisi Pemasyarakatan", "Kantor Imigrasi Kelas I TPI Malang"], true);
    const invited = section(page, "Unit yang diundang");
    await expect(invited.locator("tbody tr")).toHaveCount(4);
    await expect(invited.getByRole("cell", { name: "Lembaga Pemasyarakatan Kelas I Surabaya", exact: true })).toBeVisible();
    await expect(invited.getByText("4 unit belum menjawab")).toBeVisible();

    // The dialog says whom publishing tells: the four units and their people.
    await publish(page, /Undangan dikirim ke 4 unit kerja: \d+ orang menerima e-mail/);
    // Weeks ahead, the meeting cannot be started: the button is not offered, the page says from when.
    await expect(page.getByRole("button", { name: "Mulai rapat" })).toHaveCount(0);
    await expect(page.getByText(/Rapat dapat dimulai mulai/)).toBeVisible();

    await openTab(page, "Agenda & pembicara");
    await page.getByRole("link", { name: "Cetak agenda" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Susunan Acara");
    await expect(page.locator("tbody tr")).toHaveCount(5);
    await expect(page.getByRole("cell", { name: "11.30–11.50" })).toBeVisible();
  });

  test("a participant of an invited unit answers 'represented by' and checks in; an uninvited unit gets 404", async ({ page, browser }) => {
    await useSession(page, ACCOUNTS.secretariat);
    const now = Date.now();
    const title = `Rakor Presensi ${tag()}`;
    const url = await apiMeeting(page, {
      title,
      startsAt: wib(now - 10 * 60_000),
      endsAt: wib(now + 2 * 3600_000),
      location: `Ruang Rapat ${tag()}`,
      invite: ["Kantor Imigrasi Kelas I TPI Malang"],
      status: "scheduled",
    });
    await page.goto(url);
    await openTab(page, "Undangan & kehadiran");
    const checkInUrl = await page.locator("figure.qr figcaption a").getAttribute("href");
    expect(checkInUrl).toMatch(/\/check-in\/[0-9a-f]{32}$/);
    await expect(page.getByRole("img", { name: "Kode QR presensi mandiri" })).toBeVisible();

    const malang = await sessionPage(browser, ACCOUNTS.malang);
    await malang.goto(url);
    await expect(malang.getByRole("heading", { level: 1, name: title })).toBeVisible();
    // The unit's answer and check-in are on the first screen; one word for representation.
    await expect(malang.getByRole("heading", { name: "Jawaban unit Anda" })).toBeVisible();
    await malang.getByLabel("Diwakili", { exact: true }).check();
    await malang.getByLabel("Diwakili oleh (nama dan jabatan)").fill("Fitri Rahmawati, Analis Keimigrasian Ahli Pertama");
    await malang.getByRole("button", { name: "Kirim jawaban" }).click();
    await expect(malang.getByText("Jawaban unit Anda tersimpan.")).toBeVisible();

    const path = new URL(checkInUrl!).pathname;
    await malang.goto(path);
    await malang.getByRole("button", { name: "Saya hadir" }).click();
    await expect(malang.getByText(/kehadiran Anda tercatat pada/)).toBeVisible();
    // Coming back: the page says so, with the time, instead of offering the button again.
    await malang.goto(path);
    await expect(malang.getByText(/Anda sudah tercatat hadir pukul \d{2}\.\d{2}/)).toBeVisible();
    await expect(malang.getByRole("button", { name: "Saya hadir" })).toHaveCount(0);

    // The secretariat sees the answer and one person present (not two).
    await page.reload();
    await expect(page.getByRole("navigation", { name: "Bagian rapat" }).getByRole("link", { name: "Undangan & kehadiran" })).toHaveAttribute("aria-current", "page");
    await expect(section(page, "Unit yang diundang").getByText("Diwakili oleh: Fitri Rahmawati, Analis Keimigrasian Ahli Pertama")).toBeVisible();
    const attendance = section(page, "Daftar hadir");
    await expect(attendance.locator("tbody tr:not(.group-row)")).toHaveCount(1);
    await expect(attendance.getByText("presensi mandiri")).toBeVisible();

    const blitar = await sessionPage(browser, ACCOUNTS.blitar);
    const response = await blitar.goto(url);
    expect(response?.status()).toBe(404);
    await expect(blitar.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
    await expect(blitar.getByText(title)).toHaveCount(0);
    expect((await blitar.goto(path))?.status()).toBe(404);
  });

  test("the secretariat records attendance for three units and reads the recap", async ({ page }) => {
    await useSession(page, ACCOUNTS.secretariat);
    const day = futureDay();
    const url = await apiMeeting(page, {
      title: `Rakor Daftar Hadir ${tag()}`,
      startsAt: `${day}T13:00`,
      endsAt: `${day}T15:00`,
      location: `Ruang ${tag()}`,
      invite: ["Kantor Imigrasi Kelas I TPI Malang", "Kantor Imigrasi Kelas II TPI Blitar", "Kantor Imigrasi Kelas II Non TPI Kediri"],
      status: "scheduled",
    });
    await page.goto(url);
    await openTab(page, "Undangan & kehadiran");
    // Before anyone is recorded, nobody is listed as having sent no one.
    await expect(page.getByText("Daftar unit yang tidak mengirim siapa pun tampil setelah kehadiran mulai dicatat.")).toBeVisible();

    const s = section(page, "Daftar hadir");
    const record = async (person: string, status: string, representedBy?: string) => {
      const details = s.locator("details");
      await openDetails(details);
      await pick(details.getByRole("combobox", { name: "Nama pegawai" }), person);
      await details.getByLabel("Status kehadiran").selectOption({ label: status });
      if (representedBy) await details.getByLabel("Diwakili oleh").fill(representedBy);
      await details.getByRole("button", { name: "Catat kehadiran" }).click();
      await expect(s.locator("tbody tr", { hasText: person })).toBeVisible();
    };
    await record("Rudi Hartono", "Hadir");
    await record("Novianto Sulastono", "Diwakili", "Fitri Rahmawati");
    await record("Siti Aminah", "Sakit");
    await record("Hendra Gunawan", "Dinas luar");
    // A guest without an account.
    const details = s.locator("details");
    await details.getByLabel("Tamu tanpa akun").check();
    await details.getByLabel("Nama tamu").fill("Agus Widiyarta");
    await details.getByLabel("Instansi").fill("Ombudsman RI Perwakilan Jawa Timur");
    await details.getByRole("button", { name: "Catat kehadiran" }).click();
    await expect(s.locator("tbody tr", { hasText: "Agus Widiyarta" })).toBeVisible();

    const recap = section(page, "Rekap kehadiran per unit");
    const stat = (label: string) => recap.locator(".stats li", { hasText: label }).locator("strong");
    await expect(stat("Unit diundang")).toHaveText("3");
    await expect(stat("Unit menjawab")).toHaveText("0");
    await expect(stat("Unit hadir")).toHaveText("1");
    await expect(stat("Orang tercatat")).toHaveText("5");
    const malang = recap.locator("tbody tr", { hasText: "Kantor Imigrasi Kelas I TPI Malang" });
    await expect(malang.locator("td")).toHaveText(["Belum menjawab", "1", "1", "0", "0", "0", "0"]);
    const blitar = recap.locator("tbody tr", { hasText: "Kantor Imigrasi Kelas II TPI Blitar" });
    await expect(blitar.locator("td")).toHaveText(["Belum menjawab", "0", "0", "0", "1", "1", "0"]);
    await expect(recap.locator("ul:not(.stats) li")).toHaveText(["Kantor Imigrasi Kelas II Non TPI Kediri", "Kantor Imigrasi Kelas II TPI Blitar"]);
  });

  test("the secretariat starts the meeting and finalizes minutes with three decisions, each after a confirmation; editing is then refused", async ({ page, browser }) => {
    await useSession(page, ACCOUNTS.secretariat);
    const now = Date.now();
    const url = await apiMeeting(page, { title: `Rakor Notulen ${tag()}`, startsAt: wib(now + 20 * 60_000), endsAt: wib(now + 3 * 3600_000), location: `Ruang ${tag()}`, status: "scheduled" });
    await page.goto(url);
    // Starting asks first; "Batal" changes nothing.
    await page.getByRole("button", { name: "Mulai rapat", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Mulai rapat sekarang?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Langkah ini tidak dapat dibatalkan");
    await dialog.getByRole("button", { name: "Batal" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText("Terjadwal", { exact: true }).first()).toBeVisible();
    await confirmStep(page, "Mulai rapat", "Mulai rapat sekarang?", "Ya, mulai rapat");
    await expect(page.getByText("Berlangsung", { exact: true }).first()).toBeVisible();

    await openTab(page, "Notulen & keputusan");
    const s = section(page, "Notulen");
    await s.getByLabel("Ringkasan (notulen)").fill("Kepala Divisi membuka rapat.\n<script>alert(1)</script>");
    await s.getByRole("button", { name: "Simpan notulen" }).click();
    await expect(s.getByText("Tidak boleh berisi kode HTML atau skrip.")).toBeVisible();
    await s.getByLabel("Ringkasan (notulen)").fill("Kepala Divisi membuka rapat; narasumber memaparkan laporan masyarakat.");
    await s.getByRole("button", { name: "Simpan notulen" }).click();
    await expect(s.getByText("Notulen tersimpan.")).toBeVisible();
    const decisions = [
      "Setiap kantor imigrasi memublikasikan standar pelayanan dan maklumat pelayanan.",
      "Setiap unit menindaklanjuti pengaduan masyarakat paling lambat 14 hari.",
      "Setiap unit menyediakan sarana pelayanan khusus.",
    ];
    for (const text of decisions) {
      const details = s.locator("details", { has: page.getByText("Tambah keputusan", { exact: true }) });
      await openDetails(details);
      await details.getByLabel("Keputusan").fill(text);
      await details.getByRole("button", { name: "Simpan" }).click();
      await expect(s.locator(".decision-list li", { hasText: text })).toBeVisible();
    }
    await expect(s.locator(".decision-list > li")).toHaveCount(3);

    // A second tab, opened before finalizing, still shows the forms.
    const other = await sessionPage(browser, ACCOUNTS.secretariat);
    await other.goto(`${url}?tab=minutes`);

    await page.getByRole("button", { name: "Finalkan notulen" }).click();
    const finalize = page.getByRole("dialog", { name: "Finalkan notulen?" });
    await expect(finalize).toContainText("membuka kembali notulen");
    await finalize.getByRole("button", { name: "Ya, finalkan" }).click();
    await expect(s.getByText(/Notulen final pada/)).toBeVisible();
    await expect(s.getByRole("button", { name: "Simpan notulen" })).toHaveCount(0);
    await expect(s.getByText("Tambah keputusan")).toHaveCount(0);

    const o = section(other, "Notulen");
    const details = o.locator("details", { has: other.getByText("Tambah keputusan", { exact: true }) });
    await openDetails(details);
    await details.getByLabel("Keputusan").fill("Keputusan keempat yang terlambat");
    await details.getByRole("button", { name: "Simpan" }).click();
    await expect(o.getByText("Notulen sudah final; buka kembali untuk mengubah.")).toBeVisible();

    // The print view is the notulen itself (the PDF's content): numbered decisions under "Keputusan".
    await page.getByRole("link", { name: "Cetak notulen" }).click();
    await expect(page.getByRole("heading", { name: "Keputusan", exact: true })).toBeVisible();
    for (const [i, text] of decisions.entries()) await expect(page.getByText(`${i + 1}. ${text}`, { exact: true })).toBeVisible();
  });

  test("a double-booked room warns (the same place typed differently, or the same room from the list) and saves only after acknowledgement", async ({ page }) => {
    await useSession(page, ACCOUNTS.secretariat);
    const day = futureDay();
    const room = `Aula Kanwil ${tag()}`;
    const first = `Rakor Pertama ${tag()}`;
    await apiMeeting(page, { title: first, startsAt: `${day}T09:00`, endsAt: `${day}T12:00`, location: room });

    await page.goto("/meetings/new");
    const second = `Rakor Kedua ${tag()}`;
    await page.getByLabel("Judul").fill(second);
    await page.getByLabel("Mulai").fill(`${day}T10:00`);
    await page.getByLabel("Selesai").fill(`${day}T11:00`);
    await page.getByLabel("Tempat lain").fill(`  ${room.toLowerCase().replace(" ", "  ")} `);
    await page.getByRole("button", { name: "Buat" }).click();
    await expect(page.getByText("Bentrok jadwal")).toBeVisible();
    await expect(page.getByText(`Tempat ${room} sudah dipakai`)).toBeVisible();
    await expect(page.getByRole("link", { name: first })).toBeVisible();
    // Not an error yet: the user has not had a chance to tick "tetap simpan".
    await expect(page.getByText("Centang untuk tetap menyimpan walau jadwal bentrok.")).toHaveCount(0);
    await page.getByRole("button", { name: "Buat" }).click();
    await expect(page.getByText("Centang untuk tetap menyimpan walau jadwal bentrok.")).toBeVisible();
    await expect(page).toHaveURL(/\/meetings\/new$/);
    await page.getByLabel("Saya mengetahui bentrokan jadwal ini dan tetap menyimpan").check();
    await page.getByRole("button", { name: "Buat" }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: second })).toBeVisible();

    // A room chosen from the office's list: the second booking at that hour is warned by room.
    const other = futureDay();
    const third = `Rakor Ruang Pimpinan ${tag()}`;
    await createMeeting(page, { title: third, startsAt: `${other}T13:00`, endsAt: `${other}T15:00`, room: "Ruang Rapat Pimpinan" });
    await expect(page.getByText(/Ruang Rapat Pimpinan, Gedung Utama, lantai 4/).first()).toBeVisible();
    await page.goto("/meetings/new");
    await page.getByLabel("Judul").fill(`Rakor Bentrok Ruang ${tag()}`);
    await page.getByLabel("Mulai").fill(`${other}T14:00`);
    await page.getByLabel("Selesai").fill(`${other}T16:00`);
    await selectByText(page.getByLabel("Ruang", { exact: true }), "Ruang Rapat Pimpinan");
    await expect(page.getByLabel("Tempat lain")).toHaveCount(0);
    await page.getByRole("button", { name: "Buat" }).click();
    await expect(page.getByText("Tempat Ruang Rapat Pimpinan sudah dipakai")).toBeVisible();
    await expect(page.getByRole("link", { name: third })).toBeVisible();
  });

  test("a place typed like a managed room suggests it, a meeting on a holiday asks first, and focus lands on the new meeting's heading", async ({ page }) => {
    await useSession(page, ACCOUNTS.secretariat);
    await page.goto("/meetings/new");
    const title = `Rakor Hari Natal ${tag()}`;
    await page.getByLabel("Judul").fill(title);
    // Natal 2027 (a national holiday kept in the office settings), a Saturday.
    await page.getByLabel("Mulai").fill("2027-12-25T09:00");
    await page.getByLabel("Selesai").fill("2027-12-25T10:00");
    await page.getByLabel("Tempat lain").fill("Aula Kanwil Kemenkumham Jawa Timur");
    await expect(page.getByText("Maksud Anda Aula Kanwil Kemenkumham Jatim?")).toBeVisible();
    await page.getByRole("button", { name: "Pilih Aula Kanwil Kemenkumham Jatim" }).click();
    await expect(page.getByLabel("Tempat lain")).toHaveCount(0);
    await expect(page.getByLabel("Ruang", { exact: true }).locator("option:checked")).toHaveText(/Aula Kanwil Kemenkumham Jatim/);

    await page.getByRole("button", { name: "Buat" }).click();
    const dateCheck = page.getByRole("dialog", { name: "Periksa tanggal rapat" });
    await expect(dateCheck).toContainText("Tanggal ini hari Sabtu.");
    await expect(dateCheck).toContainText("Tanggal ini hari libur: Hari Raya Natal.");
    await dateCheck.getByRole("button", { name: "Ubah tanggal" }).click();
    await expect(dateCheck).toHaveCount(0);
    await expect(page).toHaveURL(/\/meetings\/new$/);
    await page.getByRole("button", { name: "Buat" }).click();
    await dateCheck.getByRole("button", { name: "Ya, tetap buat" }).click();
    const ack = page.getByLabel("Saya mengetahui bentrokan jadwal ini dan tetap menyimpan");
    const heading = page.getByRole("heading", { level: 1, name: title });
    await expect(heading.or(ack)).toBeVisible();
    if (await ack.isVisible()) {
      await ack.check();
      await page.getByRole("button", { name: "Buat" }).click();
    }
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await expect(heading).toBeFocused();
  });

  test("the secretariat makes a monthly series of three and edits one occurrence alone", async ({ page }) => {
    await useSession(page, ACCOUNTS.secretariat);
    const day = futureDay().slice(0, 8) + "10";
    const title = `Rakor Bulanan ${tag()}`;
    const url = await apiMeeting(page, { title, startsAt: `${day}T09:00`, endsAt: `${day}T11:00`, location: `Ruang ${tag()}`, agenda: [{ title: "Reviu tindak lanjut", durationMinutes: 90 }] });
    await page.goto(url);
    await openDetails(page.locator("details", { has: page.getByText("Jadwal ulang, batalkan atau jadikan berulang") }));
    await page.getByLabel("Pola").selectOption({ label: "bulanan" });
    await page.getByLabel("Jumlah pertemuan (termasuk ini)").fill("3");
    await page.getByRole("button", { name: "Buat seri" }).click();
    const occurrences = page.locator("h3:has-text('Pertemuan dalam seri') + ol");
    await expect(occurrences.locator("li")).toHaveCount(3);

    // Occurrence 2: a real meeting with the copied agenda, edited on its own.
    await occurrences.locator("li").nth(1).getByRole("link").click();
    await expect(page.getByText(/Seri bulanan: pertemuan ke-2/)).toBeVisible();
    await expect(section(page, "Agenda").getByText("Reviu tindak lanjut")).toBeVisible();
    await page.getByRole("link", { name: "Ubah", exact: true }).click();
    await page.getByLabel("Judul").fill(`${title} (khusus)`);
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: `${title} (khusus)` })).toBeVisible();
    // The other two keep their title.
    await expect(occurrences.locator("li")).toHaveCount(3);
    const texts = await occurrences.locator("li").allTextContents();
    expect(texts.filter((x) => x.includes(`${title} (khusus)`))).toHaveLength(1);
    expect(texts.filter((x) => x.includes(title) && !x.includes("(khusus)"))).toHaveLength(2);
  });

  test("a participant reads the meeting list, calendar and a meeting on a 360 px phone without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await useSession(page, ACCOUNTS.malang);
    const noOverflow = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.goto("/meetings");
    await expect(page.getByRole("link", { name: "Rakor Tindak Lanjut Pelayanan Publik" })).toBeVisible();
    await noOverflow();
    await page.getByRole("link", { name: "Kalender" }).click();
    await expect(page.locator("table.calendar")).toBeAttached();
    await noOverflow();
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Rakor Tindak Lanjut Pelayanan Publik" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Rakor Tindak Lanjut Pelayanan Publik" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Jawaban unit Anda" })).toBeVisible();
    await expect(page.getByText("Konfirmasi kehadiran unit Anda")).toBeVisible();
    await noOverflow();
    // Participants never see drafts: the seeded draft is not listed.
    await page.goto("/meetings?q=Persiapan%20Survei");
    await expect(page.getByText("Belum ada rapat yang cocok.")).toBeVisible();
  });

  test("a second secretariat saving a stale edit form sees what the first one changed", async ({ page, browser }) => {
    await useSession(page, ACCOUNTS.secretariat);
    const day = futureDay();
    const title = `Rakor Serentak ${tag()}`;
    const url = await apiMeeting(page, { title, startsAt: `${day}T09:00`, endsAt: `${day}T10:00`, location: `Ruang ${tag()}` });
    const other = await sessionPage(browser, ACCOUNTS.secretariat);
    await other.goto(`${url}/edit`);
    await page.goto(`${url}/edit`);

    await page.getByLabel("Judul").fill(`${title} (revisi)`);
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.waitForURL(url);

    await other.getByLabel("Topik").fill("Topik dari tab kedua");
    await other.getByRole("button", { name: "Simpan" }).click();
    const alert = other.getByRole("alert").filter({ hasText: "Data sudah diubah orang lain" });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole("row", { name: /Judul/ })).toContainText(`${title} (revisi)`);
    await expect(alert.getByRole("row", { name: /Topik/ })).toContainText("Topik dari tab kedua");
    // Nothing was overwritten.
    await page.reload();
    await expect(page.locator("dl.facts")).toContainText("Peningkatan pelayanan publik");
    await expect(page.getByText("Topik dari tab kedua")).toHaveCount(0);
  });
});
