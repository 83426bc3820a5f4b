import Link from "next/link";
import "@/components/agenda/agenda.css";
import { DownloadButton } from "@/components/agenda/download-button";
import { LetterForm } from "@/components/meetings/letter-form";
import { Disclosure } from "@/components/ui/disclosure";
import { letterFormDefaults } from "@/lib/documents/invitation-letter";
import { meetingFilesFor } from "@/lib/documents/render";
import { formatLetterNumber } from "@/lib/offices/schemas";
import { formatCalendarDate, todayIn } from "@/lib/time";
import * as A from "../../actions";
import type { SectionProps } from "./types";

/** The meeting's files this user may download, the printable pages, and (for the secretariat) issuing the invitation letter. */
export async function DocumentsTab({ d, user, t }: SectionProps) {
  const m = d.meeting;
  const canIssue = d.permissions.manage && m.status !== "draft" && m.status !== "cancelled";
  const [{ files }, letter] = await Promise.all([meetingFilesFor(user, m.id), letterFormDefaults(m.id, m.organizerUnitId)]);
  const today = todayIn(m.timeZone);
  const next = letter.sequence ? formatLetterNumber(letter.sequence.format, letter.sequence.next, today) : null;
  const issued = letter.letter;
  return (
    <>
      <section aria-labelledby="files-h">
        <h2 id="files-h">{t("meetings.page.files")}</h2>
        <div className="card">
          <ul className="downloads">
            {files.map((kind) => {
              const label = t(`agenda.documents.files.${kind}`);
              return (
                <li key={kind}>
                  <span>{label}</span>
                  <DownloadButton href={`/documents/${m.id}/${kind}`} label={label} />
                </li>
              );
            })}
          </ul>
          <p className="meeting-links">
            <Link href={`/meetings/${m.id}/agenda`}>{t("meetings.page.printAgenda")}</Link>
            {d.minutes ? <Link href={`/meetings/${m.id}/minutes`}>{t("meetings.page.printMinutes")}</Link> : null}
          </p>
        </div>
      </section>
      {m.status !== "draft" ? (
        <section aria-labelledby="letter-h">
          <h2 id="letter-h">{t("meetings.letter.title")}</h2>
          <p>
            {issued
              ? t("meetings.letter.issued", { number: issued.number, place: issued.placeName, date: formatCalendarDate(issued.letterDate), signer: issued.signerName })
              : t("meetings.letter.notIssued")}
          </p>
          {canIssue ? (
            <Disclosure className="card no-print" defaultOpen={!issued} summary={issued ? t("meetings.letter.reissue") : t("meetings.letter.issue")}>
              <LetterForm
                nextNumber={next}
                submitLabel={issued ? t("meetings.letter.reissue") : t("meetings.letter.issue")}
                initial={
                  issued
                    ? {
                        numberMode: "manual",
                        number: issued.number,
                        letterDate: issued.letterDate,
                        placeName: issued.placeName,
                        signerName: issued.signerName,
                        signerPosition: issued.signerPosition,
                        signerNip: issued.signerNip ?? "",
                      }
                    : {
                        numberMode: next ? "sequence" : "manual",
                        number: "",
                        letterDate: today,
                        placeName: letter.placeName,
                        signerName: letter.signer?.name ?? m.chairName ?? "",
                        signerPosition: letter.signer?.position ?? m.chairPosition ?? "",
                        signerNip: letter.signer?.nip ?? "",
                      }
                }
                action={A.issueLetterAction.bind(null, m.id, issued?.version ?? 0)}
              />
            </Disclosure>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
