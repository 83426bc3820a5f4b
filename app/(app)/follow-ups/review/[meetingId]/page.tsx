import { ScrollTable } from "@/components/ui/scroll-table";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DueBadges, StatusBadge } from "@/components/follow-ups/badges";
import "@/components/follow-ups/follow-ups.css";
import { ReviewForm } from "@/components/follow-ups/review-form";
import { TransitionForm } from "@/components/follow-ups/transition-form";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getReview } from "@/lib/follow-ups/review";
import { allowedTransitions } from "@/lib/follow-ups/workflow";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatCalendarDate, formatDate } from "@/lib/time";
import { recordReviewAction, transitionAction } from "../../actions";

export const metadata: Metadata = { title: "Reviu tindak lanjut" };

/**
 * The "review of follow-ups" agenda item of a rakor: every open follow-up of the invited units from
 * earlier meetings, with age and status; statuses can be changed here and the review is recorded
 * for the minutes.
 */
export default async function ReviewPage({ params }: { params: Promise<{ meetingId: string }> }) {
  await connection();
  const user = await requireUser();
  const { meetingId } = await params;
  const review = await getReview(user, meetingId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <>
      <h1>{t("followUps.review.title")}</h1>
      <p>
        <strong>{review.meeting.title}</strong> · {formatDate(review.meeting.startsAt, review.meeting.timeZone, locale)}
      </p>
      {review.items.length === 0 ? (
        <p className="muted">{t("followUps.review.none")}</p>
      ) : (
        <ScrollTable label={t("followUps.review.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("followUps.fields.title")}</th>
                <th scope="col">{t("followUps.fields.unit")}</th>
                <th scope="col">{t("followUps.fields.status")}</th>
                <th scope="col" className="fu-num">{t("followUps.fields.age")}</th>
                <th scope="col">{t("followUps.review.record")}</th>
              </tr>
            </thead>
            <tbody>
              {review.items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/follow-ups/${r.id}`}>{r.title}</Link>
                    {r.sourceMeetingTitle ? <div className="muted">{r.sourceMeetingTitle}</div> : null}
                    <div className="muted">
                      {t("followUps.fields.dueDate")}: {formatCalendarDate(r.dueDate, locale)}
                    </div>
                  </td>
                  <td>{r.unitName}</td>
                  <td>
                    <span className="fu-badges">
                      <StatusBadge status={r.status} t={t} />
                      <DueBadges overdue={r.overdue} dueSoon={false} t={t} />
                      {r.reviewed ? <Badge tone="success">{t("followUps.review.reviewed")}</Badge> : null}
                    </span>
                    <div className="fu-forms">
                      {allowedTransitions(user, r)
                        .filter((tr) => tr.name !== "report")
                        .map((tr) => (
                          <TransitionForm key={`${tr.name}-${tr.to}`} name={tr.name} to={tr.to} meetingId={review.meeting.id} action={transitionAction.bind(null, r.id, r.version)} />
                        ))}
                    </div>
                  </td>
                  <td className="fu-num">{r.ageDays}</td>
                  <td>
                    {r.reviewNote ? <p className="fu-desc">{r.reviewNote}</p> : null}
                    {review.canRecord ? <ReviewForm action={recordReviewAction.bind(null, review.meeting.id, r.id)} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
