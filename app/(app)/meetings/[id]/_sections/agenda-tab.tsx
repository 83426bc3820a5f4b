import Link from "next/link";
import { AgendaEditor } from "@/components/meetings/agenda-editor";
import { SpeakerForm, SpeakerList } from "@/components/meetings/speaker-editor";
import { Alert } from "@/components/ui/alert";
import { formatTime } from "@/lib/time";
import * as A from "../../actions";
import { bindMeeting, isEditable, type SectionProps } from "./types";

/** Agenda with computed times, and the speakers (sambutan, narasumber, "mewakili"). */
export async function AgendaTab({ d, t, locale }: SectionProps) {
  const m = d.meeting;
  const tz = m.timeZone;
  const editable = isEditable(d);
  const bind = <T extends unknown[], R>(fn: (meetingId: string, ...rest: T) => R) => bindMeeting(m.id, fn);
  const time = (start: Date, end: Date) => `${formatTime(start, tz, locale).replace(/ \S+$/, "")}–${formatTime(end, tz, locale)}`;
  const speakerOptions = d.speakers.map((s) => ({ id: s.id, label: `${s.displayName} (${t(`meetings.speakers.roles.${s.role}`)})` }));
  return (
    <>
      <section aria-labelledby="agenda-h">
        <h2 id="agenda-h">{t("meetings.agenda.title")}</h2>
        {d.agenda.overLength ? (
          <Alert kind="warning">{t("meetings.agenda.overLength", { total: d.agenda.totalMinutes, length: d.agenda.meetingMinutes })}</Alert>
        ) : d.agenda.items.length ? (
          <p className="muted">{t("meetings.agenda.total", { total: d.agenda.totalMinutes, length: d.agenda.meetingMinutes })}</p>
        ) : null}
        <AgendaEditor
          items={d.agenda.items.map((i) => ({
            id: i.id,
            version: i.version,
            title: i.title,
            description: i.description,
            durationMinutes: i.durationMinutes,
            presenterSpeakerId: i.presenterSpeakerId,
            presenterName: i.presenterName,
            time: time(i.startsAt, i.endsAt),
          }))}
          speakers={speakerOptions}
          editable={editable}
          actions={{
            move: bind(A.moveAgendaItemAction),
            remove: bind(A.deleteAgendaItemAction),
            update: bind(A.updateAgendaItemAction),
            add: bind(A.addAgendaItemAction),
          }}
        />
        <p className="no-print">
          <Link href={`/meetings/${m.id}/agenda`}>{t("meetings.page.printAgenda")}</Link>
        </p>
      </section>

      <section aria-labelledby="speakers-h">
        <h2 id="speakers-h">{t("meetings.speakers.title")}</h2>
        <SpeakerList
          speakers={d.speakers.map((s) => ({
            id: s.id,
            version: s.version,
            role: s.role,
            displayName: s.displayName,
            displayPosition: s.displayPosition,
            organization: s.organization,
            onBehalfOf: s.onBehalfOf,
            topic: s.topic,
            input: {
              userId: s.userId ?? "",
              name: s.name ?? "",
              position: s.position ?? "",
              organization: s.organization ?? "",
              role: s.role,
              onBehalfOf: s.onBehalfOf ?? "",
              topic: s.topic ?? "",
              sortOrder: String(s.sortOrder),
              acknowledgeConflicts: false,
            },
          }))}
          editable={editable}
          update={bind(A.updateSpeakerAction)}
          remove={bind(A.deleteSpeakerAction)}
        />
        {editable ? (
          <details className="card no-print">
            <summary>{t("meetings.speakers.add")}</summary>
            <SpeakerForm action={bind(A.addSpeakerAction)} />
          </details>
        ) : null}
      </section>
    </>
  );
}
