import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems, agendaItems, letters, meetings, minutes, users } from "@/db/schema";
import { DEMO_LOGO_PNG_BASE64 } from "@/db/seed-logo";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { recordAttendance } from "@/lib/meetings/attendance";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { inviteUnits } from "@/lib/meetings/invitations";
import { addDecision, finalizeMinutes, saveMinutes } from "@/lib/meetings/minutes";
import { addSpeaker } from "@/lib/meetings/speakers";
import { rescheduleMeeting, transitionMeeting } from "@/lib/meetings/transition-meeting";
import { saveOfficeSettings } from "@/lib/offices/settings";
import { instantToZonedLocal, todayIn } from "@/lib/time";
import { makeUnit, makeUser } from "@/tests/fixtures";
import { someCategory } from "@/tests/office";
import { pdfPages } from "@/tests/pdf-text";
import { issueLetter, letterFile } from "./letters";
import { renderMeetingFile } from "./render";

/**
 * The screenshots of the official documents in docs/screens/ (README): a rakor of the immigration
 * division of a Kanwil, with realistic names, rendered as an office would print them, each page
 * turned into a PNG by pdftoppm (poppler-utils). Runs only when asked:
 *   SCREENS=1 npx vitest run lib/documents/screens.test.ts
 */
const OUT = path.join(process.cwd(), "docs", "screens");

function png(pdf: Uint8Array, page: number, name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rakor-screens-"));
  const file = path.join(dir, "doc.pdf");
  fs.writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", String(page), "-l", String(page), "-singlefile", file, path.join(OUT, name)]);
  fs.rmSync(dir, { recursive: true, force: true });
}

let nipSeq = 0;
const nip = (born: string) => `${born}${String(201001 + nipSeq++).padStart(6, "0")}1${String(nipSeq % 1000).padStart(3, "0")}`;
async function person(role: Parameters<typeof makeUser>[0], unitId: string, name: string, position: string, born: string) {
  const u = await makeUser(role, unitId, { name });
  await db.update(users).set({ position, nip: nip(born) }).where(eq(users.id, u.id));
  return u;
}

