import { expect, type APIResponse, type Locator, type Page } from "@playwright/test";
import { pick } from "./helpers";

/** Helpers for specs that schedule meetings through the UI. */

export const tag = () => Math.random().toString(36).slice(2, 8);
let dayOffset = 0;
/**
 * A distinct future working day per call: "2035-03-14" (Monday to Friday, so the new-meeting
 * form's "weekend or holiday?" confirmation is not asked; specs that want it pick their day).
 */
export function futureDay() {
  const base = Date.UTC(2035, 0, 1) + (Math.floor(Math.random() * 2000) + dayOffset++ * 3) * 86_400_000;
  const d = new Date(base);
  const weekday = d.getUTCDay();
  if (weekday === 6 || weekday === 0) d.setUTCDate(d.getUTCDate() + (weekday === 6 ? 2 : 1));
  return d.toISOString().slice(0, 10);
}
/** Wall-clock "YYYY-MM-DDTHH:MM" in WIB for an instant. */
export const wib = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 16);

export type NewMeeting = { title: string; startsAt: string; endsAt: string; location?: string; room?: string; chair?: string };

/** Picks the option whose text contains `text` (option labels carry position and unit too). */
export async function selectByText(select: Locator, text: string) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

/** Fills and submits the new-meeting form (free-text place, or a room from the list); returns the meeting page URL. */
export async function createMeeting(page: Page, m: NewMeeting) {
  await page.goto("/meetings/new");
  await page.getByLabel("Judul").fill(m.title);
  await page.getByLabel("Topik").fill("Peningkatan pelayanan publik");
  await page.getByLabel("Mulai").fill(m.startsAt);
  await page.getByLabel("Selesai").fill(m.endsAt);
  if (m.room) await selectByText(page.getByLabel("Ruang", { exact: true }), m.room);
  else await page.getByLabel("Tempat lain").fill(m.location ?? "");
  if (m.chair) await pick(page.getByRole("combobox", { name: "Pimpinan rapat" }), m.chair);
  await page.getByRole("button", { name: "Buat" }).click();
  const ack = page.getByLabel("Saya mengetahui bentrokan jadwal ini dan tetap menyimpan");
  const heading = page.getByRole("heading", { level: 1, name: m.title });
  // A start in the past, on a weekend or a holiday asks first.
  const dateCheck = page.getByRole("dialog", { name: "Periksa tanggal rapat" });
  await expect(heading.or(ack).or(dateCheck)).toBeVisible();
  if (await dateCheck.isVisible()) {
    await dateCheck.getByRole("button", { name: "Ya, tetap buat" }).click();
    await expect(heading.or(ack)).toBeVisible();
  }
  if (await ack.isVisible()) {
    await ack.check();
    await page.getByRole("button", { name: "Buat" }).click();
  }
  await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
  return page.url();
}

/** Opens a <details> disclosure unless it is open already. */
export async function openDetails(details: Locator) {
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
}

/** The meeting page's sections are tabs (links in the "Bagian rapat" navigation). */
export async function openTab(page: Page, name: string) {
  const link = page.getByRole("navigation", { name: "Bagian rapat" }).getByRole("link", { name, exact: true });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
}

export const section = (page: Page, heading: string) => page.locator("section", { has: page.getByRole("heading", { level: 2, name: heading, exact: true }) });

export async function inviteUnits(page: Page, units: string[], includeSubUnits = false) {
  await openTab(page, "Undangan & kehadiran");
  const s = section(page, "Unit yang diundang");
  await openDetails(s.locator("details"));
  for (const unit of units) {
    await pick(s.getByRole("combobox", { name: "Pilih unit kerja" }), unit, { thenCleared: true });
    await expect(s.getByLabel(unit, { exact: true })).toBeChecked();
  }
  if (includeSubUnits) await s.getByLabel("Sertakan sub-unit").check();
  await s.getByRole("button", { name: "Undang unit" }).click();
  // Another spec may have invited the same unit at an overlapping time: acknowledge and save.
  const cell = s.getByRole("cell", { name: units[0], exact: true });
  const ack = s.getByLabel("Saya mengetahui bentrokan jadwal ini dan tetap menyimpan");
  await expect(cell.or(ack)).toBeVisible();
  if (await ack.isVisible()) {
    await ack.check();
    await s.getByRole("button", { name: "Undang unit" }).click();
  }
  await expect(cell).toBeVisible();
}

/**
 * Publishes from the meeting page: "Terbitkan", then the dialog that says whom it tells. The button
 * is found by its exact name (not "Terbitkan surat"), waited for until enabled (it is disabled
 * while an action of its own is pending), and the click is retried if the page re-rendered under
 * it (an invitation's refresh can replace the button between finding and clicking it).
 */
export async function publish(page: Page, expectText?: RegExp | string) {
  const button = page.getByRole("button", { name: "Terbitkan", exact: true });
  const dialog = page.getByRole("dialog", { name: "Terbitkan rapat?" });
  await expect(async () => {
    if (!(await dialog.isVisible())) {
      await expect(button).toBeEnabled({ timeout: 5_000 });
      await button.click({ timeout: 5_000 });
    }
    await expect(dialog).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  if (expectText) await expect(dialog).toContainText(expectText);
  await dialog.getByRole("button", { name: "Ya, terbitkan" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("Terjadwal", { exact: true }).first()).toBeVisible();
}

/** A lifecycle button that asks first: the dialog says what will happen; `confirm` goes ahead. */
export async function confirmStep(page: Page, button: string, dialogTitle: string, confirm: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: dialogTitle });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: confirm }).click();
  await expect(dialog).toHaveCount(0);
}

