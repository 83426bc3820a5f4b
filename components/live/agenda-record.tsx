import type { Translate } from "@/lib/i18n/make-t";
import { actualRange } from "@/lib/live/actual-times";
import type { Locale } from "@/lib/time";

type Item = { id?: string; title: string; actualStartedAt: Date | null; actualEndedAt: Date | null; liveNote: string };

/** The agenda as it happened, for the minutes: "Pembukaan 09.00–09.14 WIB" and the item's note. */
export function AgendaRecord({ items, tz, t, locale, headingId = "agenda-record-h" }: { items: Item[]; tz: string; t: Translate; locale: Locale; headingId?: string }) {
  const held = items.filter((i) => i.actualStartedAt || i.liveNote);
  if (held.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="agenda-record">
      <h3 id={headingId}>{t("meetings.minutes.proceedings")}</h3>
      <ol>
        {held.map((i, n) => {
          const range = actualRange(i.actualStartedAt, i.actualEndedAt, tz, locale);
          return (
            <li key={i.id ?? n}>
              <strong>{i.title}</strong>
              {range ? <span data-testid="actual-range"> {range}</span> : null}
              {i.liveNote ? <p className="pre-line" style={{ margin: "0.2rem 0 0.5rem" }}>{i.liveNote}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
