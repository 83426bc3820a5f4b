import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems, documents } from "@/db/schema";
import { office, publishedMeeting, someCategory } from "@/tests/office";
import { finalizeMinutes, reopenMinutes, saveMinutes } from "@/lib/meetings/minutes";
import { transitionMeeting } from "@/lib/meetings/transition-meeting";
import { uid } from "@/tests/fixtures";
import { pdfText } from "@/tests/pdf-text";
import { renderMeetingFile } from "./render";
import { minutesHistory } from "./store";
import { checkDocument, verificationOf } from "./verify";

const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

// Renders whole PDFs with an embedded font: allow for a busy machine.
describe("a finalized notulen is frozen", { timeout: 120_000 }, () => {
  it("keeps its bytes when a follow-up moves on; reopening keeps the version in the history and finalizing again makes a new one", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const started = await transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: m.startsAt });
    expect(started.status).toBe("ongoing");
    const saved = await saveMinutes(o.secretariat, m.id, 0, { summary: "Ringkasan rapat." });
    const title = `Pasang maklumat ${uid()}`;
    const [item] = await db
      .insert(actionItems)
      .values({ meetingId: m.id, title, categoryId: (await someCategory()).id, workUnitId: o.unitA.id, picUserId: o.participantA.id, dueDate: "2033-12-31", status: "open", progress: 0 })
      .returning();
    const final = await finalizeMinutes(o.secretariat, m.id, saved.version);

    const first = await renderMeetingFile(o.head, m.id, "minutes");
    const text = await pdfText(first.body);
    expect(text).toContain(title);
    expect(text).toMatch(/status per \d{1,2} \w+ \d{4}/);
    expect(text).toContain("Terbuka (0%)");
    expect(text).not.toContain("DRAF");

    // The follow-up moves on: the signed record does not.
    await db.update(actionItems).set({ status: "in_progress", progress: 40 }).where(eq(actionItems.id, item!.id));
    const again = await renderMeetingFile(o.head, m.id, "minutes");
    expect(sha(again.body)).toBe(sha(first.body));
    const [stored] = await db.select().from(documents).where(eq(documents.meetingId, m.id));
    expect(stored!.sha256).toBe(sha(first.body));
    expect(stored!.version).toBe(1);

    // Reopen, finalize again: version 2 shows the status of now; version 1 stays in the history.
    const reopened = await reopenMinutes(o.secretariat, m.id, final.version, { reason: "Koreksi keputusan" });
    const draft = await pdfText((await renderMeetingFile(o.head, m.id, "minutes")).body);
    expect(draft).toContain("DRAF");
    await finalizeMinutes(o.secretariat, m.id, reopened.version);
    const second = await renderMeetingFile(o.head, m.id, "minutes");
    expect(sha(second.body)).not.toBe(sha(first.body));
    expect(await pdfText(second.body)).toContain("Dikerjakan (40%)");
    const history = await minutesHistory(m.id);
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[1]!.sha256).toBe(sha(first.body));
    expect(history[1]!.supersededAt).toBeInstanceOf(Date);
    expect(history[0]!.supersededAt).toBeNull();

    // The public verification: a real code answers with the record; a made-up one with nothing
    // (the page 404s); altered bytes do not match.
    const info = await verificationOf(history[0]!.code);
    expect(info).toMatchObject({ kind: "Notulen Rapat", sha256: sha(second.body), superseded: false });
    expect(JSON.stringify(info)).not.toContain(title);
    expect(await verificationOf("ZZZZZZZZZZ")).toBeNull();
    expect(await verificationOf("not a code")).toBeNull();
    expect(await checkDocument(history[0]!.code, { bytes: second.body as Uint8Array })).toBe("match");
    const altered = Buffer.from(second.body as Uint8Array);
    altered[altered.length - 20] ^= 1;
    expect(await checkDocument(history[0]!.code, { bytes: altered })).toBe("mismatch");
    expect(await checkDocument(history[1]!.code, { sha256: sha(first.body).toUpperCase() })).toBe("match");
    expect((await verificationOf(history[1]!.code))!.superseded).toBe(true);
  });
});
