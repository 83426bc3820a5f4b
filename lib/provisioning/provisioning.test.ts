import { describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apiTokens, auditLogs, provisioningRuns, users, workUnits } from "@/db/schema";
import { makeUnit, makeUser, uid } from "@/tests/fixtures";
import { callApi, tokenOf } from "@/tests/api";
import { applyRun, createRun, getRun, runErrors, runList } from "./runs";

/** A NIP no other test uses: 18 digits, the last 12 random. */
const nip = () => `199001${String(Math.floor(Math.random() * 1e12)).padStart(12, "0")}`;
const csv = (lines: string[], sep = ";") => Buffer.from(`\uFEFF${lines.map((l) => l.replaceAll("|", sep)).join("\r\n")}\r\n`, "utf8");

async function admin() {
  return makeUser("admin", (await makeUnit()).id);
}

/** A units file of its own: a division and two units below it, codes unique to the test. */
function unitsFile(tag: string) {
  return csv(["Kode|Nama|Kode Induk|Zona Waktu|Jenis", `DIV-${tag}|Divisi ${tag}||WIB|divisi`, `UPT-${tag}-A|Kantor A ${tag}|DIV-${tag}|WITA|`, `UPT-${tag}-B|Kantor B ${tag}|DIV-${tag}|Asia/Jayapura|upt`, `OLD-${tag}|Unit lama||WIB|`]);
}

