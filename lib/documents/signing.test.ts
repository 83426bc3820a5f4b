import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import forge from "node-forge";
import { describe, expect, it } from "vitest";
import { office, publishedMeeting } from "@/tests/office";
import { makeUser } from "@/tests/fixtures";
import { ValidationError } from "@/lib/errors";
import { saveOfficeSettings } from "@/lib/offices/settings";
import { issueLetter, letterFile } from "./letters";
import { saveSigningCertificate } from "./signing";
import { checkDocument, verificationOf } from "./verify";
import { documentOfLetter } from "./store";

/** A self-signed certificate with its key as PKCS#12 (what an office would get from its CA). */
function selfSignedP12(passphrase: string): Uint8Array {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const attrs = [{ name: "commonName", value: "Kepala Divisi Keimigrasian" }, { name: "organizationName", value: "Kanwil Uji" }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: "keyUsage", digitalSignature: true, nonRepudiation: true }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: "3des" });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
}

describe("electronic signature", { timeout: 120_000 }, () => {
  it("an issued letter is signed over the whole document (pdfsig), and its verification page matches its bytes only", async () => {
    const o = await office();
    const admin = await makeUser("admin", o.division.id);
    await saveOfficeSettings(admin, o.division.id, 0, { officeName: "Kanwil Uji", placeName: "Surabaya", letterNumberFormat: "S-{n}/{yyyy}" });
    const p12 = selfSignedP12("rahasia-kantor");
    await expect(saveSigningCertificate(admin, o.division.id, p12, "salah")).rejects.toBeInstanceOf(ValidationError);
    await saveSigningCertificate(admin, o.division.id, p12, "rahasia-kantor");
    const m = await publishedMeeting(o);
    const letter = await issueLetter(o.secretariat, m.id, { numberMode: "sequence", letterDate: "2033-01-01", placeName: "Surabaya", signerName: "Budi", signerPosition: "Kepala Divisi" });
    const { body } = await letterFile(o.participantA, letter.id);
    const file = path.join(os.tmpdir(), `rakor-signed-${letter.id}.pdf`);
    fs.writeFileSync(file, body);
    let out = "";
    try {
      out = execFileSync("pdfsig", [file]).toString();
    } catch (e) {
      out = String((e as { stdout?: Buffer }).stdout ?? e);
    }
    fs.unlinkSync(file);
    expect(out).toContain("Signature is Valid");
    expect(out).toContain("Total document signed");
    expect(out).toContain("ETSI.CAdES.detached");
    const stored = (await documentOfLetter(letter.id))!;
    expect(stored.signed).toBe(true);
    const info = await verificationOf(stored.code);
    expect(info).toMatchObject({ number: "S-1/2033", signer: "Budi", signed: true });
    expect(await checkDocument(stored.code, { bytes: body })).toBe("match");
    const altered = Buffer.from(body);
    altered[100] ^= 1;
    expect(await checkDocument(stored.code, { bytes: altered })).toBe("mismatch");
  });
});
