import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "@/components/follow-ups/follow-ups.css";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { countUnread, listNotifications } from "@/lib/notifications/list";
import { noticeLink, notificationText } from "@/lib/notifications/render";
import { formatDateTime } from "@/lib/time";
import { markNotificationsReadAction } from "../follow-ups/actions";
import { pageNumber } from "@/lib/input";

export const metadata: Metadata = { title: "Notifikasi" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await connection();
  const user = await requireUser();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const page = pageNumber((await searchParams).page);
  const [{ items, total, pageSize }, unread] = await Promise.all([listNotifications(user, page), countUnread(user.id)]);
  return (
    <>
      <div className="page-head">
        <h1>
          {t("followUps.notifications.title")} {unread ? <Badge tone="info">{`${unread} ${t("followUps.notifications.unread")}`}</Badge> : null}
        </h1>
        {unread ? (
          <form action={markNotificationsReadAction}>
            <button type="submit" className="btn btn-secondary">
              {t("followUps.notifications.markAllRead")}
            </button>
          </form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="muted">{t("followUps.notifications.empty")}</p>
      ) : (
        <ul className="card" aria-label={t("followUps.notifications.title")}>
          {items.map((n) => {
            const link = noticeLink(n.payload);
            const text = notificationText(t, n.kind, n.payload, locale);
            return (
              <li key={n.id} className={n.readAt ? undefined : "fu-unread"} data-kind={n.kind}>
                {n.readAt ? null : <span className="sr-only">{t("followUps.notifications.unread")}: </span>}
                {link ? <Link href={link}>{text}</Link> : text}
                <div className="muted">{formatDateTime(n.createdAt, user.timeZone, locale)}</div>
                {n.readAt ? null : (
                  <form action={markNotificationsReadAction}>
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="link-button">
                      {t("followUps.notifications.markRead")}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} hasNext={page * pageSize < total} basePath="/notifications" params={{}} />
    </>
  );
}
