import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { OfficialDocumentView } from "@/components/documents/official-document";
import { PrintButton } from "@/components/meetings/print-button";
import { requireUser } from "@/lib/auth/session";
import { minutesPrintView } from "@/lib/documents/minutes-view";
import { AppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Notulen" };

/**
 * The printable notulen: the same document as the PDF (one model, lib/documents/content.ts) — kop,
 * facts, Acara, Pembahasan, Kesimpulan, Keputusan, Tindak lanjut, closing and signatures, the daftar
 * hadir attached. Finalized minutes show the stored record's content and its verification code.
 */
export default async function PrintMinutesPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await requireUser();
  const { id } = await params;
  const t = await getT();
  let out: Awaited<ReturnType<typeof minutesPrintView>>;
  try {
    out = await minutesPrintView(user, id);
  } catch (e) {
    if (e instanceof AppError && (e.status === 404 || e.status === 403)) notFound();
    throw e;
  }
  const { record, letterhead, view, stored } = out;
  return (
    <div className="print-sheet">
      <div className="actions no-print">
        <Link href={`/meetings/${record.id}?tab=minutes`}>← {record.title}</Link>
        <PrintButton label={t("actions.print")} />
        <a href={`/documents/${record.id}/minutes`}>{t("meetings.print.downloadPdf")}</a>
        <a href={`/documents/${record.id}/minutesDocx`}>{t("meetings.print.downloadWord")}</a>
      </div>
      {stored ? <p className="no-print muted">{t("meetings.print.record", { version: stored.version, code: stored.code })}</p> : null}
      <OfficialDocumentView doc={view} head={letterhead} unit={record.organizerUnitName} />
    </div>
  );
}
