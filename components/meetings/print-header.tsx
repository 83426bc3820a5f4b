import Link from "next/link";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/meetings/print-button";
import type { Translate } from "@/lib/i18n/translate";
import { formatRangeWithReference, referenceZone, type Locale } from "@/lib/time";

type PrintedMeeting = { id: string; title: string; startsAt: Date; endsAt: Date; timeZone: string; location: string; chairName: string | null };

/** The top of a printed meeting record: back link and print button, title, day, place, chair (plus extra facts). */
export function PrintHeader({
  meeting: m,
  heading,
  notice,
  t,
  locale,
  referenceTimeZone,
  children,
}: {
  meeting: PrintedMeeting;
  /** The reader's zone: a meeting held in another also gives the time there ("09.00 WITA (08.00 WIB)"). */
  referenceTimeZone?: string | null;
  heading: string;
  notice?: ReactNode;
  t: Translate;
  locale: Locale;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="actions no-print">
        <Link href={`/meetings/${m.id}`}>← {m.title}</Link>
        <PrintButton label={t("actions.print")} />
      </div>
      {notice}
      <h1>
        {heading}
        <br />
        {m.title}
      </h1>
      <dl className="facts">
        <dt>{t("meetings.print.day")}</dt>
        <dd>{formatRangeWithReference(m.startsAt, m.endsAt, m.timeZone, referenceZone(m.timeZone, referenceTimeZone), locale)}</dd>
        <dt>{t("meetings.print.place")}</dt>
        <dd>{m.location || "—"}</dd>
        {m.chairName ? (
          <>
            <dt>{t("meetings.print.chair")}</dt>
            <dd>{m.chairName}</dd>
          </>
        ) : null}
        {children}
      </dl>
    </>
  );
}
