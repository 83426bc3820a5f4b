import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { verificationOf } from "@/lib/documents/verify";
import { formatCalendarDate, formatDateTime } from "@/lib/time";
import { checkDocumentAction } from "./actions";
import { CheckForm } from "./check-form";

export const metadata: Metadata = { title: "Verifikasi dokumen", robots: { index: false } };

/**
 * Public verification of an issued document (the QR code and the short code on every page): its
 * kind, number, date, hal, signer and SHA-256, and a check of the bytes one holds. 404 for a code
 * that was never issued; nothing else of the meeting is shown.
 */
export default async function VerificationPage({ params }: { params: Promise<{ code: string }> }) {
  await connection();
  const { code } = await params;
  const doc = await verificationOf(code);
  if (!doc) notFound();
  return (
    <main id="main" className="container" style={{ maxWidth: 720, margin: "2rem auto", padding: "0 1rem" }}>
      <h1>Verifikasi dokumen</h1>
      <p>Dokumen dengan kode {doc.code} tercatat diterbitkan{doc.superseded ? " dan kemudian digantikan oleh versi yang lebih baru" : ""}.</p>
      {doc.withdrawn ? (
        <div className="alert alert-error" role="alert" data-testid="withdrawn">
          <p>
            <strong>Dokumen ini telah DITARIK dan tidak berlaku lagi</strong> sejak {formatDateTime(doc.withdrawn.at, doc.withdrawn.timeZone)}.
          </p>
          <p>Alasan penarikan: {doc.withdrawn.reason || "-"}</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>{doc.withdrawn ? "Ditarik" : doc.superseded ? "Digantikan oleh versi yang lebih baru" : "Berlaku"}</dd>
        <dt>Jenis dokumen</dt>
        <dd>{doc.kind}</dd>
        <dt>Nomor</dt>
        <dd>{doc.number ?? "-"}</dd>
        <dt>Tanggal</dt>
        <dd>{formatCalendarDate(doc.date)}</dd>
        <dt>Hal</dt>
        <dd>{doc.subject}</dd>
        <dt>Penanda tangan</dt>
        <dd>{doc.signer || "-"}</dd>
        <dt>Tanda tangan elektronik</dt>
        <dd>{doc.signed ? "Ya (PAdES)" : "Tidak; keaslian diperiksa dengan SHA-256 di bawah"}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code style={{ wordBreak: "break-all" }}>{doc.sha256}</code>
        </dd>
      </dl>
      <h2>Periksa berkas</h2>
      <CheckForm action={checkDocumentAction.bind(null, doc.code)} withdrawn={doc.withdrawn !== null} />
    </main>
  );
}
