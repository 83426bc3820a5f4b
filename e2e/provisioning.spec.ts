import { expect, test } from "@playwright/test";
import { ACCOUNTS, axeOf, signIn } from "./helpers";

/**
 * The admin imports personnel data (SIMPEG): upload → dry run with counts and errors by line and
 * column → apply. Its own unit codes and NIPs, so it disturbs no other test; the admin signs in
 * through the form (no stored session needed, hence @first).
 */
const tag = () => `E${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`;
const nip = (i: number) => `19850101${String(Date.now()).slice(-6)}${String(i).padStart(4, "0")}`;
const csv = (lines: string[]) => ({ name: "pegawai.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`) });

test.describe("personnel import", { tag: "@first" }, () => {
  test("an admin previews a SIMPEG export, sees a malformed row by line and column, then applies a clean one", async ({ page }) => {
    test.setTimeout(240_000);
    const t = tag();
    await signIn(page, ACCOUNTS.admin);
    await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Impor Pegawai" }).click();
    await expect(page.getByRole("heading", { name: "Impor Data Pegawai (SIMPEG)" })).toBeVisible();

    const units = { name: "unit.csv", mimeType: "text/csv", buffer: Buffer.from(`Kode;Nama;Kode Induk;Zona Waktu\nUPT-${t};Kantor Uji ${t};DIV-IMI;WIB\n`) };
    const header = "NIP;Nama;Jabatan;Kode Unit;E-mail;Peran";
    const good = [`${nip(1)};Rudi Hartono;Analis;UPT-${t};rudi.${t.toLowerCase()}@rakor.test;peserta`, `${nip(2)};Sari Dewi;Pranata;UPT-${t};sari.${t.toLowerCase()}@rakor.test;`];

    // A malformed row: named by line and column, and the import cannot be applied.
    await page.getByLabel("Berkas pegawai (CSV atau XLSX)").setInputFiles(csv([header, ...good, `12345;Salah;Analis;UPT-${t};salah@rakor.test;raja`]));
    await page.getByLabel("Berkas unit (opsional)").setInputFiles(units);
    await page.getByRole("button", { name: "Pratinjau (uji coba)" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "2 kesalahan" })).toBeVisible();
    await expect(page.getByText("Berkas pegawai, baris 4, kolom NIP (A)")).toBeVisible();
    await expect(page.getByText("Berkas pegawai, baris 4, kolom Peran (F)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Terapkan impor" })).toHaveCount(0);

    // The clean file: counts, the list of new people, then apply.
    await page.getByRole("link", { name: "Unggah berkas lain" }).click();
    await page.getByLabel("Berkas pegawai (CSV atau XLSX)").setInputFiles(csv([header, ...good]));
    await page.getByLabel("Berkas unit (opsional)").setInputFiles(units);
    await page.getByRole("button", { name: "Pratinjau (uji coba)" }).click();
    await expect(page.getByText("Pratinjau — belum diterapkan")).toBeVisible();
    await expect(page.locator('[data-count="created"]')).toHaveText("2");
    await expect(page.locator('[data-count="unitCreated"]')).toHaveText("1");
    await expect(page.getByRole("cell", { name: /Rudi Hartono/ })).toBeVisible();
    const axe = await axeOf(page).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Terapkan impor" }).click();
    await expect(page.getByText(/^Diterapkan /)).toBeVisible();
    await expect(page.getByRole("button", { name: "Terapkan impor" })).toHaveCount(0);

    // The people exist, without a password, in the new unit.
    await page.goto(`/admin/users?q=${encodeURIComponent(`rudi.${t.toLowerCase()}`)}`);
    await expect(page.getByText("Rudi Hartono")).toBeVisible();
    await expect(page.getByRole("cell", { name: `Kantor Uji ${t}` })).toBeVisible();
  });
});
