import { describe, expect, it } from "vitest";
import { recordServerUrl } from "@/lib/app-url";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { saveOfficeSettings } from "@/lib/offices/settings";
import { makeUnit, makeUser } from "@/tests/fixtures";
import { office, publishedMeeting, type Office } from "@/tests/office";
import { pdfText } from "@/tests/pdf-text";
import { readSheet } from "@/tests/spreadsheet";
import { issueLetter, letterFile, lettersOfMeeting, listRegister, registerXlsx, withdrawLetter } from "./letters";
import { sha256Hex } from "./store";
import { checkDocument, verificationOf } from "./verify";

async function withSequence(o: Office) {
  const admin = await makeUser("admin", o.division.id);
  await saveOfficeSettings(admin, o.division.id, 0, {
    ministryLine: "Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia",
    officeName: "Kantor Wilayah Jawa Timur",
    address: "Jalan Kayoon Nomor 50–52, Surabaya 60271",
    placeName: "Surabaya",
    letterNumberFormat: "W15.UM.01.01-{n}/{yyyy}",
    letterNumberNext: 1,
    defaultCopies: [],
  });
}

const base = { numberMode: "sequence", letterDate: "2033-01-01", placeName: "Surabaya", signerName: "Budi Santoso", signerPosition: "Kepala Divisi Keimigrasian" } as const;

describe("withdrawing an issued letter (menarik surat)", () => {
  it("marks it with when and why in the register, its XLSX and the verification page; the file and the number stay", async () => {
    const o = await office();
    await withSequence(o);
    const m = await publishedMeeting(o);
    const letter = await issueLetter(o.secretariat, m.id, base);
    const file = await letterFile(o.secretariat, letter.id);
    const code = (await lettersOfMeeting(m.id)).find((l) => l.id === letter.id)!.code!;
    expect(code).toMatch(/^[0-9A-Z]{6,16}$/);
    // Before: in force.
    expect((await verificationOf(code))?.withdrawn).toBeNull();

    // A participant may not; a reason is required; a stale version is a conflict — nothing written.
    // The invited participant sees the meeting (403); another office's secretariat does not (404).
    await expect(withdrawLetter(o.participantA, letter.id, letter.version, "Salah alamat")).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await makeUser("secretariat", (await makeUnit({ kind: "division" })).id);
    await expect(withdrawLetter(outsider, letter.id, letter.version, "Salah alamat")).rejects.toBeInstanceOf(NotFoundError);
    const empty = await withdrawLetter(o.secretariat, letter.id, letter.version, "  ").catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(ValidationError);
    expect((empty as ValidationError).fieldErrors.reason).toEqual(["errors.required"]);
    await expect(withdrawLetter(o.secretariat, letter.id, letter.version + 1, "Salah alamat")).rejects.toBeInstanceOf(ConflictError);
    expect((await verificationOf(code))?.withdrawn).toBeNull();

    const before = Date.now();
    const withdrawn = await withdrawLetter(o.secretariat, letter.id, letter.version, "Tanggal rapat dalam surat keliru");
    expect(withdrawn.withdrawnAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Twice: refused, saying so.
    const again = await withdrawLetter(o.secretariat, letter.id, withdrawn.version, "Lagi").catch((e: unknown) => e);
    expect((again as ValidationError).message).toBe("offices.errors.alreadyWithdrawn");

    // The verification page's data: withdrawn, when (office zone) and why; the bytes still match.
    const v = (await verificationOf(code))!;
    expect(v.withdrawn).toMatchObject({ reason: "Tanggal rapat dalam surat keliru", timeZone: "Asia/Jakarta" });
    expect(v.withdrawn!.at.getTime()).toBe(withdrawn.withdrawnAt!.getTime());
    expect(await checkDocument(code, { bytes: file.body })).toBe("match");
    // The stored file is unchanged.
    expect(sha256Hex((await letterFile(o.secretariat, letter.id)).body)).toBe(sha256Hex(file.body));

    // The register lists it, marked; its XLSX says when and why.
    const { rows } = await listRegister(o.secretariat, o.division.id, 2033);
    expect(rows.find((r) => r.id === letter.id)).toMatchObject({ number: letter.number, withdrawReason: "Tanggal rapat dalam surat keliru" });
    const sheet = await readSheet(await registerXlsx(o.secretariat, o.division.id, 2033));
    expect(sheet.titleLines[0]).toBe("BUKU AGENDA SURAT KELUAR 2033");
    const row = sheet.body.find((r) => r[1] === letter.number)!;
    expect(String(row[7])).toMatch(/^Ditarik \S+, \d{1,2} \S+ \d{4}, \d{2}\.\d{2} WIB: Tanggal rapat dalam surat keliru$/);
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: `${sheet.headerRow}:${sheet.headerRow}` });

    // A new undangan may be issued, with a new number: the withdrawn one is never given again.
    const replacement = await issueLetter(o.secretariat, m.id, base);
    expect(replacement.number).not.toBe(letter.number);
    expect(replacement.number).toBe("W15.UM.01.01-2/2033");
  });

  it("the verification page answers for a real code, not for a made-up one, and tells altered bytes apart", async () => {
    const o = await office();
    await withSequence(o);
    const m = await publishedMeeting(o);
    const letter = await issueLetter(o.secretariat, m.id, base);
    const { body } = await letterFile(o.secretariat, letter.id);
    const code = (await lettersOfMeeting(m.id)).find((l) => l.id === letter.id)!.code!;
    expect(await verificationOf(code)).toMatchObject({ kind: "Surat Undangan", number: letter.number, date: "2033-01-01", signer: "Budi Santoso", sha256: sha256Hex(body), withdrawn: null });
    expect(await verificationOf("ZZZZZZZZZZ")).toBeNull();
    expect(await checkDocument("ZZZZZZZZZZ", { bytes: body })).toBeNull();
    const altered = Buffer.concat([Buffer.from(body), Buffer.from("\n% x")]);
    expect(await checkDocument(code, { bytes: altered })).toBe("mismatch");
    expect(await checkDocument(code, { sha256: sha256Hex(body).toUpperCase() })).toBe("match");
  });
});

describe("the verification address in a document", () => {
  it("is absolute without APP_URL: the address the server runs on", async () => {
    const saved = process.env.APP_URL;
    delete process.env.APP_URL;
    try {
      recordServerUrl({ ...process.env, PORT: "3242", HOSTNAME: "0.0.0.0" });
      const o = await office();
      await withSequence(o);
      const m = await publishedMeeting(o);
      const letter = await issueLetter(o.secretariat, m.id, base);
      const code = (await lettersOfMeeting(m.id)).find((l) => l.id === letter.id)!.code!;
      const text = (await pdfText((await letterFile(o.secretariat, letter.id)).body)).replace(/\s+/g, " ");
      expect(text).toContain(`http://localhost:3242/verifikasi/${code}`);
      expect(text).not.toMatch(/Verifikasi: \/verifikasi/);
    } finally {
      if (saved === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = saved;
    }
  });
});
