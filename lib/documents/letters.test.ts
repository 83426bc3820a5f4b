import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_LOGO_PNG_BASE64 } from "@/db/seed-logo";
import { office, publishedMeeting, type Office } from "@/tests/office";
import { ValidationError } from "@/lib/errors";
import { recordAttendance } from "@/lib/meetings/attendance";
import { inviteUnits } from "@/lib/meetings/invitations";
import { addDecision, saveMinutes } from "@/lib/meetings/minutes";
import { addSpeaker } from "@/lib/meetings/speakers";
import { saveOfficeSettings } from "@/lib/offices/settings";
import { makeUnit, makeUser, uid } from "@/tests/fixtures";
import { pdfPages, pdfText } from "@/tests/pdf-text";
import { inflateSync } from "node:zlib";
import { createHash } from "node:crypto";
import { documents, letters as lettersTable, meetings as meetingsTable, officeSettings } from "@/db/schema";
import { cancelMeeting, rescheduleMeeting } from "@/lib/meetings/transition-meeting";
import { instantToZonedLocal } from "@/lib/time";
import { issueLetter, letterFile, NumberTakenError } from "./letters";
import { SequenceBackwardsError } from "@/lib/offices/sequence";
import { renderMeetingFile } from "./render";

/** An 18-digit NIP of its own per call. */
const nip = () => `19${String(Math.floor(Math.random() * 1e16)).padStart(16, "0")}`;

/** The test office's letterhead (the division is the root of its tree, so it is the "office"). */
async function withSettings(o: Office, extra: { letterNumberFormat?: string; letterNumberNext?: number; defaultCopies?: string[] } = {}) {
  const admin = await makeUser("admin", o.division.id);
  const signerNip = nip();
  await db.update(users).set({ nip: signerNip, position: "Kepala Kantor Wilayah" }).where(eq(users.id, o.head.id));
  await saveOfficeSettings(
    admin,
    o.division.id,
    0,
    {
      ministryLine: "Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia",
      officeName: "Kantor Wilayah Jawa Timur",
      address: "Jalan Kayoon Nomor 50–52, Surabaya 60271",
      phone: "(031) 5340444",
      email: "kanwiljatim@kemenkumham.go.id",
      website: "jatim.kemenkumham.go.id",
      placeName: "Surabaya",
      defaultSignerUserId: o.head.id,
      letterNumberFormat: extra.letterNumberFormat ?? "W15.IMI-UM.01.01-{n}",
      letterNumberNext: extra.letterNumberNext ?? 123,
      defaultCopies: extra.defaultCopies ?? [],
    },
    { name: "logo.png", bytes: Buffer.from(DEMO_LOGO_PNG_BASE64, "base64") },
  );
  return { admin, signerNip };
}

const base = { numberMode: "sequence", letterDate: "2033-01-01", placeName: "Surabaya", signerName: "Budi Santoso", signerPosition: "Kepala Divisi Keimigrasian" } as const;
const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

/** The line segments a PDF strokes (content streams inflated): [x1, y1, x2, y2, lineWidth]. */
function strokedLines(pdf: Uint8Array): number[][] {
  const raw = Buffer.from(pdf);
  const out: number[][] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf("stream\n", at);
    if (start < 0) break;
    const end = raw.indexOf("\nendstream", start);
    let text = "";
    try {
      text = inflateSync(raw.subarray(start + 7, end)).toString("latin1");
    } catch {
      text = "";
    }
    let width = 1;
    for (const m of text.matchAll(/([\d.]+) w|([\d.-]+) ([\d.-]+) m\s+([\d.-]+) ([\d.-]+) l/g)) {
      if (m[1]) width = Number(m[1]);
      else out.push([Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), width]);
    }
    at = end + 10;
  }
  return out;
}

