import Link from "next/link";
import "@/components/agenda/agenda.css";
import { DownloadButton } from "@/components/agenda/download-button";
import { LetterForm } from "@/components/meetings/letter-form";
import { WithdrawLetterForm } from "@/components/meetings/withdraw-letter-form";
import { Disclosure } from "@/components/ui/disclosure";
import { letterFormState } from "@/lib/documents/letters";
import { meetingFilesFor } from "@/lib/documents/render";
import { formatCalendarDate, formatDateTime } from "@/lib/time";
import * as A from "../../actions";
import type { SectionProps } from "./types";

/** The meeting's files this user may download, the printable pages, the letters issued and (for the secretariat) issuing the next one. */
export async function DocumentsTab({ d, user, t }: SectionProps) {
  const m = d.meeting;
  const [{ files }, letters] = await Promise.all([meetingFilesFor(user, m.id), letterFormState(m)]);
  const canIssue = d.permissions.manage && letters.kinds.length > 0;
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
            {d.minutes && files.includes("minutes") ? <a href={`/documents/${m.id}/minutes`}>{t("meetings.page.printMinutes")}</a> : null}
          </p>
        </div>
      </section>
      {m.status !== "draft" ? (
        <section aria-labelledby="letter-h">
          <h2 id="letter-h">{t("meetings.letter.title")}</h2>
          {d.permissions.manage ? (
            <p className="no-print">
              <Link href="/letters">{t("meetings.letter.register")}</Link>
            </p>
          ) : null}
          {letters.issued.length === 0 ? (
            <p>{t("meetings.letter.notIssued")}</p>
          ) : (
            <ul className="downloads">
              {letters.issued.map((l) => {
                const label = `${t(`meetings.letter.kinds.${l.kind}`)} ${l.number}`;
                return (
                  <li key={l.id}>
                    <span>
                      {label}
                      {" · "}
                      {t("meetings.letter.issued", { number: l.number, place: l.placeName, date: formatCalendarDate(l.letterDate), signer: l.signerName })}
                      {l.withdrawnAt ? (
                        <>
                          {" "}
                          <strong className="letter-withdrawn">({t("meetings.letter.withdrawnOn", { when: formatDateTime(l.withdrawnAt, user.timeZone, user.locale), reason: l.withdrawReason ?? "" })})</strong>
                        </>
                      ) : null}
                    </span>
                    <DownloadButton href={`/documents/letter/${l.id}`} label={label} />
                    {files.includes("invitationDocx") ? <DownloadButton href={`/documents/letter/${l.id}?format=docx`} label={`${label} (.docx)`} /> : null}
                    {l.code ? <Link href={`/verifikasi/${l.code}`}>{t("meetings.letter.verification", { code: l.code })}</Link> : null}
                    {d.permissions.manage && !l.withdrawnAt ? (
                      <Disclosure className="no-print" defaultOpen={false} summary={t("meetings.letter.withdraw")}>
                        <WithdrawLetterForm number={l.number} action={A.withdrawLetterAction.bind(null, m.id, l.id, l.version)} />
                      </Disclosure>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          {canIssue ? (
            <Disclosure className="card no-print" defaultOpen={letters.issued.length === 0} summary={t("meetings.letter.issue")}>
              <LetterForm kinds={letters.kinds} nextNumber={letters.nextNumber} initial={letters.initial} action={A.issueLetterAction.bind(null, m.id)} />
            </Disclosure>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
