import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { MeetingTabs, isMeetingTab, type MeetingTab } from "@/components/meetings/meeting-tabs";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { getMeetingOr404 } from "@/app/(app)/meetings/[id]/_sections/meeting-page";
import { BadCursorError } from "@/lib/pagination";
import { AgendaTab } from "./_sections/agenda-tab";
import { DocumentsTab } from "./_sections/documents-tab";
import { FollowUpsTab } from "./_sections/follow-ups-tab";
import { InvitationsTab } from "./_sections/invitations-tab";
import { MinutesTab } from "./_sections/minutes-tab";
import { MeetingSummary } from "./_sections/summary";
import type { SectionProps } from "./_sections/types";

export const metadata: Metadata = { title: "Rapat" };

/**
 * A meeting: a short summary on top (status, time, place; for a participant, their unit's answer
 * and check-in), then one section at a time — agenda and speakers, invitations and attendance,
 * minutes and decisions, follow-ups, documents — chosen with `?tab=`. What each person may do
 * comes from the policy (`getMeeting(...).permissions`), never from their role here.
 */
export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string; attendance?: string }> }) {
  await connection();
  const user = await requireUser();
  const [{ id }, { tab: rawTab, attendance }] = await Promise.all([params, searchParams]);
  const d = await getMeetingOr404(user, id, { attendance: { cursor: attendance ?? null } }).catch((e: unknown) => {
    // A stale page link of the attendance list: its first page.
    if (e instanceof BadCursorError) redirect(`/meetings/${id}?tab=invitations#attendance-h`);
    throw e;
  });
  const [t, locale] = [await getT(), await getLocale()];
  const tab: MeetingTab = isMeetingTab(rawTab) ? rawTab : "agenda";
  const props: SectionProps = { d, user, t, locale };
  return (
    <article className="meeting-sections">
      <MeetingSummary {...props} />
      <MeetingTabs
        meetingId={d.meeting.id}
        current={tab}
        label={t("meetings.tabs.label")}
        labels={{
          agenda: t("meetings.tabs.agenda"),
          invitations: t("meetings.tabs.invitations"),
          minutes: t("meetings.tabs.minutes"),
          "follow-ups": t("meetings.tabs.followUps"),
          documents: t("meetings.tabs.documents"),
        }}
      />
      {tab === "agenda" ? <AgendaTab {...props} /> : null}
      {tab === "invitations" ? <InvitationsTab {...props} /> : null}
      {tab === "minutes" ? <MinutesTab {...props} /> : null}
      {tab === "follow-ups" ? <FollowUpsTab {...props} /> : null}
      {tab === "documents" ? <DocumentsTab {...props} /> : null}
    </article>
  );
}
