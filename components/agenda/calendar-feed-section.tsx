import { headers } from "next/headers";
import { ActionButton } from "@/components/meetings/action-button";
import type { ActionState } from "@/lib/action-result";
import { appUrl } from "@/lib/calendar/ics";
import { feedPath } from "@/lib/calendar/feed";
import type { Translate } from "@/lib/i18n/translate";

/** The personal calendar feed on the profile page: its secret URL, make a new one, turn it off. */
export async function CalendarFeedSection({
  token,
  t,
  regenerate,
  revoke,
}: {
  token: string | null;
  t: Translate;
  regenerate: () => Promise<ActionState>;
  revoke: () => Promise<ActionState>;
}) {
  const h = await headers();
  const origin = appUrl() || `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  const url = token ? `${origin}${feedPath(token)}` : null;
  return (
    <section id="calendar" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("agenda.calendar.title")}</h2>
      <div className="card">
        <p>{t("agenda.calendar.intro")}</p>
        {url ? (
          <>
            <p className="label" id="feed-url-label">
              {t("agenda.calendar.url")}
            </p>
            <p className="feed-url" aria-labelledby="feed-url-label">
              <a href={url} data-testid="calendar-feed-url">
                {url}
              </a>
            </p>
          </>
        ) : (
          <p className="muted">{t("agenda.calendar.none")}</p>
        )}
        <div className="actions">
          <ActionButton action={regenerate} className="btn btn-small">
            {url ? t("agenda.calendar.regenerate") : t("agenda.calendar.create")}
          </ActionButton>
          {url ? (
            <ActionButton action={revoke} className="btn btn-secondary btn-small">
              {t("agenda.calendar.revoke")}
            </ActionButton>
          ) : null}
        </div>
        {url ? <p className="muted" style={{ margin: 0 }}>{t("agenda.calendar.regenerateHint")}</p> : null}
      </div>
    </section>
  );
}
