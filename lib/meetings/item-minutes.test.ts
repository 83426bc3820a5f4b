import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { agendaItems, meetings } from "@/db/schema";
import { renderMeetingFile } from "@/lib/documents/render";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { saveItemNote } from "@/lib/live/note";
import { office, publishedMeeting } from "@/tests/office";
import { makeUser } from "@/tests/fixtures";
import { addDecision, finalizeMinutes, saveMinutes } from "./minutes";
import { addSpeaker } from "./speakers";

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!e) throw new Error("expected a refusal");
  return e;
}

/** Issue 23: minutes per agenda item for a meeting never run through the live console. */
describe("minutes per agenda item, afterwards", { timeout: 90_000 }, () => {
  it("two notulis write the items' pembahasan (versioned: a stale save is a conflict carrying the saved text), a decision sits under its item, and the notulen lists every item", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const notulis = await makeUser("participant", o.unitA.id);
    await addSpeaker(o.secretariat, m.id, { userId: notulis.id, role: "minute_taker", acknowledgeConflicts: "on" });
    // Held without the console: no actual times, no live row.
    await db.update(meetings).set({ status: "completed", startsAt: new Date(Date.now() - 4 * 3600_000), endsAt: new Date(Date.now() - 3600_000) }).where(eq(meetings.id, m.id));
    const [opening, talk, closing] = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(asc(agendaItems.position));

    const a = await saveItemNote(o.secretariat, m.id, opening!.id, opening!.version, { note: "Kepala Divisi membuka rapat pukul 09.05." });
    await saveItemNote(notulis, m.id, talk!.id, talk!.version, { note: "Pengaduan paspor turun 12 persen dibanding triwulan lalu." });
    // The second notulis saves over a version that has moved on: a conflict with the saved text, nothing written.
    const e = (await refusal(saveItemNote(notulis, m.id, opening!.id, opening!.version, { note: "Versi notulis kedua." }))) as ConflictError;
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.current).toMatchObject({ liveNote: "Kepala Divisi membuka rapat pukul 09.05.", version: a.version });
    // Someone who does not write the minutes may not.
    expect(await refusal(saveItemNote(o.participantA, m.id, opening!.id, a.version, { note: "x" }))).toBeInstanceOf(ForbiddenError);

    const decision = await addDecision(notulis, m.id, { text: "Setiap Kanim memublikasikan maklumat pelayanan.", agendaItemId: talk!.id });
    expect(decision.agendaItemId).toBe(talk!.id);
    const other = await publishedMeeting(o);
    const [foreign] = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, other.id)).limit(1);
    const bad = (await refusal(addDecision(notulis, m.id, { text: "x", agendaItemId: foreign!.id }))) as ValidationError;
    expect(bad.fieldErrors).toEqual({ agendaItemId: ["errors.invalid"] });

    const file = await renderMeetingFile(o.head, m.id, "minutes");
    const pdf = await getDocumentProxy(new Uint8Array(file.body as Uint8Array));
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");
    const at = (s: string) => text.indexOf(s);
    expect(at("Pembahasan")).toBeGreaterThan(-1);
    expect(at("1. Pembukaan")).toBeGreaterThan(at("Pembahasan"));
    expect(at("Kepala Divisi membuka rapat pukul 09.05.")).toBeGreaterThan(at("1. Pembukaan"));
    expect(at("2. Paparan data pengaduan")).toBeGreaterThan(at("Kepala Divisi membuka rapat pukul 09.05."));
    expect(at("Pengaduan paspor turun 12 persen")).toBeGreaterThan(at("2. Paparan data pengaduan"));
    // The decision under its item (before the next item), and in the numbered list.
    expect(at("1. Setiap Kanim memublikasikan maklumat pelayanan.")).toBeGreaterThan(at("Pengaduan paspor turun 12 persen"));
    expect(at("3. Diskusi dan penutup")).toBeGreaterThan(at("1. Setiap Kanim memublikasikan maklumat pelayanan."));
    expect(text).not.toContain("Versi notulis kedua.");
    expect(closing).toBeDefined();

    // Final minutes lock the items' texts.
    const saved = await saveMinutes(o.secretariat, m.id, 0, { summary: "Ringkasan." });
    await finalizeMinutes(o.secretariat, m.id, saved.version);
    const [now] = await db.select().from(agendaItems).where(eq(agendaItems.id, closing!.id));
    const locked = (await refusal(saveItemNote(o.secretariat, m.id, closing!.id, now!.version, { note: "Terlambat." }))) as ValidationError;
    expect(locked.message).toBe("meetings.errors.minutesFinalized");
  });
});
