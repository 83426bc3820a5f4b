import type { Translate } from "@/lib/i18n/make-t";
import { actualRange } from "@/lib/live/actual-times";
import type { Locale } from "@/lib/time";

type Item = { id: string; title: string; actualStartedAt: Date | null; actualEndedAt: Date | null; liveNote: string };
export type RecordTurn = { agendaItemId: string | null; name: string; unitName: string | null; topic: string; startedAt: Date; endedAt: Date | null };
export type RecordDecision = { id: string; number: number; text: string; agendaItemId: string | null };

function Turns({ turns, tz, t, locale }: { turns: RecordTurn[]; tz: string; t: Translate; locale: Locale }) {
  if (turns.length === 0) return null;
  return (
    <>
      <p className="muted" style={{ margin: "0.2rem 0 0" }}>
        {t("meetings.minutes.turns")}
      </p>
      <ul data-testid="record-turns">
        {turns.map((x, n) => (
          <li key={n}>
            {x.name}
            {x.unitName ? ` (${x.unitName})` : ""} {actualRange(x.startedAt, x.endedAt, tz, locale)}
            {x.topic ? `: ${x.topic}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The pembahasan of the minutes (issue 23): every agenda item with its actual times ("Pembukaan
 * 09.00–09.14 WIB"), its text, who spoke (from–to) and the decisions taken under it.
 */
export function AgendaRecord({
  items,
  turns = [],
  decisions = [],
  tz,
  t,
  locale,
  headingId = "agenda-record-h",
}: {
  items: Item[];
  turns?: RecordTurn[];
  decisions?: RecordDecision[];
  tz: string;
  t: Translate;
  locale: Locale;
  headingId?: string;
}) {
  const ids = new Set(items.map((i) => i.id));
  const loose = turns.filter((x) => !x.agendaItemId || !ids.has(x.agendaItemId));
  if (items.length === 0 && loose.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="agenda-record">
      <h3 id={headingId}>{t("meetings.minutes.proceedings")}</h3>
      <ol>
        {items.map((i) => {
          const range = actualRange(i.actualStartedAt, i.actualEndedAt, tz, locale);
          const decided = decisions.filter((d) => d.agendaItemId === i.id);
          return (
            <li key={i.id} data-testid="record-item">
              <strong>{i.title}</strong>
              {range ? <span data-testid="actual-range"> {range}</span> : null}
              <p className="pre-line" style={{ margin: "0.2rem 0 0.5rem" }}>
                {i.liveNote || "—"}
              </p>
              <Turns turns={turns.filter((x) => x.agendaItemId === i.id)} tz={tz} t={t} locale={locale} />
              {decided.length ? (
                <>
                  <p className="muted" style={{ margin: "0.2rem 0 0" }}>
                    {t("meetings.minutes.decisions")}
                  </p>
                  <ol>
                    {decided.map((d) => (
                      <li key={d.id} value={d.number} className="pre-line">
                        {d.text}
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      {loose.length ? (
        <>
          <p>{t("meetings.minutes.turnsOutside")}</p>
          <Turns turns={loose} tz={tz} t={t} locale={locale} />
        </>
      ) : null}
    </section>
  );
}
