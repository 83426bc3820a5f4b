import { ScrollTable } from "@/components/ui/scroll-table";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "@/components/agenda/agenda.css";
import { CalendarFeedSection } from "@/components/agenda/calendar-feed-section";
import { PasswordForm } from "@/components/profile/password-form";
import { RevokeTokenButton } from "@/components/profile/revoke-token-button";
import { TokenForm } from "@/components/profile/token-form";
import { listApiTokens } from "@/lib/api/tokens";
import { requireUser } from "@/lib/auth/session";
import { getCalendarToken } from "@/lib/calendar/feed";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";
import { NOTIFICATION_KINDS } from "@/lib/notifications/notify";
import { emailedKinds } from "@/lib/notifications/preferences";
import { changePasswordAction, createTokenAction, revokeTokenAction, saveEmailPreferencesAction } from "./actions";
import { regenerateCalendarTokenAction, revokeCalendarTokenAction } from "./calendar-actions";

export const metadata: Metadata = { title: "Profil" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  await connection();
  const { saved } = await searchParams;
  const user = await requireUser();
  const [t, locale] = [await getT(), await getLocale()];
  const [{ items: tokens }, calendarToken, emailed] = await Promise.all([listApiTokens(user, { limit: 100 }), getCalendarToken(user), emailedKinds(user)]);
  const when = (d: Date | null) => (d ? formatDateTime(d, user.timeZone, locale) : "—");
  return (
    <>
      <h1>{t("nav.profile")}</h1>
      <div className="card">
        <dl className="facts">
          <dt>{t("admin.users.name")}</dt>
          <dd>{user.name}</dd>
          <dt>{t("admin.users.email")}</dt>
          <dd>{user.email}</dd>
          <dt>{t("admin.users.position")}</dt>
          <dd>{user.position}</dd>
          <dt>{t("admin.users.unit")}</dt>
          <dd>{user.workUnitName}</dd>
          <dt>{t("admin.users.role")}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
        </dl>
      </div>
      <PasswordForm action={changePasswordAction} />
      <form action={saveEmailPreferencesAction} className="card" aria-labelledby="email-prefs-h">
        <h2 id="email-prefs-h">{t("notices.prefs.title")}</h2>
        <fieldset>
          <legend className="muted">{t("notices.prefs.intro")}</legend>
          {NOTIFICATION_KINDS.map((kind) => (
            <div key={kind}>
              <label>
                <input type="checkbox" name="kind" value={kind} defaultChecked={emailed.has(kind)} /> {t(`notices.prefs.kinds.${kind}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-secondary">
          {t("notices.prefs.save")}
        </button>
        <p role="status" className={saved === "email" ? "alert alert-success" : undefined}>
          {saved === "email" ? t("notices.prefs.saved") : null}
        </p>
      </form>
      <CalendarFeedSection token={calendarToken} t={t} regenerate={regenerateCalendarTokenAction} revoke={revokeCalendarTokenAction} />
      <h2>{t("profile.tokens.title")}</h2>
      <p className="muted">
        {t("profile.tokens.intro")} <Link href="/api-docs">{t("profile.tokens.docs")}</Link>
      </p>
      <TokenForm action={createTokenAction} />
      <ScrollTable label={t("profile.tokens.active")}>
        <table>
          <caption className="muted" style={{ textAlign: "left", padding: "0.5rem" }}>
            {t("profile.tokens.active")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("profile.tokens.name")}</th>
              <th scope="col">{t("profile.tokens.createdAt")}</th>
              <th scope="col">{t("profile.tokens.expiresAt")}</th>
              <th scope="col">{t("profile.tokens.lastUsedAt")}</th>
              <th scope="col">
                <span className="muted">{t("profile.tokens.revoke")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("common.noResults")}</td>
              </tr>
            ) : null}
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{when(token.createdAt)}</td>
                <td>{when(token.expiresAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  <RevokeTokenButton label={t("profile.tokens.revoke")} action={revokeTokenAction.bind(null, token.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
