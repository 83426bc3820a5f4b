import { eq } from "drizzle-orm";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { letters, meetings, users } from "@/db/schema";
import { office, publishedMeeting } from "@/tests/office";
import { recordAttendance } from "@/lib/meetings/attendance";
import { addDecision, saveMinutes } from "@/lib/meetings/minutes";
import { addSpeaker } from "@/lib/meetings/speakers";
import { saveOfficeSettings } from "@/lib/offices/settings";
import { cancelMeeting } from "@/lib/meetings/transition-meeting";
import { makeUser, uid } from "@/tests/fixtures";
import { pdfText } from "@/tests/pdf-text";
import { issueLetter, letterWordFile } from "./letters";
import { renderMeetingFile } from "./render";

const nip = () => `19${String(Math.floor(Math.random() * 1e16)).padStart(16, "0")}`;

/** What a second reader (mammoth) finds in a .docx: its text, white space made single spaces. */
async function docxText(body: Uint8Array | string) {
  expect(body).toBeInstanceOf(Uint8Array);
  const bytes = Buffer.from(body as Uint8Array);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value.replace(/\s+/g, " ");
}

/** The positions of `parts` in `text`, in order: -1 where missing. */
const positions = (text: string, parts: readonly string[]) => parts.map((p) => text.indexOf(p));

