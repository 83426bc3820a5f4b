import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems, agendaItems, attendances, users } from "@/db/schema";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { recordAttendance } from "@/lib/meetings/attendance";
import { addDecision, saveMinutes } from "@/lib/meetings/minutes";
import { addSpeaker } from "@/lib/meetings/speakers";
import { letterheadOf } from "@/lib/offices/settings";
import { makeUnit, makeUser, uid } from "@/tests/fixtures";
import { pdfPages, pdfText } from "@/tests/pdf-text";
import mammoth from "mammoth";
import { loadAttendanceSheet } from "./attendance-sheet";
import { attendanceDocument } from "./content";
import { officialDocx } from "./docx";
import { loadMeetingRecord } from "./meeting-records";
import { attendancePdf } from "./pdf/documents";
import { renderMeetingFile } from "./render";

/** An 18-digit NIP of its own per call. */
const nip = () => `19${String(Math.floor(Math.random() * 1e16)).padStart(16, "0")}`;
const withNip = async (id: string) => {
  const n = nip();
  await db.update(users).set({ nip: n }).where(eq(users.id, id));
  return n;
};
/** The line of a page (pdftotext -layout) that names someone. */
const lineOf = (pages: string[], name: string) => pages.join("\n").split("\n").find((l) => l.includes(name)) ?? "";

