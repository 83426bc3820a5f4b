import Link from "next/link";
import type { MeetingListItem } from "@/lib/meetings/list-meetings";
import { formatTime, instantToZonedLocal, type Locale } from "@/lib/time";

const MAX_PER_DAY = 3;

/**
 * A month grid (Monday first) of the meetings given, placed by their start day in the viewer's
 * zone. On a narrow screen the grid becomes a list of days that have meetings.
 */
export function MonthCalendar({
  month,
  items,
  timeZone,
  locale,
  labels,
  prevHref,
  nextHref,
}: {
  month: string;
  items: MeetingListItem[];
  timeZone: string;
  locale: Locale;
  labels: { weekdays: string[]; prev: string; next: string; more: (n: number) => string; title: string };
  prevHref: string;
  nextHref: string;
}) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const byDay = new Map<number, MeetingListItem[]>();
  for (const item of items) {
    const local = instantToZonedLocal(item.startsAt, timeZone);
    if (local.slice(0, 7) !== month) continue;
    const day = Number(local.slice(8, 10));
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const cells: (number | null)[] = [...Array.from({ length: lead }, () => null), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const monthName = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(first);
  return (
    <section aria-labelledby="calendar-title">
      <div className="page-head">
        <Link className="btn btn-secondary btn-small" href={prevHref} aria-label={labels.prev}>
          <span aria-hidden="true">←</span>
        </Link>
        <h2 id="calendar-title" style={{ margin: 0 }}>
          {monthName}
        </h2>
        <Link className="btn btn-secondary btn-small" href={nextHref} aria-label={labels.next}>
          <span aria-hidden="true">→</span>
        </Link>
      </div>
      <table className="calendar">
        <caption className="sr-only">{labels.title}</caption>
        <thead>
          <tr>
            {labels.weekdays.map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((day, i) => {
                const list = day ? (byDay.get(day) ?? []) : [];
                return (
                  <td key={i} className={day ? (list.length ? "has-meetings" : "") : "empty"}>
                    {day ? <div className="calendar-day">{day}</div> : null}
                    <ul>
                      {list.slice(0, MAX_PER_DAY).map((item) => (
                        <li key={item.id} className={`calendar-item status-${item.status}`}>
                          <Link href={`/meetings/${item.id}`}>
                            <span className="muted">{formatTime(item.startsAt, item.timeZone, locale)}</span> {item.title}
                          </Link>
                        </li>
                      ))}
                      {list.length > MAX_PER_DAY ? <li className="muted">{labels.more(list.length - MAX_PER_DAY)}</li> : null}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
