import Link from "next/link";
import type { ActionItemRow } from "@/lib/follow-ups/list-action-items";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { formatCalendarDate } from "@/lib/time";
import { DueBadges, StatusBadge } from "./badges";

/** The follow-up list; on narrow screens the table scrolls sideways inside its frame. */
export function ActionItemTable({ items, t, locale, caption }: { items: ActionItemRow[]; t: Translate; locale: Locale; caption: string }) {
  if (items.length === 0) return <p className="muted">{t("followUps.empty")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("followUps.fields.title")}</th>
            <th scope="col">{t("followUps.fields.unit")}</th>
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
              <td>{i.unitName}</td>
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
    </div>
  );
}