// Generous timeouts: on the embedded database the first test of a file also pays for starting it.
describe("provisioning from personnel data", { timeout: 120_000 }, () => {
  it("a dry-run lists what will be created, changed, moved and deactivated; applying twice changes nothing the second time", async () => {
    const actor = await admin();
    const tag = uid().toUpperCase();
    const units = unitsFile(tag);
    // Someone already in Rakor without a NIP (matched by e-mail), and someone who will be missing from the full export.
    await db.insert(workUnits).values({ code: `OLD-${tag}`, name: "Unit lama", kind: "technical_unit" });
    const [old] = await db.select().from(workUnits).where(eq(workUnits.code, `OLD-${tag}`));
    const [known] = await db.insert(users).values({ name: "Nama Lama", email: `lama.${tag}@test.rakor`.toLowerCase(), role: "participant", workUnitId: old!.id, passwordHash: "x" }).returning();
    const goneNip = nip();
    const [gone] = await db.insert(users).values({ name: "Pensiun", email: `pensiun.${tag}@test.rakor`.toLowerCase(), nip: goneNip, role: "participant", workUnitId: old!.id, passwordHash: "x" }).returning();
    await db.insert(apiTokens).values({ userId: known!.id, name: "skrip", tokenHash: `h-${uid()}` });
    const nips = [nip(), nip(), nip()];
    const people = csv([
      "NIP|Nama|Jabatan|Kode Unit|E-mail|Peran",
      `${nips[0]}|Ani Lestari|Kepala Divisi|DIV-${tag}|ani.${tag}@test.rakor|kepala`,
      `${nips[1]}|Budi Santoso|Analis|UPT-${tag}-A|budi.${tag}@test.rakor|`,
      `${nips[2]}|"Citra; S.H."|Pranata|upt-${tag}-b|CITRA.${tag}@test.rakor|peserta`,
      `${nip()}|Nama Baru|Analis|UPT-${tag}-A|lama.${tag}@test.rakor|sekretariat`,
      "", // an empty line is skipped
    ]);
    const first = await createRun(actor, { people: { name: "pegawai.csv", data: people }, units: { name: "unit.csv", data: units }, fullExport: true, source: "upload" });
    const before = await getRun(actor, first.id);
    expect(before.errorCount).toBe(0);
    expect(before.counts).toMatchObject({ unitCreated: 3, unitChanged: 0, created: 3, moved: 1, changed: 0, unchanged: 0, deactivated: 1 });
    const moved = await runList(actor, first.id, "moved", 1);
    expect(moved).toEqual([expect.objectContaining({ line: 5, name: "Nama Baru", oldUnitCode: `OLD-${tag}`, unitCode: `UPT-${tag}-A`, role: "secretariat", oldRole: "participant" })]);
    expect(moved[0]!.fields).toMatchObject({ name: ["Nama Lama", "Nama Baru"], role: ["participant", "secretariat"] });
    expect((await runList(actor, first.id, "deactivated", 1)).map((p) => p.nip)).toEqual([goneNip]);
    // A dry-run writes nothing.
    expect(await db.select().from(users).where(inArray(users.nip, nips))).toHaveLength(0);

    const applied = await applyRun(actor, first.id);
    expect(applied).toMatchObject({ created: 3, moved: 1, deactivated: 1 });
    const created = await db.select().from(users).where(inArray(users.nip, nips));
    expect(created.map((u) => [u.name, u.role, u.passwordHash]).sort()).toEqual([
      ["Ani Lestari", "head", null],
      ["Budi Santoso", "participant", null],
      ["Citra; S.H.", "participant", null],
    ]);
    const [knownAfter] = await db.select().from(users).where(eq(users.id, known!.id));
    expect(knownAfter).toMatchObject({ name: "Nama Baru", role: "secretariat", sessionVersion: known!.sessionVersion + 1 });
    expect((await db.select().from(apiTokens).where(eq(apiTokens.userId, known!.id)))[0]!.revokedAt).not.toBeNull();
    expect((await db.select().from(users).where(eq(users.id, gone!.id)))[0]!.active).toBe(false);
    const [upt] = await db.select().from(workUnits).where(eq(workUnits.code, `UPT-${tag}-B`));
    expect(upt).toMatchObject({ timeZone: "Asia/Jayapura", kind: "technical_unit" });
    const audits = await db.select().from(auditLogs).where(and(eq(auditLogs.actorId, actor.id), sql`${auditLogs.action} like '%provision%'`));
    expect(audits.map((a) => a.action).sort()).toEqual(
      ["provisioning.apply", ...Array(3).fill("unit.provision_create"), ...Array(3).fill("user.provision_create"), "user.provision_deactivate", "user.provision_update"].sort(),
    );
    // The same run cannot be applied twice.
    await expect(applyRun(actor, first.id)).rejects.toMatchObject({ status: 409 });

    // The same files again: everything unchanged, and applying writes nothing.
    const snapshot = async () =>
      db
        .select({ id: users.id, version: users.version, sv: users.sessionVersion, active: users.active })
        .from(users)
        .where(inArray(users.id, [...created.map((u) => u.id), known!.id, gone!.id]))
        .orderBy(users.id);
    const usersBefore = await snapshot();
    const unitsBefore = await db.select({ id: workUnits.id, version: workUnits.version }).from(workUnits).where(sql`${workUnits.code} like ${`%${tag}%`}`).orderBy(workUnits.id);
    const auditsBefore = (await db.select().from(auditLogs).where(eq(auditLogs.actorId, actor.id))).length;
    const second = await createRun(actor, { people: { name: "pegawai.csv", data: people }, units: { name: "unit.csv", data: units }, fullExport: true, source: "upload" });
    expect((await getRun(actor, second.id)).counts).toMatchObject({ unitCreated: 0, unitChanged: 0, created: 0, moved: 0, changed: 0, unchanged: 4, deactivated: 0 });
    expect(await applyRun(actor, second.id)).toMatchObject({ created: 0, moved: 0, changed: 0, deactivated: 0 });
    expect(await snapshot()).toEqual(usersBefore);
    expect(await db.select({ id: workUnits.id, version: workUnits.version }).from(workUnits).where(sql`${workUnits.code} like ${`%${tag}%`}`).orderBy(workUnits.id)).toEqual(unitsBefore);
    expect((await db.select().from(auditLogs).where(eq(auditLogs.actorId, actor.id))).length).toBe(auditsBefore);
  });

  it("names every malformed row by line and column, and neither the dry-run nor apply writes anything", async () => {
    const actor = await admin();
    const tag = uid().toUpperCase();
    const unit = await makeUnit();
    const good = nip();
    const people = csv(
      [
        "nip,nama,jabatan,kode unit,email,peran",
        `${good},Dewi,Analis,${unit.code},dewi.${tag}@test.rakor,peserta`,
        `12345,Eko,Analis,${unit.code},eko.${tag}@test.rakor,peserta`,
        `${nip()},,Analis,NOPE-${tag},bukan-email,raja`,
        `${good},Dewi Lagi,Analis,${unit.code},dewi2.${tag}@test.rakor,`,
      ],
      ",",
    );
    const run = await createRun(actor, { people: { name: "rusak.csv", data: people }, fullExport: false, source: "upload" });
    const errors = await runErrors(actor, run.id, 1);
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, "nip (A)", "errors.invalidNip"],
      [4, "nama (B)", "errors.required"],
      [4, "email (E)", "errors.invalidEmail"],
      [4, "peran (F)", "provisioning.errors.role"],
      [4, "Kode Unit", "provisioning.errors.unknownUnit"],
      [5, "nip (A)", "provisioning.errors.duplicate"],
    ]);
    expect(errors[5]!.params).toEqual({ line: "2" });
    await expect(applyRun(actor, run.id)).rejects.toMatchObject({ status: 409, message: "provisioning.errors.hasErrors" });
    expect(await db.select().from(users).where(eq(users.nip, good))).toHaveLength(0);
    expect((await db.select().from(provisioningRuns).where(eq(provisioningRuns.id, run.id)))[0]!.status).toBe("dry_run");
  });

  it("reads an XLSX export and refuses a file without the required columns", async () => {
    const actor = await admin();
    const unit = await makeUnit();
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Pegawai");
    const id = nip();
    sheet.addRow(["NIP", "Nama", "Jabatan", "Kode Unit", "E-mail", "Peran"]);
    sheet.addRow([id, "Fajar", "Analis", unit.code, `fajar.${uid()}@test.rakor`, "Peserta"]);
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const run = await createRun(actor, { people: { name: "pegawai.xlsx", data }, fullExport: false, source: "upload" });
    expect((await getRun(actor, run.id)).counts).toMatchObject({ created: 1 });
    await applyRun(actor, run.id);
    expect((await db.select().from(users).where(eq(users.nip, id)))[0]).toMatchObject({ name: "Fajar", workUnitId: unit.id, role: "participant" });

    const bad = await createRun(actor, { people: { name: "x.csv", data: csv(["NIP;Nama"]) }, fullExport: false, source: "upload" });
    expect((await runErrors(actor, bad.id, 1)).map((e) => [e.line, e.column])).toEqual([
      [1, "Kode Unit"],
      [1, "E-mail"],
    ]);
  });

  it("works as an API operation: a dry run by default, dryRun=false applies, errors refuse with 422 and write nothing", async () => {
    const actor = await admin();
    const token = await tokenOf(actor);
    const unit = await makeUnit();
    const id = nip();
    const people = `NIP;Nama;Jabatan;Kode Unit;E-mail;Peran\n${id};Gita;Analis;${unit.code};gita.${uid()}@test.rakor;peserta\n`;
    const dry = await callApi({ method: "POST", path: "/provisioning", token, body: { people } });
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ status: "dry_run", counts: { created: 1 }, errorCount: 0, errors: [] });
    expect(await db.select().from(users).where(eq(users.nip, id))).toHaveLength(0);

    const bad = await callApi({ method: "POST", path: "/provisioning", query: "dryRun=false", token, body: { people: `${people}123;Rusak;;${unit.code};x@y.z;\n` } });
    expect(bad.status).toBe(422);
    expect(bad.json!.errors).toEqual([{ path: "people:3:NIP (A)", message: "A NIP is 18 digits." }]);
    expect(await db.select().from(users).where(eq(users.nip, id))).toHaveLength(0);

    const applied = await callApi({ method: "POST", path: "/provisioning", query: "dryRun=false", token, body: { people } });
    expect(applied.status).toBe(200);
    expect(applied.json).toMatchObject({ status: "applied", counts: { created: 1 } });
    expect(await db.select().from(users).where(eq(users.nip, id))).toHaveLength(1);

    const participant = await tokenOf(await makeUser("participant", unit.id));
    expect((await callApi({ method: "POST", path: "/provisioning", token: participant, body: { people } })).status).toBe(403);
  });

  it("refuses everyone but an admin", async () => {
    const participant = await makeUser("participant", (await makeUnit()).id);
    await expect(createRun(participant, { people: { name: "p.csv", data: csv(["NIP;Nama"]) }, fullExport: false, source: "upload" })).rejects.toMatchObject({ status: 403 });
  });

  it("a 10,000-person file with its units: dry-run and apply both finish well under a minute", async () => {
    const actor = await admin();
    const tag = uid().toUpperCase();
    const unitLines = ["Kode;Nama;Kode Induk;Zona Waktu", `K-${tag};Kanwil ${tag};;WIB`];
    for (let u = 0; u < 200; u++) unitLines.push(`K-${tag}-${u};Unit ${u} ${tag};K-${tag};${["WIB", "WITA", "WIT"][u % 3]}`);
    const base = Math.floor(Math.random() * 1e6) * 1e4;
    const personLines = ["NIP;Nama;Jabatan;Kode Unit;E-mail;Peran"];
    for (let i = 0; i < 10_000; i++) {
      personLines.push(`1980${String(base + i).padStart(14, "0")};Pegawai ${i};Analis;K-${tag}-${i % 200};p${i}.${tag.toLowerCase()}@skala.test;${i % 50 === 0 ? "kepala" : "peserta"}`);
    }
    const input = { people: { name: "simpeg.csv", data: csv(personLines) }, units: { name: "unit.csv", data: csv(unitLines) }, fullExport: true, source: "upload" as const };

    let t = performance.now();
    const run = await createRun(actor, input);
    const view = await getRun(actor, run.id);
    const dryRunMs = performance.now() - t;
    expect(view.errorCount).toBe(0);
    expect(view.counts).toMatchObject({ unitCreated: 201, created: 10_000 });
    expect(await runList(actor, run.id, "created", 201)).toHaveLength(0);
    expect(await runList(actor, run.id, "created", 200)).toHaveLength(50);

    t = performance.now();
    await applyRun(actor, run.id);
    const applyMs = performance.now() - t;
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.email} like ${`%.${tag.toLowerCase()}@skala.test`}`);
    expect(row!.n).toBe(10_000);

    t = performance.now();
    const again = await createRun(actor, input);
    expect((await getRun(actor, again.id)).counts).toMatchObject({ created: 0, moved: 0, changed: 0, unchanged: 10_000, deactivated: 0 });
    await applyRun(actor, again.id);
    const secondMs = performance.now() - t;
    console.log(`[provisioning] 10,000 people + 201 units: dry-run ${Math.round(dryRunMs)} ms, apply ${Math.round(applyMs)} ms, same file again (dry-run + apply) ${Math.round(secondMs)} ms`);
    expect(dryRunMs).toBeLessThan(60_000);
    expect(applyMs).toBeLessThan(60_000);
  }, 180_000);
});