// Renders PDFs and Word files with embedded fonts: allow for a busy machine.
describe("Word copies (.docx) of the letters, the notulen and the daftar hadir", { timeout: 180_000 }, () => {
  it("the undangan: a draft marked KONSEP; once issued, its number, hal, sifat, signer with a.n. line and NIP, tembusan and lampiran — as in the PDF", async () => {
    const o = await office();
    const admin = await makeUser("admin", o.division.id);
    const signerNip = nip();
    await saveOfficeSettings(admin, o.division.id, 0, {
      ministryLine: "Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia",
      officeName: "Kantor Wilayah Jawa Timur",
      address: "Jalan Kayoon Nomor 50–52, Surabaya 60271",
      phone: "(031) 5340444",
      email: "kanwiljatim@kemenkumham.go.id",
      website: "jatim.kemenkumham.go.id",
      placeName: "Surabaya",
      letterNumberFormat: `W15.IMI-${uid()}-{n}`,
      letterNumberNext: 7,
      defaultCopies: [],
    });
    const m = await publishedMeeting(o);
    const draft = await renderMeetingFile(o.secretariat, m.id, "invitationDocx");
    expect(draft.fileName).toMatch(/^undangan-\d{4}-\d{2}-\d{2}-.+\.docx$/);
    expect(draft.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const draftText = await docxText(draft.body);
    expect(draftText).toContain("KONSEP");
    expect(draftText).toContain(`Undangan ${m.title}`);

    const signer = `Budi Santoso ${uid()}`;
    const letter = await issueLetter(o.secretariat, m.id, {
      kind: "invitation",
      numberMode: "sequence",
      letterDate: "2033-01-01",
      placeName: "Surabaya",
      nature: "segera",
      subject: `Undangan ${m.title}`,
      signerName: signer,
      signerPosition: "Kepala Divisi Keimigrasian",
      signerNip,
      onBehalfKind: "an",
      onBehalfOf: "Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur",
      copies: ["Kepala Kantor Wilayah (sebagai laporan)"],
    });
    const word = await docxText((await renderMeetingFile(o.secretariat, m.id, "invitationDocx")).body);
    const pdf = await pdfText((await renderMeetingFile(o.secretariat, m.id, "invitation")).body);
    expect(word).not.toContain("KONSEP");
    for (const part of [
      "KANTOR WILAYAH JAWA TIMUR",
      "Surabaya, 1 Januari 2033",
      `Nomor : ${letter.number}`,
      "Sifat : Segera",
      "Lampiran : 1 (satu) berkas",
      `Hal : Undangan ${m.title}`,
      "Yth. Daftar terlampir",
      "a.n. Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur Kepala Divisi Keimigrasian,",
      signer,
      `NIP ${signerNip}`,
      "Tembusan: 1. Kepala Kantor Wilayah (sebagai laporan)",
      "Lampiran Surat Undangan",
      o.unitA.name,
      "Paparan data pengaduan",
    ]) {
      expect(word, part).toContain(part);
      expect(pdf, part).toContain(part.split(" : ")[1] ?? part);
    }
    // In the order of the letter: number, the body, the signer, the tembusan, then the lampiran.
    const order = positions(word, [`Nomor : ${letter.number}`, "hormat kami mengundang", signer, "Tembusan:", "Lampiran Surat Undangan"]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order).not.toContain(-1);

    // The pemberitahuan pembatalan, issued after cancelling, has its Word copy too (staff only).
    const [current] = await db.select({ version: meetings.version }).from(meetings).where(eq(meetings.id, m.id));
    await cancelMeeting(o.secretariat, m.id, current!.version, { reason: "Pimpinan berhalangan" });
    const cancellation = (await db.select().from(letters).where(eq(letters.meetingId, m.id))).find((l) => l.kind === "cancellation")!;
    const file = await letterWordFile(o.secretariat, cancellation.id);
    expect(file.fileName).toMatch(/\.docx$/);
    const cancelText = await docxText(file.body);
    expect(cancelText).toContain(cancellation.number);
    expect(cancelText).toContain(letter.number);
    expect(cancelText).toContain("dibatalkan");
    await expect(letterWordFile(o.participantA, cancellation.id)).rejects.toThrow();
  });

  it("the daftar hadir and the notulen: the same parts in the same order as their PDFs", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const headNip = nip();
    await db.update(users).set({ nip: headNip, position: "Kepala Divisi Keimigrasian" }).where(eq(users.id, o.head.id));
    const notulis = await makeUser("secretariat", o.division.id, { name: `Notulis ${uid()}` });
    await addSpeaker(o.secretariat, m.id, { userId: notulis.id, role: "minute_taker", acknowledgeConflicts: "on" });
    const deputy = `Wakil ${uid()}`;
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "represented", representedBy: deputy });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantB.id, status: "sick" });
    await saveMinutes(o.secretariat, m.id, 0, { summary: "Pengaduan paspor menurun." });
    await addDecision(o.secretariat, m.id, { text: "Setiap Kanim memasang maklumat pelayanan." });

    const list = await docxText((await renderMeetingFile(o.secretariat, m.id, "attendanceDocx")).body);
    expect(list).toContain("KONSEP");
    for (const part of ["DAFTAR HADIR", m.title, "No. Nama NIP Jabatan Unit kerja Tanda tangan", `Penyelenggara: ${o.division.name}`, headNip, "(Pimpinan rapat)", "(Notulis)", o.participantA.name, "Diwakili", deputy, `mewakili ${o.participantA.name}`, o.participantB.name, "Sakit", "Pimpinan Rapat,", `NIP ${headNip}`]) {
      expect(list, part).toContain(part);
    }

    const sections = ["NOTULEN RAPAT", "Hari, tanggal", "Waktu", "Tempat", "Pimpinan rapat", "Notulis", "Peserta", "Acara", "Pembicara", "Pembahasan", "Kesimpulan", "Keputusan", "Tindak lanjut (status per", "Demikian notulen rapat", "LAMPIRAN NOTULEN: DAFTAR HADIR", deputy];
    const word = await docxText((await renderMeetingFile(o.head, m.id, "minutesDocx")).body);
    const pdf = await pdfText((await renderMeetingFile(o.head, m.id, "minutes")).body);
    for (const [name, text] of [["docx", word], ["pdf", pdf]] as const) {
      const at = positions(text, sections);
      expect(at.filter((p) => p < 0), `${name}: every part`).toEqual([]);
      expect(at, `${name}: in order`).toEqual([...at].sort((a, b) => a - b));
      // Both sign after the closing sentence, before the attached daftar hadir (side by side: either first).
      for (const label of ["Notulis,", "Pimpinan Rapat,", `NIP ${headNip}`]) {
        const i = text.indexOf(label, text.indexOf("Demikian notulen rapat"));
        expect(i, `${name}: ${label}`).toBeGreaterThan(0);
        expect(i, `${name}: ${label}`).toBeLessThan(text.indexOf("LAMPIRAN NOTULEN"));
      }
    }
    for (const part of ["Pengaduan paspor menurun.", "1. Setiap Kanim memasang maklumat pelayanan.", "1. Pembukaan", "Paparan data pengaduan", `NIP ${headNip}`]) {
      expect(word, part).toContain(part);
      expect(pdf, part).toContain(part);
    }
  });
});