/** Adds an agenda item on the meeting page (the Agenda section). */
export async function addAgendaItem(page: Page, title: string, minutes: number, presenter?: string) {
  const s = section(page, "Agenda");
  const details = s.locator("details", { has: page.getByText("Tambah mata acara", { exact: true }) });
  await openDetails(details);
  await details.getByLabel("Mata acara").fill(title);
  await details.getByLabel("Durasi (menit)").fill(String(minutes));
  if (presenter) await selectByText(details.getByLabel("Penyaji"), presenter);
  await details.getByRole("button", { name: "Tambah mata acara" }).click();
  await expect(s.locator(".agenda-item", { hasText: title })).toBeVisible();
}

/** Adds a speaker on the meeting page: an employee picked by name, or a guest. */
export async function addSpeaker(page: Page, s: { internal?: string; name?: string; position?: string; organization?: string; role: string; onBehalfOf?: string; topic?: string }) {
  const sec = section(page, "Pembicara");
  const details = sec.locator("details");
  await openDetails(details);
  if (s.internal) {
    await details.getByLabel("Pegawai (internal)").check();
    await pick(details.getByRole("combobox", { name: "Pegawai", exact: true }), s.internal);
  } else {
    await details.getByLabel("Tamu (eksternal)").check();
    await details.getByLabel("Nama", { exact: true }).fill(s.name!);
    await details.getByLabel("Jabatan").fill(s.position ?? "");
    await details.getByLabel("Instansi").fill(s.organization ?? "");
  }
  await details.getByLabel("Peran").selectOption({ label: s.role });
  if (s.onBehalfOf) await details.getByLabel("Mewakili").fill(s.onBehalfOf);
  if (s.topic) await details.getByLabel("Materi / topik").fill(s.topic);
  await details.getByRole("button", { name: "Tambah pembicara" }).click();
  await expect(sec.locator(".speaker-list li", { hasText: s.internal ?? s.name! })).toBeVisible();
}

type ApiSpeaker = { name: string; role: "opening_remarks" | "resource_person" | "moderator"; position?: string; organization?: string; onBehalfOf?: string };
export type ApiMeeting = NewMeeting & {
  /** Guest speakers, in order. */
  speakers?: ApiSpeaker[];
  /** Agenda items; `presenter` names one of `speakers`. */
  agenda?: { title: string; durationMinutes: number; presenter?: string }[];
  /** Work units invited, by name. */
  invite?: string[];
  /** "scheduled" publishes; "ongoing" publishes and starts. */
  status?: "draft" | "scheduled" | "ongoing";
};

/**
 * Schedules a meeting through the JSON API with the session of `page` (the secretariat): for tests
 * whose subject comes after scheduling. Scheduling through the form (createMeeting, addSpeaker,
 * addAgendaItem, inviteUnits, publish, confirmStep) is itself tested in meetings.spec.ts and
 * live.spec.ts. Like those helpers, it goes ahead when another spec booked the same unit at an
 * overlapping time. Returns the meeting page URL, as createMeeting does.
 */
export async function apiMeeting(page: Page, m: ApiMeeting) {
  // With a session, an unsafe call must carry this site's Origin.
  const base = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  const headers = { Origin: base };
  const ok = async (response: Promise<APIResponse>, status = 201) => {
    const r = await response;
    expect(r.status(), `${r.url()}: ${await r.text()}`).toBe(status);
    return r.json();
  };
  const req = page.request;
  const me = await ok(req.get("/api/v1/me"), 200);
  const at = (wall: string) => `${wall}:00+07:00`;
  const meeting = await ok(
    req.post("/api/v1/meetings", {
      headers,
      data: { title: m.title, topic: "Peningkatan pelayanan publik", kind: "rakor", startsAt: at(m.startsAt), endsAt: at(m.endsAt), timeZone: "Asia/Jakarta", location: m.location, organizerUnitId: me.workUnitId, acknowledgeConflicts: true },
    }),
  );
  const speakerIds = new Map<string, string>();
  for (const s of m.speakers ?? []) speakerIds.set(s.name, (await ok(req.post(`/api/v1/meetings/${meeting.id}/speakers`, { headers, data: s }))).id);
  for (const a of m.agenda ?? []) {
    const data = { title: a.title, durationMinutes: a.durationMinutes, ...(a.presenter ? { presenterSpeakerId: speakerIds.get(a.presenter) } : {}) };
    await ok(req.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { headers, data }));
  }
  if (m.invite?.length) {
    const units = (await ok(req.get("/api/v1/work-units"), 200)).items as { id: string; name: string }[];
    for (const name of m.invite) {
      const unit = units.find((u) => u.name === name);
      expect(unit, name).toBeDefined();
      await ok(req.post(`/api/v1/meetings/${meeting.id}/invitations`, { headers, data: { workUnitId: unit!.id, acknowledgeConflicts: true } }));
    }
  }
  for (const to of m.status === "ongoing" ? ["scheduled", "ongoing"] : m.status === "scheduled" ? ["scheduled"] : []) {
    const etag = (await req.get(`/api/v1/meetings/${meeting.id}`)).headers()["etag"]!;
    await ok(req.post(`/api/v1/meetings/${meeting.id}/transitions`, { headers: { ...headers, "If-Match": etag }, data: { to } }), 200);
  }
  return new URL(`/meetings/${meeting.id}`, base).toString();
}
