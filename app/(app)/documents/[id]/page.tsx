import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import "@/components/agenda/agenda.css";
import { DownloadButton } from "@/components/agenda/download-button";
import { requireUser } from "@/lib/auth/session";
import { meetingFilesFor } from "@/lib/documents/render";
import { NotFoundError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatRange } from "@/lib/time";

export const metadata: Metadata = { title: "Dokumen rapat" };

/** The meeting's documents and exports this user may download, each with a progress state. */
export default async function MeetingDocumentsPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await requireUser();
  const { id } = await params;
  const [t, locale] = [await getT(), await getLocale()];
  const found = await meetingFilesFor(user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { meeting, files } = found;
  return (
    <>
      <p>
        <Link href={`/meetings/${id}`}>← {t("agenda.documents.back")}</Link>
      </p>
      <h1>{t("agenda.documents.title")}</h1>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>{meeting.title}</h2>
        <p className="muted">{formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale)}</p>
        <p>{t("agenda.documents.intro")}</p>
        <ul className="downloads">
          {files.map((kind) => {
            const label = t(`agenda.documents.files.${kind}`);
            return (
              <li key={kind}>
                <span>{label}</span>
                <DownloadButton href={`/documents/${id}/${kind}`} label={label} />
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
