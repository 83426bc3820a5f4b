import Link from "next/link";

export const MEETING_TABS = ["agenda", "invitations", "minutes", "follow-ups", "documents"] as const;
export type MeetingTab = (typeof MEETING_TABS)[number];

export const isMeetingTab = (v: unknown): v is MeetingTab => typeof v === "string" && (MEETING_TABS as readonly string[]).includes(v);

/**
 * The meeting page's sections as links (each a page of its own: `?tab=`), so every section is
 * reachable by keyboard, bookmarkable and loads only what it shows.
 */
export function MeetingTabs({ meetingId, current, labels, label }: { meetingId: string; current: MeetingTab; labels: Record<MeetingTab, string>; label: string }) {
  return (
    <nav className="meeting-tabs no-print" aria-label={label}>
      <ul>
        {MEETING_TABS.map((tab) => (
          <li key={tab}>
            <Link href={tab === "agenda" ? `/meetings/${meetingId}` : `/meetings/${meetingId}?tab=${tab}`} aria-current={tab === current ? "page" : undefined} scroll={false}>
              {labels[tab]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
