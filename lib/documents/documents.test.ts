import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems, attendances, users } from "@/db/schema";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAttendance } from "@/lib/meetings/attendance";
import { addDecision, saveMinutes } from "@/lib/meetings/minutes";
import { makeUnit, makeUser, uid } from "@/tests/fixtures";
import { loadAttendanceSheet } from "./attendance-sheet";
import { letterheadOf } from "@/lib/offices/settings";
import { loadMeetingRecord } from "./meeting-records";
import { attendancePdf } from "./pdf/documents";
import { renderMeetingFile } from "./render";

async function pdfText(bytes: Uint8Array | string) {
  expect(bytes).toBeInstanceOf(Uint8Array);
  const data = bytes as Uint8Array;
  expect(Buffer.from(data.subarray(0, 5)).toString()).toBe("%PDF-");
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), pages: totalPages };
}

// Each test renders whole PDFs with an embedded font: allow for a busy machine.
describe("official documents as PDF", { timeout: 90_000 }, () => {
  it("the invitation letter names the meeting, every invited unit and the programme", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const file = await renderMeetingFile(o.participantA, m.id, "invitation");
    expect(file.fileName).toMatch(/^undangan-\d{4}-\d{2}-\d{2}-rakor-pelayanan-publik-[a-f0-9]+\.pdf$/);
    const { text } = await pdfText(file.body);
    expect(text).toContain(m.title);
    for (const unit of [o.unitA, o.unitB]) expect(text).toContain(unit.name);
    expect(text).toContain("Paparan data pengaduan");
    expect(text).toContain("WIB");
    expect(text).toMatch(/(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/);
  });

  it("the attendance list groups people by unit with NIP, position and a signature column (or the status of who is not there)", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const colleague = await makeUser("participant", o.unitA.id, { name: `Rekan A ${uid()}` });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "present" });
    await recordAttendance(o.secretariat, m.id, { userId: colleague.id, status: "represented", representedBy: "Kasubsi Dokumen" });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantB.id, status: "excused" });
    const guest = `Tamu ${uid()}`;
    await recordAttendance(o.secretariat, m.id, { guestName: guest, guestPosition: "Asisten", guestOrganization: "Ombudsman RI", status: "present" });
    const file = await renderMeetingFile(o.secretariat, m.id, "attendance");
    expect(file.fileName).toMatch(/^daftar-hadir-\d{4}-\d{2}-\d{2}-/);
    const { text } = await pdfText(file.body);
    expect(text).toContain("DAFTAR HADIR");
    expect(text).toContain(m.title);
    expect(text).toContain("Tanda tangan");
    for (const unit of [o.unitA, o.unitB]) expect(text).toContain(unit.name);
    for (const person of [o.participantA.name, colleague.name, o.participantB.name, guest]) expect(text).toContain(person);
    // The representative signs in a row of their own, under the colleague they stand for.
    expect(text).toContain("Diwakili");
    expect(text).toContain("Kasubsi Dokumen");
    expect(text.indexOf(colleague.name)).toBeLessThan(text.indexOf("Kasubsi Dokumen"));
    expect(text).toContain("mewakili");
    expect(text).toContain("Izin");
    // Unit A is listed before its people, unit B before its own.
    expect(text.indexOf(o.unitA.name)).toBeLessThan(text.indexOf(o.participantA.name));
    expect(text.indexOf(o.unitB.name)).toBeLessThan(text.indexOf(o.participantB.name));

    // Unchanged content is served from its stored rendering; a change renders it anew.
    const again = await renderMeetingFile(o.secretariat, m.id, "attendance");
    expect(Buffer.from(again.body as Uint8Array).equals(Buffer.from(file.body as Uint8Array))).toBe(true);
    const late = await makeUser("participant", o.unitB.id, { name: `Terlambat ${uid()}` });
    await recordAttendance(o.secretariat, m.id, { userId: late.id, status: "present" });
    expect((await pdfText((await renderMeetingFile(o.secretariat, m.id, "attendance")).body)).text).toContain(late.name);
  });

  it("the minutes carry the summary, decisions and the follow-up matrix", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    await saveMinutes(o.secretariat, m.id, 0, { summary: "Ringkasan: pengaduan paspor menurun." });
    const decision = await addDecision(o.secretariat, m.id, { text: "Setiap Kanim memasang maklumat pelayanan." });
    const category = await someCategory();
    const title = `Pasang maklumat pelayanan ${uid()}`;
    await db.insert(actionItems).values({
      meetingId: m.id,
      decisionId: decision.id,
      title,
      categoryId: category.id,
      workUnitId: o.unitA.id,
      picUserId: o.participantA.id,
      dueDate: "2033-12-31",
      status: "in_progress",
      progress: 40,
    });
    const file = await renderMeetingFile(o.head, m.id, "minutes");
    const { text } = await pdfText(file.body);
    expect(text).toContain("NOTULEN RAPAT");
    expect(text).toContain(m.title);
    expect(text).toContain("pengaduan paspor menurun");
    expect(text).toContain("Setiap Kanim memasang maklumat pelayanan.");
    expect(text).toContain(title);
    expect(text).toContain(o.unitA.name);
    expect(text).toContain(o.participantA.name);
    expect(text).toContain("31 Desember 2033");
    expect(text).toContain("Dikerjakan");
  });

  it("keeps attendance lists, minutes and exports from participants; other units get 404", async () => {
    const o = await office();
    const m = await publishedMeeting(o, { units: [o.unitA.id] });
    for (const kind of ["attendance", "minutes", "attendanceCsv", "attendanceXlsx", "matrixXlsx"] as const) {
      await expect(renderMeetingFile(o.participantA, m.id, kind)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(renderMeetingFile(o.participantB, m.id, "invitation")).rejects.toBeInstanceOf(NotFoundError);
    const outsider = await makeUser("secretariat", (await makeUnit({ kind: "division" })).id);
    await expect(renderMeetingFile(outsider, m.id, "attendance")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("generates the attendance list of 300 people (measured)", async () => {
    const o = await office();
    const units = await Promise.all(Array.from({ length: 10 }, () => makeUnit({ parentId: o.division.id, name: `Kantor Imigrasi Uji ${uid()}` })));
    const m = await publishedMeeting(o, { units: units.map((u) => u.id) });
    const people = await db
      .insert(users)
      .values(
        Array.from({ length: 300 }, (_, i) => ({
          name: `Pegawai ${String(i + 1).padStart(3, "0")} ${uid()}`,
          email: `p${i}.${uid()}@test.rakor`,
          position: i % 3 === 0 ? "Kepala Seksi Lalu Lintas Keimigrasian" : "Analis Keimigrasian Ahli Pertama",
          workUnitId: units[i % 10]!.id,
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
        status: i % 10 === 0 ? ("represented" as const) : ("present" as const),
        representedBy: i % 10 === 0 ? "Staf seksi" : null,
        checkedInAt: m.startsAt,
        method: "self_check_in" as const,
      })),
    );
    const started = performance.now();
    const record = (await loadMeetingRecord(m.id))!;
    const sheet = await loadAttendanceSheet(record);
    const bytes = await attendancePdf(record, sheet, await letterheadOf(record.officeId, record.officeName));
    const ms = performance.now() - started;
    // Once more, warm (fonts parsed, queries planned): what a second download costs.
    const again = performance.now();
    await attendancePdf((await loadMeetingRecord(m.id))!, await loadAttendanceSheet(record), await letterheadOf(record.officeId, record.officeName));
    const warm = performance.now() - again;
    console.log(`[measure] daftar hadir, 300 attendees: ${ms.toFixed(0)} ms first, ${warm.toFixed(0)} ms warm, ${(bytes.byteLength / 1024).toFixed(0)} KiB`);
    expect(ms).toBeLessThan(10_000);
    const { text, pages } = await pdfText(bytes);
    console.log(`[measure] daftar hadir, 300 attendees: ${pages} pages`);
    expect(pages).toBeGreaterThan(5);
    for (const p of people) expect(text).toContain(p.name);
    for (const u of units) expect(text).toContain(u.name);
  });
});