describe.skipIf(!process.env.SCREENS)("screenshots of the official documents", { timeout: 300_000 }, () => {
  it("renders the undangan with its lampiran, a surat perubahan jadwal, the daftar hadir and the notulen", async () => {
    const kanwil = await makeUnit({ kind: "regional_office", name: "Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur" });
    const division = await makeUnit({ kind: "division", parentId: kanwil.id, name: "Divisi Keimigrasian" });
    const units = [];
    for (const name of ["Kantor Imigrasi Kelas I Khusus TPI Surabaya", "Kantor Imigrasi Kelas I TPI Tanjung Perak", "Kantor Imigrasi Kelas I TPI Malang", "Kantor Imigrasi Kelas II TPI Blitar", "Kantor Imigrasi Kelas II Non TPI Kediri", "Rumah Detensi Imigrasi Surabaya"]) {
      units.push(await makeUnit({ parentId: division.id, name }));
    }
    const admin = await makeUser("admin", kanwil.id, { name: "Admin Kanwil" });
    const head = await person("head", division.id, "Budi Santoso, S.H., M.H.", "Kepala Divisi Keimigrasian", "19720305");
    const secretariat = await person("secretariat", division.id, "Dewi Lestari, S.Sos.", "Analis Keimigrasian Ahli Muda", "19850612");
    const moderator = await person("secretariat", division.id, "Andi Pratama, S.H.", "Kepala Bidang Intelijen dan Penindakan Keimigrasian", "19800117");
    await saveOfficeSettings(
      admin,
      kanwil.id,
      0,
      {
        ministryLine: "Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia",
        officeName: "Kantor Wilayah Jawa Timur",
        address: "Jalan Kayoon Nomor 50–52, Surabaya 60271",
        phone: "(031) 5340444",
        email: "kanwiljatim@kemenkumham.go.id",
        website: "jatim.kemenkumham.go.id",
        placeName: "Surabaya",
        letterNumberFormat: "W15.IMI-UM.01.01-{n}",
        letterNumberNext: 123,
        defaultCopies: ["Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur (sebagai laporan)"],
      },
      { name: "logo.png", bytes: Buffer.from(DEMO_LOGO_PNG_BASE64, "base64") },
    );

    // Ten days from today at 09.00 WIB; the undangan dated today, the perubahan jadwal too.
    const today = todayIn("Asia/Jakarta");
    const start = new Date(Date.parse(`${today}T02:00:00Z`) + 10 * 86_400_000);
    const { meeting } = await createMeeting(secretariat, {
      title: "Rapat Koordinasi Peningkatan Pelayanan Publik",
      topic: "Peningkatan kualitas pelayanan publik keimigrasian di Jawa Timur",
      kind: "rakor",
      startsAt: instantToZonedLocal(start, "Asia/Jakarta"),
      endsAt: instantToZonedLocal(new Date(start.getTime() + 3 * 3_600_000), "Asia/Jakarta"),
      timeZone: "Asia/Jakarta",
      location: "Aula Kanwil Kemenkumham Jawa Timur, Surabaya",
      organizerUnitId: division.id,
      chairUserId: head.id,
      acknowledgeConflicts: "on",
    });
    await inviteUnits(secretariat, meeting.id, { unitIds: units.map((u) => u.id) });
    await addSpeaker(secretariat, meeting.id, { userId: head.id, role: "opening_remarks", onBehalfOf: "Kepala Kantor Wilayah", acknowledgeConflicts: "on" });
    await addSpeaker(secretariat, meeting.id, { name: "Agus Widiyarta", position: "Kepala Perwakilan", organization: "Ombudsman RI Jawa Timur", role: "resource_person", topic: "Data pengaduan pelayanan publik 2013–2017" });
    await addSpeaker(secretariat, meeting.id, { userId: moderator.id, role: "moderator", acknowledgeConflicts: "on" });
    await addSpeaker(secretariat, meeting.id, { userId: secretariat.id, role: "minute_taker", acknowledgeConflicts: "on" });
    for (const [title, durationMinutes] of [["Pembukaan dan sambutan Kepala Divisi Keimigrasian", 30], ["Paparan data pengaduan oleh Ombudsman RI Jawa Timur", 90], ["Diskusi dan rencana tindak lanjut", 60]] as const) {
      await addAgendaItem(secretariat, meeting.id, { title, durationMinutes });
    }
    const published = await transitionMeeting(secretariat, meeting.id, meeting.version, { to: "publish" });
    const signer = { placeName: "Surabaya", signerName: head.name, signerPosition: "Kepala Divisi Keimigrasian", signerNip: (await db.select({ nip: users.nip }).from(users).where(eq(users.id, head.id)))[0]!.nip! };
    const undangan = await issueLetter(secretariat, meeting.id, { kind: "invitation", numberMode: "sequence", letterDate: today, nature: "segera", onBehalfKind: "an", onBehalfOf: "Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur", ...signer });
    const undanganPdf = (await letterFile(secretariat, undangan.id)).body;
    png(undanganPdf, 1, "invitation");
    png(undanganPdf, 2, "invitation-lampiran");

    // Moved a day: the surat perubahan jadwal is issued with the next number.
    const newStart = new Date(start.getTime() + 86_400_000 - 3_600_000);
    await rescheduleMeeting(secretariat, meeting.id, published.version, {
      startsAt: instantToZonedLocal(newStart, "Asia/Jakarta"),
      endsAt: instantToZonedLocal(new Date(newStart.getTime() + 3 * 3_600_000), "Asia/Jakarta"),
      reason: "Kepala Kantor Wilayah berhalangan",
      acknowledgeConflicts: "on",
    });
    const change = (await db.select().from(letters).where(eq(letters.meetingId, meeting.id))).find((l) => l.kind === "reschedule")!;
    png((await letterFile(secretariat, change.id)).body, 1, "reschedule-letter");

    // The day: attendance, held times, minutes, follow-ups.
    const [m] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    await transitionMeeting(secretariat, meeting.id, m!.version, { to: "start" }, { now: newStart });
    const names = [
      ["Rudi Hartono, S.H.", "Kepala Kantor", "19700101"],
      ["Sri Wahyuni, S.Kom.", "Kepala Seksi Teknologi Informasi dan Komunikasi Keimigrasian", "19830505"],
      ["Hadi Susanto, S.H.", "Kepala Kantor", "19710202"],
      ["Maya Sari, A.Md.", "Analis Keimigrasian Ahli Pertama", "19900909"],
      ["Joko Prasetyo, S.E.", "Kepala Kantor", "19730303"],
      ["Nur Aini, S.H.", "Kepala Subseksi Dokumen Perjalanan", "19880808"],
      ["Bambang Suryadi, S.H.", "Kepala Kantor", "19690606"],
      ["Lina Marlina, S.Psi.", "Kepala Seksi Lalu Lintas Keimigrasian", "19860404"],
    ] as const;
    const statuses = ["present", "present", "represented", "present", "sick", "present", "official_duty", "excused"] as const;
    for (let i = 0; i < names.length; i++) {
      const [name, position, born] = names[i]!;
      const u = await person("participant", units[Math.floor(i / 2) % units.length]!.id, name, position, born);
      const status = statuses[i]!;
      await recordAttendance(secretariat, meeting.id, { userId: u.id, status, ...(status === "represented" ? { representedBy: "Fajar Nugroho, S.H." } : {}) });
    }
    await recordAttendance(secretariat, meeting.id, { guestName: "Agus Widiyarta", guestPosition: "Kepala Perwakilan", guestOrganization: "Ombudsman RI Jawa Timur", status: "present" });
    png((await renderMeetingFile(secretariat, meeting.id, "attendance")).body as Uint8Array, 1, "attendance-list");

    const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position));
    const at = (min: number) => new Date(newStart.getTime() + min * 60_000);
    const notes = [
      "Kepala Divisi Keimigrasian membuka rapat atas nama Kepala Kantor Wilayah dan menekankan sembilan kewajiban penyelenggara pelayanan publik menurut UU 25 Tahun 2009.",
      "Ombudsman RI Jawa Timur memaparkan jumlah pengaduan 2013–2017 (270, 336, 350, 345, 356); pengaduan terbanyak tentang standar pelayanan dan pengelolaan pengaduan.",
      "Peserta membahas maklumat pelayanan, sarana bagi pemohon berkebutuhan khusus dan penilaian kinerja unit layanan paspor.",
    ];
    for (let i = 0; i < items.length; i++) {
      await db.update(agendaItems).set({ actualStartedAt: at(15 + i * 60), actualEndedAt: at(15 + (i + 1) * 60), liveNote: notes[i]! }).where(eq(agendaItems.id, items[i]!.id));
    }
    const saved = await saveMinutes(secretariat, meeting.id, 0, { summary: "Seluruh Kantor Imigrasi di Jawa Timur memperbaiki standar dan maklumat pelayanan serta pengelolaan pengaduan sebelum akhir tahun." });
    const category = await someCategory();
    const decisions = [];
    for (const text of ["Setiap Kantor Imigrasi memasang maklumat pelayanan di ruang layanan paspor.", "Setiap Kantor Imigrasi menyediakan loket prioritas bagi pemohon berkebutuhan khusus.", "Pengaduan dijawab paling lambat 14 hari kerja dan dilaporkan setiap bulan."]) {
      decisions.push(await addDecision(secretariat, meeting.id, { text }));
    }
    const follow = [];
    for (let i = 0; i < units.length; i++) {
      for (let j = 0; j < decisions.length; j++) {
        follow.push({ meetingId: meeting.id, decisionId: decisions[j]!.id, title: ["Pasang maklumat pelayanan", "Sediakan loket prioritas", "Laporan bulanan pengaduan"][j]!, categoryId: category.id, workUnitId: units[i]!.id, dueDate: todayIn("Asia/Jakarta", new Date(start.getTime() + 60 * 86_400_000)), status: "open" as const, progress: 0 });
      }
    }
    await db.insert(actionItems).values(follow);
    const [current] = await db.select({ version: minutes.version }).from(minutes).where(eq(minutes.id, saved.id));
    await finalizeMinutes(secretariat, meeting.id, current!.version);
    const notulen = (await renderMeetingFile(head, meeting.id, "minutes")).body as Uint8Array;
    const pages = await pdfPages(notulen);
    png(notulen, 1, "minutes-first-page");
    png(notulen, pages.findIndex((p) => p.includes("Demikian notulen")) + 1, "minutes-signatures");
    png(notulen, pages.findIndex((p) => p.includes("LAMPIRAN NOTULEN")) + 1, "minutes-daftar-hadir");
    for (const name of ["invitation", "invitation-lampiran", "reschedule-letter", "attendance-list", "minutes-first-page", "minutes-signatures", "minutes-daftar-hadir"]) {
      expect(fs.statSync(path.join(OUT, `${name}.png`)).size).toBeGreaterThan(10_000);
    }
  });
});