// Each test renders whole PDFs with an embedded font: allow for a busy machine.
describe("daftar hadir and notulen as an office signs them", { timeout: 180_000 }, () => {
  it("the daftar hadir: NIP column, a representative's own row, no signature box for who is sick or excused, the officers listed", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const [nipA, nipHead] = [await withNip(o.participantA.id), await withNip(o.head.id)];
    const notulis = await makeUser("secretariat", o.division.id, { name: `Notulis ${uid()}` });
    const moderator = await makeUser("secretariat", o.division.id, { name: `Moderator ${uid()}` });
    await addSpeaker(o.secretariat, m.id, { userId: notulis.id, role: "minute_taker", acknowledgeConflicts: "on" });
    await addSpeaker(o.secretariat, m.id, { userId: moderator.id, role: "moderator", acknowledgeConflicts: "on" });
    const absentHead = await makeUser("participant", o.unitA.id, { name: `Kakanim ${uid()}` });
    const excused = await makeUser("participant", o.unitB.id, { name: `Izin ${uid()}` });
    const deputy = `Wakil ${uid()}`;
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "present" });
    await recordAttendance(o.secretariat, m.id, { userId: absentHead.id, status: "represented", representedBy: deputy });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantB.id, status: "sick" });
    await recordAttendance(o.secretariat, m.id, { userId: excused.id, status: "excused" });

    const file = await renderMeetingFile(o.secretariat, m.id, "attendance");
    const pages = await pdfPages(file.body);
    const text = pages.join("\n").replace(/\s+/g, " ");
    expect(text).toContain("DAFTAR HADIR");
    expect(text).toContain(m.title);
    expect(text).toMatch(/No\.\s+Nama\s+NIP\s+Jabatan\s+Unit kerja\s+Tanda tangan/);
    expect(text).toMatch(/Halaman 1 dari \d+/);

    // A present participant: name, NIP and a numbered space to sign.
    expect(lineOf(pages, o.participantA.name)).toContain(nipA);
    expect(lineOf(pages, o.participantA.name)).toMatch(/\d+\.\s*$/);
    // The head who sent someone: "Diwakili", no space; the representative signs in a row of their own.
    expect(lineOf(pages, absentHead.name)).toMatch(/Diwakili\s*$/);
    expect(lineOf(pages, deputy)).toMatch(/\d+\.\s*$/);
    expect(lineOf(pages, deputy)).toContain("mewakili");
    expect(text).toMatch(new RegExp(`mewakili\\s+${absentHead.name.split(" ")[0]}`));
    expect(text.indexOf(absentHead.name)).toBeLessThan(text.indexOf(deputy));
    // Sick and excused: their status where the signature would be, nothing to sign.
    expect(lineOf(pages, o.participantB.name)).toMatch(/Sakit\s*$/);
    expect(lineOf(pages, excused.name)).toMatch(/Izin\s*$/);

    // The organizer's officers: chair (with NIP), notulis, moderator, before the invited units.
    expect(text).toContain(`Penyelenggara: ${o.division.name}`);
    expect(lineOf(pages, "(Pimpinan rapat)")).toContain(nipHead);
    expect(text).toMatch(/\(Pimpinan rapat\)/);
    expect(text).toMatch(/\(Notulis\)/);
    expect(text).toMatch(/\(Moderator\)/);
    for (const officer of [notulis.name, moderator.name]) expect(text.indexOf(officer)).toBeLessThan(text.indexOf(o.participantA.name));
    // Signed by the chair, with NIP.
    expect(text).toMatch(/Pimpinan Rapat,/);
    expect(text).toContain(`NIP ${nipHead}`);
  });

  it("the notulen: Acara, the times actually held, and the closing and signatures kept with the last lines", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(asc(agendaItems.position));
    // Held 40 minutes late: 09.40 WIB planned 09.00 (the fixture's start is 02:00 UTC = 09.00 WIB).
    const late = (min: number) => new Date(m.startsAt.getTime() + min * 60_000);
    await db.update(agendaItems).set({ actualStartedAt: late(40), actualEndedAt: late(75) }).where(eq(agendaItems.id, items[0]!.id));
    await db.update(agendaItems).set({ actualStartedAt: late(75), actualEndedAt: late(205) }).where(eq(agendaItems.id, items[2]!.id));
    await saveMinutes(o.secretariat, m.id, 0, { summary: "Pengaduan paspor menurun." });
    const decision = await addDecision(o.secretariat, m.id, { text: "Setiap Kanim memasang maklumat pelayanan." });
    const category = await someCategory();
    // Enough follow-ups to fill the first page and more.
    await db.insert(actionItems).values(
      Array.from({ length: 26 }, (_, i) => ({
        meetingId: m.id,
        decisionId: decision.id,
        title: `Tindak lanjut ${String(i + 1).padStart(2, "0")} ${uid()}`,
        categoryId: category.id,
        workUnitId: o.unitA.id,
        picUserId: o.participantA.id,
        dueDate: "2033-12-31",
        status: "open" as const,
        progress: 0,
      })),
    );
    const pages = await pdfPages((await renderMeetingFile(o.head, m.id, "minutes")).body);
    const text = pages.join("\n").replace(/\s+/g, " ");

    // The facts: Waktu as held (09.40 to 12.25), not as planned (09.00 s.d. 12.00).
    const start = (d: Date) => new Intl.DateTimeFormat("id-ID", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d).replace(":", ".");
    expect(text).toContain(`Waktu : ${start(late(40))} s.d. ${start(late(205))} WIB`);
    expect(text).not.toContain(`Waktu : ${start(m.startsAt)} s.d.`);
    // Acara: the agenda, in order, before Pembahasan.
    // Acara: the agenda as a table, each item at the times it was held (the plan where none was recorded).
    expect(text).toMatch(new RegExp(`Acara No\\. Waktu Acara Penyaji 1 ${start(late(40))}–${start(late(75))} WIB Pembukaan 2 \\d{2}\\.\\d{2}–\\d{2}\\.\\d{2} WIB Paparan data pengaduan 3 ${start(late(75))}–${start(late(205))} WIB Diskusi dan penutup`));
    for (const section of ["Hari, tanggal", "Tempat", "Pimpinan rapat", "Notulis", "Peserta", "Acara", "Pembahasan", "Kesimpulan", "Keputusan", "Tindak lanjut (status per"]) expect(text).toContain(section);
    expect(text.indexOf("Acara No.")).toBeLessThan(text.indexOf("Pembahasan"));
    // Pembahasan: each item with the times it was held.
    expect(text).toContain(`1. Pembukaan ${start(late(40))}–${start(late(75))} WIB`);

    // The page with the closing sentence and both signatures also carries follow-ups (last lines of the table).
    const closingPage = pages.find((p) => p.includes("Demikian notulen rapat"))!;
    expect(closingPage).toBeTruthy();
    expect(closingPage).toContain("Notulis,");
    expect(closingPage).toContain("Pimpinan Rapat,");
    expect(closingPage).toMatch(/Tindak lanjut 26 /);
    // The daftar hadir follows as pages of the same document.
    expect(pages.findIndex((p) => p.includes("LAMPIRAN NOTULEN"))).toBeGreaterThan(pages.indexOf(closingPage));
  });

  it("a daftar hadir of 3,000 people pages through (measured)", async () => {
    const o = await office();
    const units = await Promise.all(Array.from({ length: 30 }, () => makeUnit({ parentId: o.division.id, name: `Kantor Imigrasi Uji ${uid()}` })));
    const m = await publishedMeeting(o, { units: units.map((u) => u.id) });
    const N = 3000;
    const people = await db
      .insert(users)
      .values(
        Array.from({ length: N }, (_, i) => ({
          name: `Pegawai ${String(i + 1).padStart(4, "0")} ${uid()}`,
          email: `p${i}.${uid()}@test.rakor`,
          nip: nip(),
          position: i % 3 === 0 ? "Kepala Seksi Lalu Lintas Keimigrasian" : "Analis Keimigrasian Ahli Pertama",
          workUnitId: units[i % units.length]!.id,
          role: "participant" as const,
          passwordHash: "x",
        })),
      )
      .returning({ id: users.id, name: users.name, workUnitId: users.workUnitId });
    await db.insert(attendances).values(
      people.map((p, i) => ({
        meetingId: m.id,
        userId: p.id,
        workUnitId: p.workUnitId,
        status: i % 10 === 0 ? ("represented" as const) : i % 10 === 1 ? ("sick" as const) : ("present" as const),
        representedBy: i % 10 === 0 ? `Staf seksi ${i}` : null,
        checkedInAt: m.startsAt,
        method: "self_check_in" as const,
      })),
    );
    const started = performance.now();
    const record = (await loadMeetingRecord(m.id))!;
    const sheet = await loadAttendanceSheet(record);
    const bytes = await attendancePdf(record, sheet, await letterheadOf(record.officeId, record.officeName));
    const ms = performance.now() - started;
    const pages = await pdfPages(bytes);
    console.log(`[measure] daftar hadir, ${N} attendees: ${ms.toFixed(0)} ms, ${pages.length} pages, ${(bytes.byteLength / 1024).toFixed(0)} KiB`);
    expect(ms).toBeLessThan(60_000);
    // Every page repeats the column headings and is numbered "Halaman i dari n".
    pages.forEach((p, i) => {
      expect(p).toMatch(/Tanda tangan/);
      expect(p).toContain(`Halaman ${i + 1} dari ${pages.length}`);
    });
    // Everyone is on the list (names may wrap in their cell: the "Pegawai 0001" part is on one line),
    // numbered to the end: 3,000 people, 300 representatives and the chair.
    const text = await pdfText(bytes);
    const missing = people.filter((p) => !text.includes(p.name.slice(0, 12))).length;
    expect(missing).toBe(0);
    expect(text).toMatch(new RegExp(`\\b${N + N / 10 + 1}\\. `));
    expect(text).not.toMatch(new RegExp(`\\b${N + N / 10 + 2}\\. `));

    // Its Word copy: the same rows, in a table whose header repeats on every page.
    const wordStarted = performance.now();
    const head = await letterheadOf(record.officeId, record.officeName);
    const word = await officialDocx(attendanceDocument(record, sheet, head.placeName), head, record.organizerUnitName);
    const wordMs = performance.now() - wordStarted;
    console.log(`[measure] daftar hadir .docx, ${N} attendees: ${wordMs.toFixed(0)} ms, ${(word.byteLength / 1024).toFixed(0)} KiB`);
    expect(wordMs).toBeLessThan(60_000);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(word) });
    expect(value).toContain(people[N - 1]!.name);
    expect(value).toContain(`${N + N / 10 + 1}.`);
  });
});
