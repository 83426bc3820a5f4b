import Link from "next/link";
import { ScrollTable } from "@/components/ui/scroll-table";
import type { ActionItemRow } from "@/lib/follow-ups/list-action-items";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { formatCalendarDate } from "@/lib/time";
import { DueBadges, StatusBadge } from "./badges";

type Props = {
  items: ActionItemRow[];
  t: Translate;
  locale: Locale;
  caption: string;
  /** The owner unit's column; left out for someone who only ever sees their own unit's items. */
  showUnit?: boolean;
  /** The cards' heading level: one below the heading the list sits under (2 under the page's h1). */
  headingLevel?: 2 | 3;
};

/**
 * The follow-up list: a table on a wide screen, cards on a phone (status, due date and progress
 * first). Only one of the two is displayed at a time (CSS), so assistive technology reads one.
 */
export function ActionItemTable({ items, t, locale, caption, showUnit = true, headingLevel = 2 }: Props) {
  const CardHeading = headingLevel === 2 ? "h2" : "h3";
  if (items.length === 0) return <p className="muted">{t("followUps.empty")}</p>;
  return (
    <>
      <ScrollTable label={caption} className="fu-table">
        <table>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("followUps.fields.title")}</th>
              {showUnit ? <th scope="col">{t("followUps.fields.unit")}</th> : null}
              <th scope="col">{t("followUps.fields.status")}</th>
              <th scope="col">{t("followUps.fields.dueDate")}</th>
              <th scope="col">{t("followUps.fields.progress")}</th>
              <th scope="col">{t("followUps.fields.pic")}</th>
              <th scope="col">{t("followUps.fields.category")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link href={`/follow-ups/${i.id}`}>{i.title}</Link>
                  {i.meetingTitle ? <div className="muted">{i.meetingTitle}</div> : null}
                </td>
                {showUnit ? <td>{i.unitName}</td> : null}
                <td>
                  <StatusBadge status={i.status} t={t} />
                </td>
                <td>
                  <div>{formatCalendarDate(i.dueDate, locale)}</div>
                  <DueBadges overdue={i.overdue} dueSoon={i.dueSoon} t={t} />
                </td>
                <td>{i.progress}%</td>
                <td>{i.picName ?? t("common.none")}</td>
                <td>{locale === "en" ? i.categoryNameEn : i.categoryNameId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <ul className="fu-cards" aria-label={caption}>
        {items.map((i) => (
          <li key={i.id} className="card">
            <p className="fu-card-state">
              <StatusBadge status={i.status} t={t} />
              <DueBadges overdue={i.overdue} dueSoon={i.dueSoon} t={t} />
            </p>
            <CardHeading className="fu-card-title">
              <Link href={`/follow-ups/${i.id}`}>{i.title}</Link>
            </CardHeading>
            <p className="fu-card-due">
              {t("followUps.fields.dueDate")}: <strong>{formatCalendarDate(i.dueDate, locale)}</strong>
            </p>
            <p className="fu-card-progress">
              <progress max={100} value={i.progress} aria-label={`${t("followUps.fields.progress")}: ${i.progress}%`} /> {i.progress}%
            </p>
            <p className="muted">
              {[showUnit ? i.unitName : null, i.picName ? `${t("followUps.fields.pic")}: ${i.picName}` : null, locale === "en" ? i.categoryNameEn : i.categoryNameId].filter(Boolean).join(" · ")}
            </p>
            {i.meetingTitle ? <p className="muted">{i.meetingTitle}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
