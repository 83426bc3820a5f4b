import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { MonthCalendar } from "@/components/meetings/month-calendar";
import { StatusBadge } from "@/components/meetings/status-badge";
import { Picker } from "@/components/forms/picker";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { MEETING_STATUSES } from "@/lib/enums";
import { responseKey } from "@/lib/meetings/my-status";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listMeetings, listMeetingsInMonth } from "@/lib/meetings/list-meetings";
import { BadCursorError } from "@/lib/pagination";
import { can } from "@/lib/permissions";
import { unitLabel } from "@/lib/pickers";
import { formatRangeWithReference, referenceZone, todayIn } from "@/lib/time";

export const metadata: Metadata = { title: "Rapat" };

type Search = { from?: string; to?: string; status?: string; organizerUnitId?: string; invitedUnitId?: string; q?: string; cursor?: string; view?: string; month?: string };

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
};

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const user = await requireUser();
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  const calendar = sp.view === "calendar";
  const filters = { from: sp.from, to: sp.to, status: sp.status, organizerUnitId: sp.organizerUnitId, invitedUnitId: sp.invitedUnitId, q: sp.q, cursor: sp.cursor };
  const month = /^\d{4}-\d{2}$/.test(sp.month ?? "") ? sp.month! : todayIn(user.timeZone).slice(0, 7);
  const keep = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, cursor: undefined, ...extra })) if (v) p.set(k, v);
    return `/meetings?${p.toString()}`;
  };
  const [list, monthData, organizerName, invitedName] = await Promise.all([
    calendar
      ? null
      : listMeetings(user, filters).catch((e) => {
          // A stale or foreign page link: the first page of the same filters.
          if (e instanceof BadCursorError) redirect(keep({}));
          throw e;
        }),
    calendar ? listMeetingsInMonth(user, month, filters) : null,
    unitLabel(sp.organizerUnitId),
    unitLabel(sp.invitedUnitId),
  ]);
  const canCreate = can(user, "meeting.create", { organizerUnitId: user.scopeUnitId });
  const f = (k: string) => t(`meetings.filters.${k}`);
  return (
    <>
      <div className="page-head">
        <h1>{t("meetings.title")}</h1>
        <div className="view-switch">
          <Link className="btn btn-secondary" href={keep({ view: undefined })} aria-current={calendar ? undefined : "page"}>
            {t("meetings.listView")}
          </Link>
          <Link className="btn btn-secondary" href={keep({ view: "calendar", month })} aria-current={calendar ? "page" : undefined}>
            {t("meetings.calendar")}
          </Link>
          {canCreate ? (
            <Link className="btn" href="/meetings/new">
              {t("meetings.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <form className="filters card" method="get" role="search" aria-label={f("legend")}>
        {calendar ? (
          <>
            <input type="hidden" name="view" value="calendar" />
            <input type="hidden" name="month" value={month} />
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="from">{f("from")}</label>
              <input id="from" name="from" type="date" defaultValue={sp.from ?? ""} />
            </div>
            <div className="field">
              <label htmlFor="to">{f("to")}</label>
              <input id="to" name="to" type="date" defaultValue={sp.to ?? ""} />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="status">{f("status")}</label>
          <select id="status" name="status" defaultValue={sp.status ?? ""}>
            <option value="">{f("any")}</option>
            {MEETING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`meetings.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Picker label={f("organizer")} source="units" name="organizerUnitId" defaultValue={sp.organizerUnitId ?? ""} initialLabel={organizerName} placeholder={f("any")} />
        <Picker label={f("invited")} source="units" name="invitedUnitId" defaultValue={sp.invitedUnitId ?? ""} initialLabel={invitedName} placeholder={f("any")} />
        <div className="field">
          <label htmlFor="q">{f("q")}</label>
          <input id="q" name="q" type="search" maxLength={200} defaultValue={sp.q ?? ""} />
        </div>
        <div className="field">
          <button type="submit" className="btn">
            {t("actions.filter")}
          </button>
        </div>
      </form>
      {monthData ? (
        <MonthCalendar
          month={monthData.month}
          items={monthData.items}
          timeZone={user.timeZone}
          locale={locale}
          labels={{
            weekdays: t("meetings.calendarView.weekdays").split(","),
            prev: t("meetings.calendarView.prev"),
            next: t("meetings.calendarView.next"),
            more: (n) => t("meetings.calendarView.more", { count: n }),
            title: t("meetings.calendar"),
          }}
          prevHref={keep({ view: "calendar", month: shiftMonth(month, -1) })}
          nextHref={keep({ view: "calendar", month: shiftMonth(month, 1) })}
        />
      ) : null}
      {list ? (
        <>
          <p className="muted">{list.totalCapped ? t("meetings.totalCapped", { total: list.total }) : t("meetings.total", { total: list.total })}</p>
          {list.items.length === 0 ? (
            <p>{t("meetings.noMeetings")}</p>
          ) : (
            <ul className="meeting-cards">
              {list.items.map((m) => (
                <li key={m.id} className="card">
                  <h2 className="meeting-card-title">
                    <Link href={`/meetings/${m.id}`}>{m.title}</Link>
                  </h2>
                  <p>
                    <time dateTime={m.startsAt.toISOString()}>{formatRangeWithReference(m.startsAt, m.endsAt, m.timeZone, referenceZone(m.timeZone, user.timeZone), locale)}</time>
                  </p>
                  <p className="muted">
                    {[m.location, m.organizerUnitName].filter(Boolean).join(" · ")}
                  </p>
                  {m.topic ? <p className="muted">{m.topic}</p> : null}
                  <p>
                    <StatusBadge status={m.status} label={t(`meetings.statuses.${m.status}`)} />{" "}
                    <span className="muted">
                      {t("meetings.invitations.title")}: {m.answeredCount}/{m.invitedCount}
                    </span>
                    {m.myResponse ? <span className="muted"> · {t("meetings.page.myUnit")}: {t(responseKey(m, m.myResponse))}</span> : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <CursorPagination
            basePath="/meetings"
            params={{ from: sp.from, to: sp.to, status: sp.status, organizerUnitId: sp.organizerUnitId, invitedUnitId: sp.invitedUnitId, q: sp.q }}
            nextCursor={list.nextCursor}
            prevCursor={list.prevCursor}
          />
        </>
      ) : null}
    </>
  );
}
