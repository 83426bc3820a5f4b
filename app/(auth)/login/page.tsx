import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { ssoLogoutUrl } from "@/lib/auth/sso-logout";
import { SSO_REFUSALS, ssoSettings } from "@/lib/auth/sso-settings";
import { getT } from "@/lib/i18n/server";
import { demoSeeded } from "@/lib/system/flags";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { ssoSignInAction } from "./actions";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Masuk" };

/**
 * This server's public origin: APP_URL, else the address the browser used, read as Auth.js reads
 * it (X-Forwarded-Host, else Host: Next's own Host may say "localhost" for a loopback address).
 */
async function appOrigin(): Promise<string> {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/+$/, "");
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
}

/** What Auth.js reports on the error page when the provider round trip fails (a wrong password is not one of them). */
const PROVIDER_ERRORS = new Set(["Configuration", "AccessDenied", "Verification", "Default", "OAuthSignin", "OAuthCallback", "OAuthCallbackError", "OAuthProfileParseError", "CallbackRouteError"]);

type Search = { callbackUrl?: string; error?: string; signedOut?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  if (await getCurrentUser()) redirect("/");
  const { callbackUrl, error, signedOut } = await searchParams;
  const [t, demo] = await Promise.all([getT(), demoSeeded()]);
  const sso = ssoSettings();
  // A refusal names its reason; any other error Auth.js reports (provider down, state mismatch…) is "SSO failed".
  const ssoError = !sso || !error ? null : (SSO_REFUSALS as readonly string[]).includes(error) ? `auth.sso.${error}` : PROVIDER_ERRORS.has(error) ? "auth.sso.failed" : null;
  const logoutUrl = sso && signedOut === "sso" ? await ssoLogoutUrl(await appOrigin()) : null;
  return (
    <main>
      <div className="login card">
        <h1>{t("auth.title")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        {signedOut === "sso" ? (
          <div className="alert alert-info" role="status">
            <p>{t("auth.sso.signedOut")}</p>
            {logoutUrl ? <a href={logoutUrl}>{t("auth.sso.logoutProvider", { name: sso!.name })}</a> : null}
          </div>
        ) : null}
        {ssoError ? (
          <div className="alert alert-error" role="alert">
            {t(ssoError)}
          </div>
        ) : null}
        {sso ? (
          <>
            <form action={ssoSignInAction.bind(null, callbackUrl)}>
              <button type="submit" className="btn">
                {t("auth.sso.button", { name: sso.name })}
              </button>
            </form>
            <p className="muted">{t("auth.sso.or")}</p>
          </>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} />
        {demo ? <p className="muted">{t("auth.demoHint")}</p> : null}
        <LanguageSwitch />
      </div>
    </main>
  );
}
