import { ScrollTable } from "@/components/ui/scroll-table";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import "@/components/follow-ups/follow-ups.css";
import { RunRemindersButton } from "@/components/follow-ups/run-reminders-button";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listDeadLetters, listOutbox } from "@/lib/notifications/outbox";
import { can } from "@/lib/permissions";
import { formatDateTime } from "@/lib/time";
import { runRemindersAction } from "../../follow-ups/actions";
import { resendEmailAction } from "./actions";
import { pageNumber } from "@/lib/input";

export const metadata: Metadata = { title: "Kotak Keluar" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await connection();
  const user = await requireUser();
  if (!can(user, "outbox.view")) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const page = pageNumber((await searchParams).page);
  const [{ items, total, pageSize }, dead] = await Promise.all([listOutbox(user, page), listDeadLetters(user)]);
  return (
    <>
      <div className="page-head">
        <h1>{t("followUps.outbox.title")}</h1>
        <RunRemindersButton label={t("followUps.outbox.run")} action={runRemindersAction} />
      </div>
      <section aria-labelledby="dead-letters" className="card">
        <h2 id="dead-letters">
          {t("notices.deadLetters.title")} {dead.total ? <span className="muted">({t("notices.deadLetters.total", { total: dead.total })})</span> : null}
        </h2>
        <p className="muted">{t("notices.deadLetters.intro")}</p>
        {dead.items.length === 0 ? (
          <p>{t("notices.deadLetters.empty")}</p>
        ) : (
          <ScrollTable label={t("notices.deadLetters.title")}>
            <table data-testid="dead-letters">
              <thead>
                <tr>
                  <th scope="col">{t("followUps.outbox.createdAt")}</th>
                  <th scope="col">{t("followUps.outbox.to")}</th>
                  <th scope="col">{t("followUps.outbox.subject")}</th>
                  <th scope="col">{t("notices.deadLetters.attempts")}</th>
                  <th scope="col">{t("notices.deadLetters.error")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("notices.deadLetters.resend")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {dead.items.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDateTime(m.createdAt, user.timeZone, locale)}</td>
                    <td>{m.toAddress}</td>
                    <td>{m.subject}</td>
                    <td>{m.attempts}</td>
                    <td>{m.error}</td>
                    <td>
                      <RunRemindersButton label={t("notices.deadLetters.resend")} action={resendEmailAction.bind(null, m.id)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
      {items.length === 0 ? (
        <p className="muted">{t("followUps.outbox.empty")}</p>
      ) : (
        <ScrollTable label={t("followUps.outbox.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("followUps.outbox.createdAt")}</th>
                <th scope="col">{t("followUps.outbox.to")}</th>
                <th scope="col">{t("followUps.outbox.subject")}</th>
                <th scope="col">{t("followUps.outbox.status")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.createdAt, user.timeZone, locale)}</td>
                  <td>{m.toAddress}</td>
                  <td>
                    <details>
                      <summary>{m.subject}</summary>
                      <pre className="fu-desc">{m.body}</pre>
                    </details>
                  </td>
                  <td>
                    {t(`followUps.outbox.statuses.${m.status}`)}
                    {m.error ? <div className="muted">{m.error}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <Pagination page={page} hasNext={page * pageSize < total} basePath="/admin/outbox" params={{}} />
    </>
  );
}
