import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { latestVisibleMeetings } from "@/lib/meetings/visible-meetings";
import { formatRange } from "@/lib/time";

export const metadata: Metadata = { title: "Rapat" };

export default async function MeetingsPage() {
  await connection();
  const user = await requireUser();
  const [t, locale] = [await getT(), await getLocale()];
  const items = await latestVisibleMeetings(user);
  return (
    <>
      <div className="page-head">
        <h1>{t("nav.meetings")}</h1>
      </div>
      {items.length === 0 ? <p>{t("common.noResults")}</p> : null}
      <ul className="card-list" style={{ listStyle: "none", padding: 0 }}>
        {items.map((m) => (
          <li key={m.id} className="card">
            <h2 style={{ margin: 0 }}>
              <Link href={`/meetings/${m.id}`}>{m.title}</Link>
            </h2>
            <p style={{ margin: "0.25rem 0" }}>
              <time dateTime={m.startsAt.toISOString()}>{formatRange(m.startsAt, m.endsAt, m.timeZone, locale)}</time>
            </p>
            <p className="muted" style={{ margin: 0 }}>
              {m.location} · {m.organizerName} <Badge>{m.status}</Badge>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
