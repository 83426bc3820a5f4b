import { sql } from "drizzle-orm";
async function main() {
  const { closeDb, rows } = await import("../db/client");
  const { loadUser } = await import("../lib/auth/load-user");
  const { renderMeetingFile } = await import("../lib/documents/render");
  const { loadMeetingRecord } = await import("../lib/documents/meeting-records");
  const { loadAttendanceSheet } = await import("../lib/documents/attendance-sheet");
  const [{ id }] = await rows<{ id: string }>(sql`select id from users where email = 'sekretariat@rakor.test'`);
  const u = (await loadUser(id))!.user;
  const [m] = await rows<{ id: string }>(sql`select id from meetings where title = 'Rakor Besar Evaluasi Layanan Keimigrasian'`);
  for (let i = 0; i < 8; i++) {
    let t = performance.now();
    const rec = await loadMeetingRecord(m!.id);
    const a = performance.now() - t; t = performance.now();
    await loadAttendanceSheet(rec!);
    const b = performance.now() - t; t = performance.now();
    const out = await renderMeetingFile(u, m!.id, "attendance");
    console.log(`record ${a.toFixed(0)} sheet ${b.toFixed(0)} full ${(performance.now() - t).toFixed(0)} ms, ${(out.body as Uint8Array).length} bytes`);
  }
  await closeDb();
}
main();