// Each test renders whole PDFs with an embedded font: allow for a busy machine.
describe("the letters of a meeting", { timeout: 120_000 }, () => {
  it("an undangan signed a.n. shows the a.n. line and the position on lines of their own, sifat, lampiran, tembusan; its lampiran has date, signature and the units in hierarchy order without the organizer", async () => {
    const o = await office();
    const { signerNip } = await withSettings(o, { letterNumberFormat: "W15.IMI-UM.01.01-{n}/{yyyy}", defaultCopies: ["Kepala Kantor Wilayah (sebagai laporan)"] });
    const sub = await makeUnit({ parentId: o.unitB.id, name: `Seksi Lalu Lintas ${uid()}` });
    const m = await publishedMeeting(o, { units: [o.unitB.id, o.unitA.id, sub.id, o.division.id] });
    const letter = await issueLetter(o.secretariat, m.id, {
      ...base,
      nature: "segera",
      signerName: o.head.name,
      signerNip,
      onBehalfKind: "an",
      onBehalfOf: "Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur",
      copies: "Inspektur Wilayah\nArsip",
    });
    // The sequence set to 123 is this year's; a letter dated 2033 starts that year's at 1.
    expect(letter.number).toBe("W15.IMI-UM.01.01-1/2033");
    const pages = await pdfPages((await renderMeetingFile(o.participantA, m.id, "invitation")).body);
    const lines = pages[0]!.split("\n").map((l) => l.trim());
    // "a.n. Kepala Kantor Wilayah …" (however it wraps), then the position on a line of its own, then name and NIP.
    const an = lines.findIndex((l) => l.startsWith("a.n. Kepala Kantor Wilayah"));
    const position = lines.indexOf("Kepala Divisi Keimigrasian,");
    expect(an).toBeGreaterThan(0);
    expect(position).toBeGreaterThan(an);
    expect(lines.slice(an, position).join(" ")).toBe("a.n. Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur");
    expect(lines.indexOf(o.head.name)).toBeGreaterThan(position);
    expect(lines.indexOf(`NIP ${signerNip}`)).toBe(lines.indexOf(o.head.name) + 1);
    const first = pages[0]!.replace(/\s+/g, " ");
    expect(first).toContain("Nomor : W15.IMI-UM.01.01-1/2033");
    expect(first).toContain("Sifat : Segera");
    expect(first).toContain("Lampiran : 1 (satu) berkas");
    expect(first).toContain(`Hal : Undangan ${m.title}`);
    expect(first).toContain("Yth. Daftar terlampir");
    expect(first).toContain("Tembusan: 1. Inspektur Wilayah 2. Arsip");
    expect(first).toContain(`NIP ${signerNip}`);
    const annex = pages.slice(1).join("\n").replace(/\s+/g, " ");
    expect(annex).toContain("Lampiran Surat Undangan");
    expect(annex).toContain("Nomor : W15.IMI-UM.01.01-1/2033");
    expect(annex).toContain("Tanggal : 1 Januari 2033");
    expect(annex).toContain(o.head.name);
    expect(annex).toContain("a.n. Kepala Kantor Wilayah");
    // Hierarchy order (a unit, then its sub-unit), without the organizer itself.
    const order = [o.unitA.name, o.unitB.name, sub.name].sort((x, y) => annex.indexOf(x) - annex.indexOf(y));
    expect(annex.indexOf(sub.name)).toBeGreaterThan(annex.indexOf(o.unitB.name));
    expect(order.indexOf(sub.name)).toBe(order.indexOf(o.unitB.name) + 1);
    const list = annex.slice(annex.indexOf("Daftar unit kerja yang diundang"), annex.indexOf("Susunan acara"));
    expect(list).not.toContain(o.division.name);
    // Speakers in protocol order; the notulis is not one.
    expect(annex.indexOf("Sambutan") < annex.indexOf("Narasumber") || !annex.includes("Sambutan")).toBe(true);
  });

  it("the kop's double rule spans the whole text width, with a logo too", async () => {
    const o = await office();
    await withSettings(o);
    const m = await publishedMeeting(o);
    const body = (await renderMeetingFile(o.participantA, m.id, "invitation")).body as Uint8Array;
    const rules = strokedLines(body).filter(([x1, y1, x2, y2]) => y1 === y2 && x2! - x1! > 200);
    expect(rules.length).toBeGreaterThanOrEqual(2);
    // A4 is 595.28 pt wide; margins 68 (left) and 56 (right): both rules, 3 pt apart, span it.
    const [a, b] = rules;
    for (const [x1, , x2] of [a!, b!]) {
      expect(x1).toBeCloseTo(68, 0);
      expect(x2).toBeCloseTo(595.28 - 56, 0);
    }
    expect(Math.abs(a![1]! - b![1]!)).toBeCloseTo(3, 0);
  });

  it("ten letters issued at once get ten distinct numbers; the same number twice is refused", async () => {
    const o = await office();
    await withSettings(o, { letterNumberFormat: "UM.01.01-{n}/{yyyy}", letterNumberNext: 1 });
    const meetings = [];
    for (let i = 0; i < 10; i++) meetings.push(await publishedMeeting(o));
    const issued = await Promise.all(meetings.map((m) => issueLetter(o.secretariat, m.id, base)));
    const numbers = issued.map((l) => l.number).sort();
    expect(new Set(numbers).size).toBe(10);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `UM.01.01-${i + 1}/2033`).sort());
    // A typed number another letter holds this year: a field error, 409.
    const other = await publishedMeeting(o);
    const taken = await issueLetter(o.secretariat, other.id, { ...base, numberMode: "manual", number: "UM.01.01-3/2033" }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(NumberTakenError);
    expect((taken as NumberTakenError).status).toBe(409);
    expect((taken as NumberTakenError).fieldErrors.number).toEqual(["offices.errors.numberTaken"]);
    // A typed number ahead of the sequence is skipped by it later.
    await issueLetter(o.secretariat, other.id, { ...base, numberMode: "manual", number: "UM.01.01-11/2033" });
    const next = await issueLetter(o.secretariat, (await publishedMeeting(o)).id, base);
    expect(next.number).toBe("UM.01.01-12/2033");
  });

  it("the sequence cannot move backwards, restarts at 1 on 1 January, and an undangan is not dated after the meeting", async () => {
    const o = await office();
    const { admin } = await withSettings(o, { letterNumberFormat: "B-{n}/{yyyy}", letterNumberNext: 5 });
    const settingsInput = { ministryLine: "", officeName: "Kanwil", address: "", phone: "", email: "", website: "", placeName: "Surabaya", defaultSignerUserId: "", letterNumberFormat: "B-{n}/{yyyy}" };
    const [row] = await db.select().from(officeSettings).where(eq(officeSettings.officeUnitId, o.division.id));
    const back = await saveOfficeSettings(admin, o.division.id, row!.version, { ...settingsInput, letterNumberNext: 4 }).catch((e: unknown) => e);
    expect(back).toBeInstanceOf(SequenceBackwardsError);
    expect((back as SequenceBackwardsError).fieldErrors.letterNumberNext).toEqual(["offices.errors.sequenceBackwards"]);
    const m1 = await publishedMeeting(o, { start: new Date("2034-03-01T02:00:00Z") });
    const m2 = await publishedMeeting(o, { start: new Date("2034-03-02T02:00:00Z") });
    const m3 = await publishedMeeting(o, { start: new Date("2034-03-03T02:00:00Z") });
    expect((await issueLetter(o.secretariat, m1.id, { ...base, letterDate: "2033-12-31" })).number).toBe("B-1/2033");
    expect((await issueLetter(o.secretariat, m2.id, { ...base, letterDate: "2034-01-01" })).number).toBe("B-1/2034");
    expect((await issueLetter(o.secretariat, m3.id, { ...base, letterDate: "2034-01-02" })).number).toBe("B-2/2034");
    const late = await publishedMeeting(o, { start: new Date("2034-03-04T02:00:00Z") });
    const after = await issueLetter(o.secretariat, late.id, { ...base, letterDate: "2034-03-05" }).catch((e: unknown) => e);
    expect(after).toBeInstanceOf(ValidationError);
    expect((after as ValidationError).fieldErrors.letterDate).toEqual(["offices.errors.letterAfterMeeting"]);
  });

  it("rescheduling keeps the issued undangan's bytes and issues a surat perubahan jadwal referring to it; cancelling issues a pemberitahuan pembatalan", async () => {
    const o = await office();
    await withSettings(o, { letterNumberFormat: "C-{n}/{yyyy}", letterNumberNext: 7 });
    const m = await publishedMeeting(o, { start: new Date("2035-05-06T02:00:00Z") });
    const undangan = await issueLetter(o.secretariat, m.id, { ...base, letterDate: "2035-04-28" });
    const before = (await renderMeetingFile(o.participantA, m.id, "invitation")).body as Uint8Array;
    const [stored] = await db.select().from(documents).where(eq(documents.letterId, undangan.id));
    expect(stored!.sha256).toBe(sha(before));
    const [current] = await db.select({ version: meetingsTable.version }).from(meetingsTable).where(eq(meetingsTable.id, m.id));
    const newStart = new Date("2035-05-08T03:00:00Z");
    await rescheduleMeeting(o.secretariat, m.id, current!.version, {
      startsAt: instantToZonedLocal(newStart, "Asia/Jakarta"),
      endsAt: instantToZonedLocal(new Date(newStart.getTime() + 3 * 3_600_000), "Asia/Jakarta"),
      reason: "Pimpinan bertugas ke luar kota",
      acknowledgeConflicts: "on",
    });
    expect(sha((await renderMeetingFile(o.participantA, m.id, "invitation")).body)).toBe(sha(before));
    const all = await db.select().from(lettersTable).where(eq(lettersTable.meetingId, m.id));
    const change = all.find((l) => l.kind === "reschedule")!;
    expect(undangan.number).toBe("C-1/2035");
    // Dated today: this year's sequence, which the admin set to 7.
    expect(change.number).toBe(`C-7/${change.letterDate.slice(0, 4)}`);
    expect(change.refersToLetterId).toBe(undangan.id);
    const changeText = (await pdfPages((await letterFile(o.participantA, change.id)).body)).join(" ").replace(/\s+/g, " ");
    expect(changeText).toContain("Nomor C-1/2035 tanggal 28 April 2035");
    expect(changeText).toContain("Minggu, 6 Mei 2035");
    expect(changeText).toContain("09.00 s.d. 12.00 WIB");
    expect(changeText).toContain("Selasa, 8 Mei 2035");
    expect(changeText).toContain("10.00 s.d. 13.00 WIB");

    const [again] = await db.select({ version: meetingsTable.version }).from(meetingsTable).where(eq(meetingsTable.id, m.id));
    await cancelMeeting(o.secretariat, m.id, again!.version, { reason: "Anggaran belum tersedia" });
    const cancel = (await db.select().from(lettersTable).where(eq(lettersTable.meetingId, m.id))).find((l) => l.kind === "cancellation")!;
    expect(cancel.refersToLetterId).toBe(change.id);
    const cancelText = (await pdfPages((await letterFile(o.participantA, cancel.id)).body)).join(" ").replace(/\s+/g, " ");
    expect(cancelText).toContain("dibatalkan karena anggaran belum tersedia");
    expect(cancelText).toContain(`Hal : Pembatalan ${m.title}`);
    expect(sha((await renderMeetingFile(o.participantA, m.id, "invitation")).body)).toBe(sha(before));
  });

  it("refuses a letter without number, date or a valid NIP, and is only for those who manage the meeting", async () => {
    const o = await office();
    await withSettings(o);
    const m = await publishedMeeting(o);
    const bad = await issueLetter(o.secretariat, m.id, { numberMode: "manual", number: "", letterDate: "2-12-2033", placeName: "", signerName: "", signerPosition: "", signerNip: "123" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(["letterDate", "number", "placeName", "signerName", "signerNip", "signerPosition"]);
    await expect(issueLetter(o.participantA, m.id, { numberMode: "manual", number: "1", letterDate: "2033-12-02", placeName: "Surabaya", signerName: "X", signerPosition: "Y" })).rejects.toThrow();
  });

  it("renders names outside Latin-1 (Vietnamese, Polish, Cyrillic) as they are written", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const names = ["Nguyễn Văn Đức", "Łukasz Żółkiewski", "Сергей Ковалёв", "Ṣāliḥ ʿAbd al-Raḥmān"];
    for (const name of names) await addSpeaker(o.secretariat, m.id, { name, position: "Narasumber tamu", organization: "Mitra", role: "resource_person" });
    const text = await pdfText((await renderMeetingFile(o.participantA, m.id, "invitation")).body);
    for (const name of names) expect(text).toContain(name);
    const minutes = await pdfText((await renderMeetingFile(o.secretariat, m.id, "minutes")).body);
    for (const name of names) expect(minutes).toContain(name);
  });
});

