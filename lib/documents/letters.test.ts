import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_LOGO_PNG_BASE64 } from "@/db/seed-logo";
import { office, publishedMeeting, type Office } from "@/tests/office";
import { ConflictError, ValidationError } from "@/lib/errors";
import { recordAttendance } from "@/lib/meetings/attendance";
import { inviteUnits } from "@/lib/meetings/invitations";
import { addDecision, saveMinutes } from "@/lib/meetings/minutes";
import { addSpeaker } from "@/lib/meetings/speakers";
import { saveOfficeSettings } from "@/lib/offices/settings";
import { makeUnit, makeUser, uid } from "@/tests/fixtures";
import { pdfPages, pdfText } from "@/tests/pdf-text";
import { issueInvitationLetter } from "./invitation-letter";
import { renderMeetingFile } from "./render";

/** An 18-digit NIP of its own per call. */
const nip = () => `19${String(Math.floor(Math.random() * 1e16)).padStart(16, "0")}`;

/** The test office's letterhead (the division is the root of its tree, so it is the "office"). */
async function withSettings(o: Office, extra: { letterNumberFormat?: string; letterNumberNext?: number } = {}) {
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
    },
    { name: "logo.png", bytes: Buffer.from(DEMO_LOGO_PNG_BASE64, "base64") },
  );
  return { admin, signerNip };
}

// Each test renders whole PDFs with an embedded font: allow for a busy machine.
describe("the invitation letter", { timeout: 90_000 }, () => {
  it("carries the letter number from the sequence, 'Surabaya, <date>', the signer's NIP and the letterhead lines", async () => {
    const o = await office();
    const { signerNip } = await withSettings(o);
    const m = await publishedMeeting(o);
    const letter = await issueInvitationLetter(o.secretariat, m.id, 0, {
      numberMode: "sequence",
      letterDate: "2033-12-02",
      placeName: "Surabaya",
      signerName: o.head.name,
      signerPosition: "Kepala Kantor Wilayah",
      signerNip,
    });
    expect(letter.number).toBe("W15.IMI-UM.01.01-123");
    const file = await renderMeetingFile(o.participantA, m.id, "invitation");
    const [first] = await pdfPages(file.body);
    const text = first!.replace(/\s+/g, " ");
    expect(text).toMatch(/Nomor : W15\.IMI-UM\.01\.01-123/);
    expect(text).toContain("Surabaya, 2 Desember 2033");
    expect(text).toContain(`NIP ${signerNip}`);
    expect(text).toContain(o.head.name);
    for (const line of ["KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA REPUBLIK INDONESIA", "KANTOR WILAYAH JAWA TIMUR", "Jalan Kayoon Nomor 50–52, Surabaya 60271", "Telepon (031) 5340444", "Laman jatim.kemenkumham.go.id"]) {
      expect(text).toContain(line);
    }
    // The next letter takes the next number; a stale form takes none.
    const m2 = await publishedMeeting(o);
    const second = await issueInvitationLetter(o.secretariat, m2.id, 0, { numberMode: "sequence", letterDate: "2033-12-03", placeName: "Surabaya", signerName: "X", signerPosition: "Y" });
    expect(second.number).toBe("W15.IMI-UM.01.01-124");
    await expect(issueInvitationLetter(o.secretariat, m2.id, 0, { numberMode: "sequence", letterDate: "2033-12-03", placeName: "Surabaya", signerName: "X", signerPosition: "Y" })).rejects.toBeInstanceOf(ConflictError);
    const third = await issueInvitationLetter(o.secretariat, m2.id, second.version, { numberMode: "manual", number: "W15.IMI-UM.01.01-200", letterDate: "2033-12-04", placeName: "Malang", signerName: "X", signerPosition: "Y" });
    expect(third.number).toBe("W15.IMI-UM.01.01-200");
    const m3 = await publishedMeeting(o);
    const fourth = await issueInvitationLetter(o.secretariat, m3.id, 0, { numberMode: "sequence", letterDate: "2033-12-05", placeName: "Surabaya", signerName: "X", signerPosition: "Y" });
    expect(fourth.number).toBe("W15.IMI-UM.01.01-125");
  });

  it("refuses a letter without number, date or a valid NIP, and is only for those who manage the meeting", async () => {
    const o = await office();
    await withSettings(o);
    const m = await publishedMeeting(o);
    const bad = await issueInvitationLetter(o.secretariat, m.id, 0, { numberMode: "manual", number: "", letterDate: "2-12-2033", placeName: "", signerName: "", signerPosition: "", signerNip: "123" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(["letterDate", "number", "placeName", "signerName", "signerNip", "signerPosition"]);
    await expect(issueInvitationLetter(o.participantA, m.id, 0, { numberMode: "manual", number: "1", letterDate: "2033-12-02", placeName: "Surabaya", signerName: "X", signerPosition: "Y" })).rejects.toThrow();
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
