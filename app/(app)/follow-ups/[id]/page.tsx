import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DueBadges, StatusBadge } from "@/components/follow-ups/badges";
import "@/components/follow-ups/follow-ups.css";
import { TransitionForm } from "@/components/follow-ups/transition-form";
import { ExtensionDecisionForm, ExtensionRequestForm, ProgressForm, UploadForm } from "@/components/follow-ups/work-forms";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getActionItem } from "@/lib/follow-ups/get-action-item";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatCalendarDate, formatDateTime } from "@/lib/time";
import { decideExtensionAction, progressAction, requestExtensionAction, transitionAction, uploadEvidenceAction } from "../actions";

export const metadata: Metadata = { title: "Tindak Lanjut" };

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export default async function ActionItemPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await requireUser();
  const { id } = await params;
  const detail = await getActionItem(user, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { item } = detail;
  const date = (d: string) => formatCalendarDate(d, locale);
  const when = (d: Date) => formatDateTime(d, user.timeZone, locale);
  const transitionFiles = detail.files.map((f) => ({ id: f.id, fileName: f.fileName }));
  return (
    <>
      <p>
        <Link href="/follow-ups">← {t("followUps.title")}</Link>
      </p>
      <div className="page-head">
        <h1>{item.title}</h1>
        <span className="fu-badges">
          <StatusBadge status={item.status} t={t} />
          {detail.returned ? <Badge tone="danger">{t("followUps.returned.badge")}</Badge> : null}
          <DueBadges overdue={detail.overdue} dueSoon={detail.dueSoon} t={t} />
        </span>
      </div>
      {detail.returned ? (
        <div className="alert alert-warning" role="status">
          <strong>{t("followUps.returned.title", { name: detail.returned.by ?? "—", at: when(detail.returned.at) })}</strong>
          {detail.returned.reason ? <p className="fu-desc" style={{ margin: "0.25rem 0 0" }}>{detail.returned.reason}</p> : null}
        </div>
      ) : null}
      <div className="fu-grid">
        <div>
          <section className="card" aria-labelledby="facts">
            <h2 id="facts" className="sr-only">
              {t("followUps.detailTitle")}
            </h2>
            <dl className="facts">
              <dt>{t("followUps.fields.unit")}</dt>
              <dd>{item.unitName}</dd>
              <dt>{t("followUps.fields.pic")}</dt>
              <dd>{detail.picName ?? t("common.none")}</dd>
              <dt>{t("followUps.fields.dueDate")}</dt>
              <dd>{date(item.dueDate)}</dd>
              <dt>{t("followUps.fields.progress")}</dt>
              <dd>
                <progress className="fu-progress" max={100} value={item.progress} aria-label={t("followUps.fields.progress")} /> {item.progress}%
              </dd>
              <dt>{t("followUps.fields.category")}</dt>
              <dd>{locale === "en" ? detail.category.nameEn : detail.category.nameId}</dd>
              <dt>{t("followUps.fields.priority")}</dt>
              <dd>{t(`followUps.priority.${item.priority}`)}</dd>
              {detail.meeting ? (
                <>
                  <dt>{t("followUps.fields.meeting")}</dt>
                  <dd>
                    {detail.meeting.title} · {when(detail.meeting.startsAt)}
                  </dd>
                </>
              ) : null}
              {detail.decision ? (
                <>
                  <dt>{t("followUps.fields.decision")}</dt>
                  <dd>
                    {detail.decision.number}. {detail.decision.text}
                  </dd>
                </>
              ) : null}
              {item.cancelReason ? (
                <>
                  <dt>{t("followUps.fields.reason")}</dt>
                  <dd className="fu-desc">{item.cancelReason}</dd>
                </>
              ) : null}
            </dl>
            {item.description ? <p className="fu-desc">{item.description}</p> : null}
          </section>

          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t("followUps.timeline.title")}</h2>
            <ol className="fu-timeline">
              {detail.timeline.map((u) => (
                <li key={u.id}>
                  <strong>
                    {u.kind === "transition" && u.fromStatus && u.toStatus
                      ? t("followUps.timeline.transition", { from: t(`followUps.status.${u.fromStatus}`), to: t(`followUps.status.${u.toStatus}`) })
                      : t(`followUps.timeline.${u.kind}`)}
                  </strong>{" "}
                  {u.progress !== null ? <span className="muted">· {u.progress}%</span> : null}
                  <div className="when">
                    {when(u.createdAt)} {u.authorName ? t("followUps.timeline.by", { name: u.authorName }) : null}
                  </div>
                  {u.note ? <p className="note">{u.note}</p> : null}
                  {u.evidenceUrl ? (
                    <div>
                      {t("followUps.timeline.evidence")}:{" "}
                      <a href={u.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                        {u.evidenceUrl}
                      </a>
                    </div>
                  ) : null}
                  {u.evidenceFileId && u.evidenceFileName ? (
                    <div>
                      {t("followUps.timeline.evidence")}: <a href={`/follow-ups/evidence/${u.evidenceFileId}`}>{u.evidenceFileName}</a>
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <div className="fu-forms">
          {detail.can.transitions.length || detail.can.work ? (
            <section aria-label={t("followUps.fields.status")}>
              {detail.can.transitions.map((tr) => (
                <TransitionForm key={`${tr.name}-${tr.to}`} name={tr.name} to={tr.to} files={transitionFiles} action={transitionAction.bind(null, item.id, item.version)} />
              ))}
              {detail.can.work ? (
                <>
                  <ProgressForm progress={item.progress} action={progressAction.bind(null, item.id, item.version)} />
                  <UploadForm action={uploadEvidenceAction.bind(null, item.id)} />
                </>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="evidence-title" className="card">
            <h2 id="evidence-title">{t("followUps.evidence.title")}</h2>
            {detail.evidenceLinks.length ? (
              <ul aria-label={t("followUps.evidence.links")}>
                {detail.evidenceLinks.map((l) => (
                  <li key={l.url} className="cell-wrap">
                    {t("followUps.evidence.link")}:{" "}
                    <a href={l.url} rel="noopener noreferrer nofollow" target="_blank">
                      {l.url}
                    </a>{" "}
                    <span className="muted">({[l.by, when(l.at)].filter(Boolean).join(", ")})</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {detail.files.length === 0 && detail.evidenceLinks.length === 0 ? (
              <p className="muted">{t("followUps.evidence.none")}</p>
            ) : detail.files.length === 0 ? null : (
              <ul aria-label={t("followUps.evidence.files")}>
                {detail.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/follow-ups/evidence/${f.id}`} aria-label={t("followUps.evidence.download", { name: f.fileName })}>
                      {f.fileName}
                    </a>{" "}
                    <span className="muted">
                      ({sizeLabel(f.size)}
                      {f.uploadedByName ? `, ${f.uploadedByName}` : ""})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="extension-title" className="card">
            <h2 id="extension-title">{t("followUps.extension.title")}</h2>
            {detail.can.decideExtension && detail.pendingExtension ? (
              <ExtensionDecisionForm
                summary={t("followUps.extension.line", {
                  from: date(detail.pendingExtension.currentDueDate),
                  to: date(detail.pendingExtension.requestedDueDate),
                  reason: detail.pendingExtension.reason,
                })}
                action={decideExtensionAction.bind(null, item.id, detail.pendingExtension.id)}
              />
            ) : null}
            {detail.can.requestExtension ? <ExtensionRequestForm minDate={detail.today > item.dueDate ? detail.today : item.dueDate} action={requestExtensionAction.bind(null, item.id)} /> : null}
            <h3>{t("followUps.extension.history")}</h3>
            {detail.extensions.length === 0 ? (
              <p className="muted">{t("followUps.extension.none")}</p>
            ) : (
              <ul>
                {detail.extensions.map((x) => (
                  <li key={x.id}>
                    {t("followUps.extension.line", { from: date(x.currentDueDate), to: date(x.requestedDueDate), reason: x.reason })}{" "}
                    <Badge tone={x.status === "approved" ? "success" : x.status === "rejected" ? "danger" : "warning"}>{t(`followUps.extension.${x.status}`)}</Badge>
                    <div className="muted">
                      {x.requestedByName} · {when(x.createdAt)}
                      {x.decidedAt ? ` · ${x.decidedByName ?? ""} ${when(x.decidedAt)}` : ""}
                      {x.decisionNote ? ` · ${x.decisionNote}` : ""}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
