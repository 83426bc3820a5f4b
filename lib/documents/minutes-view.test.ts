import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems, minutes } from "@/db/schema";
import { OfficialDocumentView } from "@/components/documents/official-document";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { ForbiddenError } from "@/lib/errors";
import { recordAttendance } from "@/lib/meetings/attendance";
import { addDecision, finalizeMinutes, saveMinutes } from "@/lib/meetings/minutes";
import { transitionMeeting } from "@/lib/meetings/transition-meeting";
import { uid } from "@/tests/fixtures";
import { pdfText } from "@/tests/pdf-text";
import { minutesPrintView } from "./minutes-view";
import { renderMeetingFile } from "./render";

/** The text a reader sees on the print page: tags gone, entities decoded, white space single. */
async function printText(user: Parameters<typeof minutesPrintView>[0], meetingId: string) {
  const v = await minutesPrintView(user, meetingId);
  const html = renderToStaticMarkup(createElement(OfficialDocumentView, { doc: v.view, head: v.letterhead, unit: v.record.organizerUnitName }));
  return html
    .replace(/<br\s*\/?>|<\/(p|h1|h2|td|th|tr|div)>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
}

const SECTIONS = ["NOTULEN RAPAT", "Hari, tanggal", "Waktu", "Tempat", "Pimpinan rapat", "Notulis", "Peserta", "Acara", "Pembicara", "Pembahasan", "Kesimpulan", "Keputusan", "Tindak lanjut (status per", "Demikian notulen rapat", "LAMPIRAN NOTULEN: DAFTAR HADIR"];

describe("the notulen's print view is the PDF's document", { timeout: 120_000 }, () => {
  it("same parts in the same order; once finalized, the stored record's follow-up statuses; staff only", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    await transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: m.startsAt });
    await recordAttendance(o.secretariat, m.id, { userId: o.participantA.id, status: "present" });
    const saved = await saveMinutes(o.secretariat, m.id, 0, { summary: "Pengaduan paspor menurun." });
    const decision = await addDecision(o.secretariat, m.id, { text: "Setiap Kanim memasang maklumat pelayanan." });
    const title = `Pasang maklumat ${uid()}`;
    const [item] = await db
      .insert(actionItems)
      .values({ meetingId: m.id, decisionId: decision.id, title, categoryId: (await someCategory()).id, workUnitId: o.unitA.id, picUserId: o.participantA.id, dueDate: "2033-12-31", status: "open", progress: 0 })
      .returning();

    const draftHtml = await printText(o.secretariat, m.id);
    const draftPdf = await pdfText((await renderMeetingFile(o.secretariat, m.id, "minutes")).body);
    for (const text of [draftHtml, draftPdf]) {
      const at = SECTIONS.map((s) => text.indexOf(s));
      expect(at.filter((p) => p < 0)).toEqual([]);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      for (const part of ["DRAF — notulen belum final", "Pengaduan paspor menurun.", "1. Setiap Kanim memasang maklumat pelayanan.", title, "Terbuka (0%)", o.participantA.name, o.unitA.name]) expect(text, part).toContain(part);
    }

    const [now] = await db.select({ version: minutes.version }).from(minutes).where(eq(minutes.id, saved.id));
    await finalizeMinutes(o.secretariat, m.id, now!.version);
    await db.update(actionItems).set({ status: "in_progress", progress: 40 }).where(eq(actionItems.id, item!.id));
    // The record and its print view still say what was signed; the PDF too.
    const finalHtml = await printText(o.head, m.id);
    const finalPdf = await pdfText((await renderMeetingFile(o.head, m.id, "minutes")).body);
    for (const text of [finalHtml, finalPdf]) {
      expect(text).toContain("Terbuka (0%)");
      expect(text).not.toContain("Dikerjakan (40%)");
      expect(text).not.toContain("DRAF");
    }
    expect((await minutesPrintView(o.head, m.id)).stored?.code).toMatch(/^[0-9A-Z]{10}$/);

    await expect(minutesPrintView(o.participantA, m.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
