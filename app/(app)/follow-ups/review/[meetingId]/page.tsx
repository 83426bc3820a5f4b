import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import type { ComponentProps, ReactNode } from "react";
import { DueBadges, StatusBadge } from "@/components/follow-ups/badges";
import "@/components/follow-ups/follow-ups.css";
import { ScrollTable } from "@/components/ui/scroll-table";
import { ReviewForm } from "@/components/follow-ups/review-form";
import { Badge } from "@/components/ui/badge";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getReview, REVIEW_PAGE_SIZE } from "@/lib/follow-ups/review";
import { allowedTransitions } from "@/lib/follow-ups/workflow";
import { getLocale, getT } from "@/lib/i18n/server";
import { BadCursorError } from "@/lib/pagination";
import { formatCalendarDate, formatDate } from "@/lib/time";
import { recordReviewsAction } from "../../actions";

export const metadata: Metadata = { title: "Reviu tindak lanjut" };

/** Whoever may not record the review reads the same list without the form. */
function MaybeForm({ canRecord, children, ...form }: { canRecord: boolean; children: ReactNode } & Omit<ComponentProps<typeof ReviewForm>, "children">) {
  return canRecord ? <ReviewForm {...form}>{children}</ReviewForm> : <>{children}</>;
}

/**
 * The "review of follow-ups" agenda item of a rakor: the open follow-ups of the invited units from
 * earlier meetings, counted per unit first; a unit's items then come a page at a time, in ONE form
 * that records the review of the checked rows (note, optional status step) for the minutes.
 */
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ meetingId: string }>; searchParams: Promise<{ unit?: string; cursor?: string }> }) {
  await connection();
  const user = await requireUser();
  const [{ meetingId }, sp] = await Promise.all([params, searchParams]);
  const review = await getReview(user, meetingId, { unitId: sp.unit, cursor: sp.cursor }).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof BadCursorError) redirect(`/follow-ups/review/${meetingId}${sp.unit ? `?unit=${encodeURIComponent(sp.unit)}` : ""}`);
    throw e;
  });
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const base = `/follow-ups/review/${review.meeting.id}`;
  const unit = review.units.find((u) => u.unitId === review.unitId) ?? null;
  const sum = (k: "open" | "overdue" | "reviewed") => review.units.reduce((s, u) => s + u[k], 0);
  const stepLabel = { verify: "verify", return: "return", cancel: "cancel" } as const;
  return (
    <>
      <h1>{t("followUps.review.title")}</h1>
      <p>
        <Link href={`/meetings/${review.meeting.id}`}>
          <strong>{review.meeting.title}</strong>
        </Link>{" "}
        · {formatDate(review.meeting.startsAt, review.meeting.timeZone, locale)}
      </p>
      {review.units.length === 0 ? (
        <p className="muted">{t("followUps.review.none")}</p>
      ) : (
        <section aria-labelledby="review-units">
          <h2 id="review-units">{t("followUps.review.perUnit")}</h2>
          <p className="muted">{t("followUps.review.chooseUnit", { count: REVIEW_PAGE_SIZE })}</p>
          <ScrollTable label={t("followUps.review.perUnit")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("followUps.fields.unit")}</th>
                  <th scope="col" className="fu-num">{t("followUps.review.open")}</th>
                  <th scope="col" className="fu-num">{t("followUps.badges.overdue")}</th>
                  <th scope="col" className="fu-num">{t("followUps.review.reviewedHere")}</th>
                </tr>
              </thead>
              <tbody>
                {review.units.map((u) => (
                  <tr key={u.unitId} aria-current={u.unitId === review.unitId ? "true" : undefined}>
                    <th scope="row">
                      <Link href={`${base}?unit=${u.unitId}#review-items`}>{u.unitName}</Link>
                    </th>
                    <td className="fu-num">{u.open}</td>
                    <td className="fu-num">{u.overdue}</td>
                    <td className="fu-num">{u.reviewed}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("followUps.review.total")}</th>
                  <td className="fu-num">{sum("open")}</td>
                  <td className="fu-num">{sum("overdue")}</td>
                  <td className="fu-num">{sum("reviewed")}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollTable>
        </section>
      )}
      {unit ? (
        <section aria-labelledby="review-items">
          <h2 id="review-items">{t("followUps.review.unitItems", { unit: unit.unitName })}</h2>
          {review.items.length === 0 ? (
            <p className="muted">{t("followUps.review.none")}</p>
          ) : (
            <MaybeForm canRecord={review.canRecord} action={recordReviewsAction.bind(null, review.meeting.id)} titles={Object.fromEntries(review.items.map((r) => [r.id, r.title]))}>
              <ScrollTable label={t("followUps.review.unitItems", { unit: unit.unitName })}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("followUps.review.record")}</th>
                      <th scope="col">{t("followUps.fields.title")}</th>
                      <th scope="col">{t("followUps.fields.status")}</th>
                      <th scope="col" className="fu-num">{t("followUps.fields.age")}</th>
                      <th scope="col">{t("followUps.fields.note")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {review.items.map((r) => {
                      const steps = review.canRecord ? allowedTransitions(user, r).filter((tr) => tr.name !== "report" && tr.name !== "start") : [];
                      return (
                        <tr key={r.id}>
                          <td>
                            <input type="checkbox" name="itemId" value={r.id} id={`rv-${r.id}`} aria-label={t("followUps.review.check", { title: r.title })} disabled={!review.canRecord} />
                            <input type="hidden" name={`version.${r.id}`} value={r.version} />
                          </td>
                          <td>
                            <Link href={`/follow-ups/${r.id}`}>{r.title}</Link>
                            {r.sourceMeetingTitle ? <div className="muted">{r.sourceMeetingTitle}</div> : null}
                            <div className="muted">
                              {t("followUps.fields.dueDate")}: {formatCalendarDate(r.dueDate, locale)}
                            </div>
                          </td>
                          <td>
                            <span className="fu-badges">
                              <StatusBadge status={r.status} t={t} />
                              <DueBadges overdue={r.overdue} dueSoon={false} t={t} />
                              {r.reviewed ? <Badge tone="success">{t("followUps.review.reviewed")}</Badge> : null}
                            </span>
                            {steps.length ? (
                              <div>
                                <label htmlFor={`to-${r.id}`} className="sr-only">
                                  {t("followUps.review.step")}: {r.title}
                                </label>
                                <select id={`to-${r.id}`} name={`to.${r.id}`} defaultValue="">
                                  <option value="">{t("followUps.review.noStep")}</option>
                                  {steps.map((tr) => (
                                    <option key={`${tr.name}-${tr.to}`} value={tr.to}>
                                      {t(`followUps.transitions.${stepLabel[tr.name as keyof typeof stepLabel]}`)}
                                    </option>
                                  ))}
                                </select>
                              </div>
                            ) : null}
                          </td>
                          <td className="fu-num">{r.ageDays}</td>
                          <td>
                            {r.reviewNote ? <p className="fu-desc">{r.reviewNote}</p> : null}
                            {review.canRecord ? (
                              <>
                                <label htmlFor={`note-${r.id}`} className="sr-only">
                                  {t("followUps.fields.note")}: {r.title}
                                </label>
                                <textarea id={`note-${r.id}`} name={`note.${r.id}`} rows={2} maxLength={5000} />
                              </>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollTable>
            </MaybeForm>
          )}
          <CursorPagination basePath={base} params={{ unit: unit.unitId }} nextCursor={review.nextCursor} prevCursor={review.prevCursor} />
        </section>
      ) : null}
    </>
  );
}
