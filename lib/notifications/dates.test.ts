import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notifications, outboxEmails } from "@/db/schema";
import { exportXlsx } from "@/lib/follow-ups/export";
import { runReminders } from "@/lib/follow-ups/reminders";
import { insertItem } from "@/tests/follow-ups";
import { readSheet } from "@/tests/spreadsheet";
import { createT } from "@/lib/i18n/translate";
import { formatCalendarDate, todayIn } from "@/lib/time";
import { makeDivision, makeUser } from "@/tests/fixtures";
import { noticeEmail, notificationText } from "./render";

const inDays = (n: number) => {
  const [y, m, d] = todayIn("Asia/Jakarta").split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

describe("dates a person reads", () => {
  it("notifications say '31 Maret 2027', not '2027-03-31', in either language", () => {
    const payload = { title: "Maklumat pelayanan", unitName: "Kanim Malang", dueDate: "2027-03-31" };
    expect(notificationText(createT("id"), "overdue", payload, "id")).toBe("Terlambat: Maklumat pelayanan (Kanim Malang), tenggat 31 Maret 2027");
    expect(notificationText(createT("en"), "overdue", payload, "en")).toContain("31 March 2027");
  });

  it("a notice of a meeting held in WITA or WIT by a WIB office gives the office's time beside it", () => {
    const payload = { meetingId: "x", title: "Rakor Kanim Mataram", startsAt: "2033-05-06T01:00:00Z", endsAt: "2033-05-06T04:00:00Z", timeZone: "Asia/Makassar", officeTimeZone: "Asia/Jakarta", location: "Aula" };
    const id = noticeEmail("id", "meeting_published", payload, "http://localhost:3000");
    expect(id.body).toContain("Jumat, 6 Mei 2033, 09.00–12.00 WITA (08.00–11.00 WIB)");
    expect(noticeEmail("en", "meeting_published", { ...payload, timeZone: "Asia/Jayapura" }, "http://localhost:3000").body).toContain("Friday, 6 May 2033, 10:00–13:00 WIT (08:00–11:00 WIB)");
    // One zone: nothing beside it.
    expect(noticeEmail("id", "meeting_published", { ...payload, timeZone: "Asia/Jakarta" }, "http://localhost:3000").body).toContain("08.00–11.00 WIB");
    expect(noticeEmail("id", "meeting_published", { ...payload, timeZone: "Asia/Jakarta" }, "http://localhost:3000").body).not.toContain("(");
  });

  it("reminder emails carry the due date in Indonesian", async () => {
    const { unitA } = await makeDivision();
    const pic = await makeUser("participant", unitA.id);
    // Yesterday: inside the job's due-date window whenever it last ran (items only become overdue by time passing).
    const due = inDays(-1);
    const item = await insertItem({ workUnitId: unitA.id, status: "open", picUserId: pic.id, dueDate: due });
    await runReminders();
    const [n] = await db.select().from(notifications).where(and(eq(notifications.userId, pic.id), eq(notifications.kind, "overdue")));
    expect(n!.payload).toMatchObject({ itemId: item.id });
    const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.dedupeKey, n!.dedupeKey!));
    expect(email!.subject).toContain(`tenggat ${formatCalendarDate(due, "id")}`);
    expect(email!.subject).not.toContain(due);
  });

  it("the follow-up export has due dates as date cells", async () => {
    const { unitA } = await makeDivision();
    const malang = await makeUser("participant", unitA.id);
    await insertItem({ workUnitId: unitA.id, dueDate: "2031-03-31", title: "Tanggal sebagai sel tanggal" });
    const read = await readSheet(await exportXlsx(malang, {}));
    const cell = read.sheet.getRow(read.headerRow + 1).getCell(8);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.value).toEqual(new Date("2031-03-31T00:00:00Z"));
    expect(cell.numFmt).toBe("dd/mm/yyyy");
  });
});
