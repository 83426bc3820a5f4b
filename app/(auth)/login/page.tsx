import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { demoSeeded } from "@/lib/system/flags";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Masuk" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  const [t, demo] = await Promise.all([getT(), demoSeeded()]);
  return (
    <main>
      <div className="login card">
        <h1>{t("auth.title")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        <LoginForm callbackUrl={callbackUrl} />
        {demo ? <p className="muted">{t("auth.demoHint")}</p> : null}
        <LanguageSwitch />
      </div>
    </main>
  );
}
