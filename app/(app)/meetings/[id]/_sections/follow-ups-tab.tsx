import Link from "next/link";
import { ActionItemTable } from "@/components/follow-ups/action-item-table";
import "@/components/follow-ups/follow-ups.css";
import { listActionItems } from "@/lib/follow-ups/list-action-items";
import { listReviewedInMeeting } from "@/lib/follow-ups/review";
import type { SectionProps } from "./types";

/** The follow-ups decided in this meeting (first page), and those reviewed in it. */
export async function FollowUpsTab({ d, user, t, locale }: SectionProps) {
  const m = d.meeting;
  const [list, reviewed] = await Promise.all([listActionItems(user, { meetingId: m.id }), m.status === "draft" ? Promise.resolve([]) : listReviewedInMeeting(user, m.id)]);
  const hasReviewItem = d.agenda.items.some((i) => i.kind === "follow_up_review");
  return (
    <>
      <section aria-labelledby="fu-h">
        <h2 id="fu-h">{t("meetings.tabs.followUps")}</h2>
        {list.items.length === 0 ? (
          <p className="muted">{t("meetings.page.followUpsEmpty")}</p>
        ) : (
          <>
            <ActionItemTable items={list.items} t={t} locale={locale} caption={t("meetings.tabs.followUps")} showUnit headingLevel={3} />
            <p>
              <Link href={`/follow-ups?meetingId=${m.id}`}>{t("meetings.page.followUpsAll")}</Link>
            </p>
          </>
        )}
      </section>
      {reviewed.length || hasReviewItem ? (
        <section aria-labelledby="review-h">
          <h2 id="review-h">{t("followUps.review.title")}</h2>
          {hasReviewItem && m.status !== "draft" ? (
            <p className="no-print">
              <Link href={`/follow-ups/review/${m.id}`}>{t("meetings.minutes.openReview")}</Link>
            </p>
          ) : null}
          {reviewed.length ? (
            <ul>
              {reviewed.map((r) => (
                <li key={r.id}>
                  <Link href={`/follow-ups/${r.id}`}>{r.title}</Link> — {r.unitName} · {t(`followUps.status.${r.statusAtReview}`)}
                  {r.note ? ` · ${r.note}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("meetings.minutes.noneReviewed")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
