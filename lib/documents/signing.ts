import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { signingCertificates } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { authSecret } from "@/lib/auth/secret";

/**
 * Electronic signatures (issue 19): an office's signing certificate (PKCS#12 and its passphrase)
 * is kept encrypted (AES-256-GCM, key derived from AUTH_SECRET with HKDF); issued letters and
 * finalized notulen are signed over the whole document (PAdES, ETSI.CAdES.detached).
 */

/** An office's signing key, decrypted for one signing. */
export type Signer = { p12: Buffer; passphrase: string; name: string };

function key(): Buffer {
  const secret = authSecret();
  return Buffer.from(hkdfSync("sha256", secret, "rakor", "signing-certificate", 32));
}

export function encryptSecret(plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptSecret(sealed: Uint8Array): Buffer {
  const buf = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", key(), buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]);
}

/** Reads a PKCS#12 with its passphrase: the signer's name and the certificate's end of validity. */
async function inspect(p12: Buffer, passphrase: string) {
  const forge = (await import("node-forge")).default;
  try {
    const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString("binary")), passphrase);
    const bags = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
    const keys = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [];
    const cert = bags[0]?.cert;
    if (!cert || keys.length === 0) return null;
    return { subject: String(cert.subject.getField("CN")?.value ?? ""), validTo: cert.validity.notAfter };
  } catch {
    return null;
  }
}

/** Stores (or replaces) an office's signing certificate (admins). A file that does not open with the passphrase is refused. */
export async function saveSigningCertificate(user: CurrentUser, officeUnitId: string, p12: Uint8Array, passphrase: string, ctx: Omit<AuditContext, "actorId"> = {}) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  if (!isUuid(officeUnitId)) throw new NotFoundError();
  if (p12.length === 0 || p12.length > 200_000) throw new ValidationError({ certificate: ["offices.errors.certificate"] });
  const info = await inspect(Buffer.from(p12), passphrase);
  if (!info) throw new ValidationError({ certificate: ["offices.errors.certificate"] });
  if (info.validTo < new Date()) throw new ValidationError({ certificate: ["offices.errors.certificateExpired"] });
  const encrypted = encryptSecret(Buffer.from(JSON.stringify({ p12: Buffer.from(p12).toString("base64"), passphrase })));
  await db.transaction(async (tx) => {
    await tx
      .insert(signingCertificates)
      .values({ officeUnitId, encrypted, subject: info.subject, validTo: info.validTo, uploadedBy: user.id })
      .onConflictDoUpdate({
        target: signingCertificates.officeUnitId,
        set: { encrypted, subject: info.subject, validTo: info.validTo, uploadedBy: user.id, uploadedAt: new Date(), version: sql`${signingCertificates.version} + 1` },
      });
    await audit(tx, { actorId: user.id, ...ctx }, "office.certificate", "work_unit", officeUnitId, { subject: info.subject, validTo: info.validTo });
  });
  return info;
}

/** The office's signing certificate, or null when it has none (or it expired). */
export async function loadSigner(officeId: string): Promise<Signer | null> {
  if (!isUuid(officeId)) return null;
  const [row] = await db.select().from(signingCertificates).where(eq(signingCertificates.officeUnitId, officeId));
  if (!row || row.validTo < new Date()) return null;
  const { p12, passphrase } = JSON.parse(decryptSecret(row.encrypted).toString("utf8")) as { p12: string; passphrase: string };
  return { p12: Buffer.from(p12, "base64"), passphrase, name: row.subject };
}

/** PAdES signature over the whole document; null without a signer. */
export async function signWith(signer: Signer | null, bytes: Uint8Array, reason: string): Promise<Uint8Array | null> {
  if (!signer) return null;
  const [{ SignPdf }, { P12Signer }, { plainAddPlaceholder }, { SUBFILTER_ETSI_CADES_DETACHED }] = await Promise.all([
    import("@signpdf/signpdf"),
    import("@signpdf/signer-p12"),
    import("@signpdf/placeholder-plain"),
    import("@signpdf/utils"),
  ]);
  const prepared = plainAddPlaceholder({
    pdfBuffer: Buffer.from(bytes),
    reason: reason.slice(0, 200),
    contactInfo: "",
    name: signer.name,
    location: "",
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "Rakor",
  });
  const signed = await new SignPdf().sign(prepared, new P12Signer(signer.p12, { passphrase: signer.passphrase }));
  return new Uint8Array(signed);
}

/** What the admin page shows of an office's certificate (never the key). */
export async function certificateInfo(officeId: string) {
  if (!isUuid(officeId)) return null;
  const [row] = await db
    .select({ subject: signingCertificates.subject, validTo: signingCertificates.validTo })
    .from(signingCertificates)
    .where(eq(signingCertificates.officeUnitId, officeId));
  return row ?? null;
}
