import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations, meetings } from "@/db/schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { BadCursorError } from "@/lib/pagination";
import { todayIn } from "@/lib/time";
import { makeDivision, makeUser } from "@/tests/fixtures";
import { exportCsv, exportXlsx, safeCell, toCsv } from "./export";
import { listActionItems } from "./list-action-items";
import { getReview, listReviewedInMeeting, recordReview, recordReviews } from "./review";
import { reviewEntriesFromForm } from "./schemas";

const formOf = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};
import { insertItem } from "@/tests/follow-ups";
import { readSheet } from "@/tests/spreadsheet";

const inDays = (n: number) => {
  const [y, m, d] = todayIn("Asia/Jakarta").split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

describe("listing follow-ups", () => {
  it("filters and paginates in SQL, showing each user only what they may see", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const head = await makeUser("head", division.id);
    const malang = await makeUser("participant", unitA.id);
    const late = await insertItem({ workUnitId: unitA.id, status: "in_progress", dueDate: inDays(-3), title: "Terlambat" });
    const soon = await insertItem({ workUnitId: unitA.id, status: "open", dueDate: inDays(5), title: "Segera" });
    const doneLate = await insertItem({ workUnitId: unitA.id, status: "verified", dueDate: inDays(-3) });
    const other = await insertItem({ workUnitId: unitB.id, status: "open", dueDate: inDays(40) });
    const mine = await listActionItems(malang, {});
    expect(mine.items.map((i) => i.id).sort()).toEqual([late.id, soon.id, doneLate.id].sort());
    expect(mine.items.find((i) => i.id === late.id)).toMatchObject({ overdue: true, dueSoon: false });
    expect(mine.items.find((i) => i.id === soon.id)).toMatchObject({ overdue: false, dueSoon: true });
    expect((await listActionItems(head, { unitId: unitA.id, overdue: true })).items.map((i) => i.id)).toEqual([late.id]);
    expect((await listActionItems(head, { unitId: unitA.id, dueSoon: true })).items.map((i) => i.id)).toEqual([soon.id]);
    expect((await listActionItems(head, { unitId: unitB.id, status: "open" })).items.map((i) => i.id)).toEqual([other.id]);
    expect((await listActionItems(head, { unitId: unitA.id, dueFrom: inDays(0), dueTo: inDays(10) })).items.map((i) => i.id)).toEqual([soon.id]);
    expect((await listActionItems(malang, { unitId: unitB.id })).total).toBe(0);
    for (let i = 0; i < 27; i++) await insertItem({ workUnitId: unitB.id, dueDate: inDays(60) });
    const page1 = await listActionItems(head, { unitId: unitB.id });
    expect(page1).toMatchObject({ total: 28, totalCapped: false, prevCursor: null });
    expect(page1.items).toHaveLength(25);
    const page2 = await listActionItems(head, { unitId: unitB.id, cursor: page1.nextCursor! });
    expect(page2.items).toHaveLength(3);
    expect(page2.nextCursor).toBeNull();
    // Keyset pages neither skip nor repeat, and "previous" leads back to the first page.
    expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(28);
    const back = await listActionItems(head, { unitId: unitB.id, cursor: page2.prevCursor! });
    expect(back.items.map((i) => i.id)).toEqual(page1.items.map((i) => i.id));
    expect(back.prevCursor).toBeNull();
    // A cursor of another filter, or a made-up one, is refused (400), not a wrong page.
    await expect(listActionItems(head, { unitId: unitA.id, cursor: page1.nextCursor! })).rejects.toBeInstanceOf(BadCursorError);
    await expect(listActionItems(head, { unitId: unitB.id, cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({ status: 400 });
  });
});

describe("exports", () => {
  it("neutralises cells that a spreadsheet would run as formulas", async () => {
    expect(safeCell("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    for (const bad of ["+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(safeCell(bad).startsWith("'")).toBe(true);
    expect(safeCell("Biasa")).toBe("Biasa");
    expect(toCsv([["a,b", 'say "hi"', "=1+1", "x;y"]])).toBe('\uFEFF"a,b";"say ""hi""";\'=1+1;"x;y"\r\n');
    const { unitA } = await makeDivision();
    const malang = await makeUser("participant", unitA.id);
    await insertItem({ workUnitId: unitA.id, title: "=cmd|' /C calc'!A0" });
    const csv = await exportCsv(malang, {});
    expect(csv).toContain("'=cmd|' /C calc'!A0");
    const xlsx = await exportXlsx(malang, {});
    const read = await readSheet(xlsx);
    expect(read.body).toHaveLength(1);
    expect(read.body[0]![0]).toBe("'=cmd|' /C calc'!A0");
  });
});

describe("the follow-up list as a printed XLSX", () => {
  it("names the filters, the office and who downloaded it above the table, and prints A4 landscape with the header on each page", async () => {
    const { division, unitA } = await makeDivision();
    const head = await makeUser("head", division.id);
    await insertItem({ workUnitId: unitA.id, title: "Perbarui maklumat pelayanan", status: "in_progress", dueDate: "2031-04-30" });
    await insertItem({ workUnitId: unitA.id, title: "Masih terbuka", status: "open", dueDate: "2031-04-30" });
    const read = await readSheet(await exportXlsx(head, { unitId: unitA.id, status: "in_progress", dueFrom: "2031-03-01" }, new Date("2031-03-02T03:15:00Z")));
    expect(read.titleLines[0]).toBe("DAFTAR TINDAK LANJUT");
    expect(read.titleLines).toContain(division.name);
    expect(read.titleLines).toContain(`Filter: Unit pemilik: ${unitA.name}; Status: Dikerjakan; Tenggat dari: 1 Maret 2031`);
    expect(read.titleLines).toContain(`Diunduh Minggu, 2 Maret 2031, 10.15 WIB oleh ${head.name}`);
    expect(read.body.map((r) => r[0])).toEqual(["Perbarui maklumat pelayanan"]);
    expect(read.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, printTitlesRow: `${read.headerRow}:${read.headerRow}` });
    const all = await readSheet(await exportXlsx(head, {}));
    expect(all.titleLines).toContain("Filter: tidak ada (semua tindak lanjut yang dapat Anda lihat)");
  });
});

describe("review at the next rakor", () => {
  it("lists open follow-ups of the invited units from earlier meetings and records the review", async () => {
    const { division, unitA, unitB } = await makeDivision();
    const secretariat = await makeUser("secretariat", division.id);
    const malang = await makeUser("participant", unitA.id);
    const [earlier] = await db
      .insert(meetings)
      .values({ title: "Rakor lalu", startsAt: new Date("2026-01-05T02:00:00Z"), endsAt: new Date("2026-01-05T04:00:00Z"), timeZone: "Asia/Jakarta", organizerUnitId: division.id, status: "completed" })
      .returning();
    const [next] = await db
      .insert(meetings)
      .values({ title: "Rakor berikut", startsAt: new Date(Date.now() + 7 * 86400000), endsAt: new Date(Date.now() + 7 * 86400000 + 7200000), timeZone: "Asia/Jakarta", organizerUnitId: division.id, status: "scheduled" })
      .returning();
    await db.insert(invitations).values([{ meetingId: next!.id, workUnitId: unitA.id }]);
    const open = await insertItem({ workUnitId: unitA.id, status: "in_progress", meetingId: earlier!.id, createdAt: new Date("2026-01-06T00:00:00Z") });
    await insertItem({ workUnitId: unitA.id, status: "verified", meetingId: earlier!.id });
    await insertItem({ workUnitId: unitB.id, status: "open", meetingId: earlier!.id }); // not invited
    const list = (await getReview(secretariat, next!.id, { withItems: true })).items;
    expect(list.map((r) => r.id)).toEqual([open.id]);
    expect(list[0]!.ageDays).toBeGreaterThan(0);
    expect(list[0]!.reviewed).toBe(false);
    await expect(recordReview(malang, next!.id, open.id, { note: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await recordReview(secretariat, next!.id, open.id, { note: "Dibahas; target bulan depan" });
    await recordReview(secretariat, next!.id, open.id, { note: "Dibahas ulang" });
    expect((await getReview(secretariat, next!.id, { withItems: true })).items[0]).toMatchObject({ reviewed: true, reviewNote: "Dibahas ulang", statusAtReview: "in_progress" });
    expect(await listReviewedInMeeting(secretariat, next!.id)).toHaveLength(1);
    // Counted per unit first; one form records several rows, a status step included.
    const reported = await insertItem({ workUnitId: unitA.id, status: "reported", meetingId: earlier!.id, createdAt: new Date("2026-01-06T00:00:00Z") });
    const summary = await getReview(secretariat, next!.id);
    expect(summary.units).toEqual([{ unitId: unitA.id, unitName: unitA.name, open: 2, overdue: 0, reviewed: 1 }]);
    expect(summary.items).toEqual([]);
    await recordReviews(secretariat, next!.id, reviewEntriesFromForm(formOf([["itemId", open.id], ["note." + open.id, "Lanjut"], ["version." + open.id, "1"], ["itemId", reported.id], ["to." + reported.id, "verified"], ["version." + reported.id, "1"]])));
    const after = await getReview(secretariat, next!.id, { unitId: unitA.id });
    expect(after.units[0]).toMatchObject({ open: 1, reviewed: 1 });
    expect(after.items.map((r) => [r.id, r.reviewNote])).toEqual([[open.id, "Lanjut"]]);
    await expect(recordReviews(secretariat, next!.id, { entries: [] })).rejects.toBeInstanceOf(ValidationError);
    const outsider = await makeUser("participant", (await makeDivision()).unitA.id);
    await expect(getReview(outsider, next!.id, { withItems: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("counts the same items as it lists when the source meeting is rescheduled past it, or deleted", async () => {
    const { division, unitA } = await makeDivision();
    const secretariat = await makeUser("secretariat", division.id);
    const day = 86400000;
    const at = (days: number) => new Date(Date.now() + days * day);
    const [source] = await db
      .insert(meetings)
      .values({ title: "Rakor sumber", startsAt: at(-10), endsAt: new Date(at(-10).getTime() + 7200000), timeZone: "Asia/Jakarta", organizerUnitId: division.id, status: "completed" })
      .returning();
    const [next] = await db
      .insert(meetings)
      .values({ title: "Rakor reviu", startsAt: at(7), endsAt: new Date(at(7).getTime() + 7200000), timeZone: "Asia/Jakarta", organizerUnitId: division.id, status: "scheduled" })
      .returning();
    await db.insert(invitations).values([{ meetingId: next!.id, workUnitId: unitA.id }]);
    const fromSource = await insertItem({ workUnitId: unitA.id, status: "open", meetingId: source!.id, dueDate: inDays(-2) });
    const onItsOwn = await insertItem({ workUnitId: unitA.id, status: "in_progress", dueDate: inDays(5) });
    await insertItem({ workUnitId: unitA.id, status: "open", meetingId: next!.id }); // from the reviewing meeting itself
    const check = async (label: string, expected: string[], overdue: number) => {
      const review = await getReview(secretariat, next!.id, { unitId: unitA.id });
      expect(review.items.map((r) => r.id).sort(), label).toEqual([...expected].sort());
      expect(review.units, label).toEqual(expected.length ? [{ unitId: unitA.id, unitName: unitA.name, open: expected.length, overdue, reviewed: 0 }] : []);
    };
    await check("before", [fromSource.id, onItsOwn.id], 1);
    // The source meeting is moved after the reviewing one: its item no longer came before.
    await db.update(meetings).set({ startsAt: at(9), endsAt: new Date(at(9).getTime() + 7200000) }).where(eq(meetings.id, source!.id));
    await check("source rescheduled after", [onItsOwn.id], 0);
    await db.update(meetings).set({ startsAt: at(-3), endsAt: new Date(at(-3).getTime() + 7200000) }).where(eq(meetings.id, source!.id));
    await check("source moved back", [fromSource.id, onItsOwn.id], 1);
    // Deleted: the item stays, of no meeting, judged by when it was created (before the review).
    await db.delete(meetings).where(eq(meetings.id, source!.id));
    await check("source deleted", [fromSource.id, onItsOwn.id], 1);
  });
});
