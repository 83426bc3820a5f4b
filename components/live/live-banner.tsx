"use client";

import Link from "next/link";
import { useT } from "@/components/i18n-provider";
import { bannerItemLine } from "@/lib/live/progress";
import type { LiveMessage } from "@/lib/live/types";
import { useLive } from "./use-live";

/** "Sedang berlangsung": the current item and speaker of an ongoing meeting, live. */
export function LiveBanner({ meetingId, initial, link }: { meetingId: string; initial: LiveMessage; link?: boolean }) {
  const t = useT();
  const { state, connected } = useLive(meetingId, initial);
  if (state.status !== "ongoing") return null;
  const [itemKey, itemVars] = bannerItemLine(state);
  const s = state.speaker;
  return (
    <section className="live-banner" aria-labelledby={`live-banner-${meetingId}`} data-testid="live-banner">
      <p className="live-banner-title" id={`live-banner-${meetingId}`}>
        <span className="live-dot" aria-hidden="true" /> {t("live.banner.title")}
      </p>
      {link ? <p className="live-banner-meeting">{state.title}</p> : null}
      <div aria-live="polite">
        <p className="live-banner-item">{t(itemKey, itemVars)}</p>
        {s ? (
          <p className="live-banner-speaker">
            {t("live.banner.speaker", { name: s.name })}
            <span className="muted">
              {" "}
              · {t(`meetings.speakers.roles.${s.role}`)}
              {s.onBehalfOf ? ` · ${t("live.screen.onBehalfOf", { name: s.onBehalfOf })}` : ""}
            </span>
          </p>
        ) : null}
      </div>
      {!connected ? (
        <p className="live-reconnecting" role="status">
          {t("live.reconnecting")}
        </p>
      ) : null}
      {link ? (
        <p style={{ margin: 0 }}>
          <Link href={`/meetings/${meetingId}`}>{t("live.banner.follow")}</Link>
        </p>
      ) : null}
    </section>
  );
}
