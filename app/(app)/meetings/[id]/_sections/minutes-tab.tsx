import Link from "next/link";
import { ActionButton } from "@/components/meetings/action-button";
import { DecisionForm, DecisionList, MinutesForm, ReopenForm } from "@/components/meetings/minutes-editor";
import { AgendaRecord } from "@/components/live/agenda-record";
import { ItemMinutesEditor } from "@/components/meetings/item-minutes-editor";
import { saveNoteAction } from "../live/actions";
import { Alert } from "@/components/ui/alert";
import { loadSpeakingTurns } from "@/lib/live/turns";
import { canFinalizeMinutes } from "@/lib/meetings/lifecycle";
import { formatDateTime } from "@/lib/time";
import * as A from "../../actions";
import { bindMeeting, type SectionProps } from "./types";

/** The minutes (notulen) and numbered decisions; finalizing asks first, reopening needs a reason. */
export async function MinutesTab({ d, t, locale }: SectionProps) {
  const m = d.meeting;
  const p = d.permissions;
  const bind = <T extends unknown[], R>(fn: (meetingId: string, ...rest: T) => R) => bindMeeting(m.id, fn);
  const locked = !!d.minutes?.finalizedAt;
  const writable = p.writeMinutes && !locked && m.status !== "draft" && m.status !== "cancelled";
  const turns = await loadSpeakingTurns(m.id);
  const items = d.agenda.items.map((i) => ({ id: i.id, title: i.title }));
  return (
    <section aria-labelledby="minutes-h">
      <h2 id="minutes-h">{t("meetings.minutes.title")}</h2>
      {locked ? <Alert kind="info">{t("meetings.minutes.finalized", { at: formatDateTime(d.minutes!.finalizedAt!, m.timeZone, locale) })}</Alert> : null}
      {writable ? (
        <div className="card no-print">
          <MinutesForm summary={d.minutes?.summary ?? ""} action={A.saveMinutesAction.bind(null, m.id, d.minutes?.version ?? 0)} />
        </div>
      ) : d.minutes?.summary ? (
        <p className="pre-line">{d.minutes.summary}</p>
      ) : (
        <p className="muted">{t("meetings.minutes.empty")}</p>
      )}
      {writable && d.agenda.items.length ? (
        // Pembahasan per item (issue 23): one text per agenda item, autosaved and versioned — the
        // same text the console writes while the item runs.
        <section className="card no-print" aria-labelledby="item-minutes-h">
          <h3 id="item-minutes-h">{t("meetings.itemMinutes.title")}</h3>
          <p className="muted">{t("meetings.itemMinutes.intro")}</p>
          {d.agenda.items.map((i) => (
            <ItemMinutesEditor key={`${i.id}-${i.version}`} item={{ id: i.id, note: i.liveNote, version: i.version }} label={t("meetings.itemMinutes.label", { title: i.title })} save={saveNoteAction.bind(null, m.id)} />
          ))}
        </section>
      ) : null}
      <AgendaRecord items={d.agenda.items} turns={turns} decisions={d.decisions} tz={m.timeZone} t={t} locale={locale} />
      <h3>{t("meetings.minutes.decisions")}</h3>
      <DecisionList
        items={items}
        decisions={d.decisions.map((x) => ({ id: x.id, number: x.number, text: x.text, version: x.version, agendaItemId: x.agendaItemId }))}
        editable={writable}
        update={bind(A.updateDecisionAction)}
        remove={bind(A.deleteDecisionAction)}
      />
      {p.createFollowUps && d.decisions.length ? (
        <ul className="no-print">
          {d.decisions.map((x) => (
            <li key={x.id}>
              <Link href={`/follow-ups/new?decisionId=${x.id}`}>{t("meetings.minutes.followUpFrom", { number: x.number })}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {writable ? (
        <div className="no-print">
          <details className="card">
            <summary>{t("meetings.minutes.addDecision")}</summary>
            <DecisionForm items={items} label={t("meetings.minutes.decision")} action={bind(A.addDecisionAction)} />
          </details>
          {d.minutes && canFinalizeMinutes(m) ? (
            <ActionButton
              className="btn"
              action={A.finalizeMinutesAction.bind(null, m.id, d.minutes.version)}
              confirm={{
                title: t("meetings.confirm.finalize.title"),
                body: <p>{t("meetings.confirm.finalize.body")}</p>,
                confirmLabel: t("meetings.confirm.finalize.confirm"),
              }}
            >
              {t("meetings.minutes.finalize")}
            </ActionButton>
          ) : d.minutes ? (
            <p className="muted">{t("meetings.errors.finalizeBeforeStart")}</p>
          ) : null}
        </div>
      ) : null}
      {locked && p.reopenMinutes ? (
        <details className="card no-print">
          <summary>{t("meetings.minutes.reopen")}</summary>
          <ReopenForm action={A.reopenMinutesAction.bind(null, m.id, d.minutes!.version)} />
        </details>
      ) : null}
      {d.minutes && p.records ? (
        <p className="no-print">
          <Link href={`/meetings/${m.id}/minutes`}>{t("meetings.page.printMinutes")}</Link>
        </p>
      ) : null}
    </section>
  );
}