describe("the minutes (notulen) PDF", { timeout: 90_000 }, () => {
  it("states attendance truthfully, signs with notulis and chair beside the closing lines, and appends the daftar hadir", async () => {
    const o = await office();
    const { signerNip } = await withSettings(o);
    const extra = await Promise.all(Array.from({ length: 10 }, () => makeUnit({ parentId: o.division.id, name: `Kantor Imigrasi Uji ${uid()}` })));
    const m = await publishedMeeting(o);
    await inviteUnits(o.secretariat, m.id, { unitIds: extra.map((u) => u.id), acknowledgeConflicts: "on" });
    const notulis = await makeUser("secretariat", o.division.id, { name: `Notulis ${uid()}` });
    const notulisNip = nip();
    await db.update(users).set({ nip: notulisNip }).where(eq(users.id, notulis.id));
    await addSpeaker(o.secretariat, m.id, { userId: notulis.id, role: "minute_taker", acknowledgeConflicts: "on" });
    // 3 of the 12 invited units sent someone (present or represented); a fourth was excused.
    const colleague = await makeUser("participant", extra[0]!.id, { name: `Peserta C ${uid()}` });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "present" });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantB.id, status: "represented", representedBy: "Kasi Lalu Lintas" });
    await recordAttendance(o.secretariat, m.id, { userId: colleague.id, status: "present" });
    await recordAttendance(o.secretariat, m.id, { guestName: `Tamu ${uid()}`, workUnitId: extra[1]!.id, status: "excused" });
    await addDecision(o.secretariat, m.id, { text: "Setiap kantor imigrasi memublikasikan maklumat pelayanan." });

    // Summaries of many lengths: wherever the page ends, the signatures stay with the closing lines.
    let version = 0;
    for (const sentences of [1, 8, 16, 22, 27, 31, 36, 40, 46, 52]) {
      const summary = Array.from({ length: sentences }, (_, i) => `Kalimat ringkasan nomor ${i + 1} tentang pelayanan paspor dan pengaduan masyarakat di kantor imigrasi.`).join(" ");
      const saved = await saveMinutes(o.secretariat, m.id, version, { summary });
      version = saved.version;
      const pages = await pdfPages((await renderMeetingFile(o.secretariat, m.id, "minutes")).body);
      const signed = pages.findIndex((p) => p.includes("Notulis,"));
      expect(signed, `${sentences} sentences`).toBeGreaterThanOrEqual(0);
      const page = pages[signed]!.replace(/\s+/g, " ");
      expect(page, `${sentences} sentences`).toContain("Pimpinan Rapat,");
      expect(page, `${sentences} sentences`).toContain("Demikian notulen rapat ini dibuat");
      expect(page).toContain(`NIP ${notulisNip}`);
      expect(page).toContain(`NIP ${signerNip}`);
      expect(page).toContain(notulis.name);
      expect(page).toContain(o.head.name);
      expect(page).toContain("Surabaya, ");
      // The daftar hadir follows on pages of its own, with the people recorded.
      const annex = pages.slice(signed + 1).join(" ").replace(/\s+/g, " ");
      expect(annex).toContain("LAMPIRAN NOTULEN: DAFTAR HADIR");
      for (const name of [o.participantA.name, o.participantB.name, colleague.name]) expect(annex).toContain(name);
      expect(annex).toContain("Tanda tangan");
      if (sentences === 1) {
        const all = pages.join(" ").replace(/\s+/g, " ");
        expect(all).toContain("hadir 3 dari 12 unit kerja yang diundang");
        expect(all).not.toContain("12 unit kerja (daftar hadir terlampir)");
      }
    }
  });
});
