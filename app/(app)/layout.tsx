import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { NavLinks } from "@/components/shell/nav-links";
import { signOut } from "@/lib/auth";
import { requireUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { navigationFor } from "@/lib/navigation";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/login" });
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  await connection();
  const user = await requireUser();
  const t = await getT();
  const items = navigationFor(user.role).map((i) => ({ href: i.href, label: t(i.label) }));
  return (
    <>
      <a href="#content" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <header className="shell-header">
        <div className="shell-header-inner">
          <Link href="/" className="brand">
            {t("app.name")}
          </Link>
          <NavLinks items={items} label={t("nav.main")} />
          <div className="user-box">
            <Link href="/profile">
              <strong>{user.name}</strong> · {t(`roles.${user.role}`)} · {user.workUnitName}
            </Link>
            <LanguageSwitch />
            <form action={signOutAction}>
              <button type="submit" className="link-button">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="content">{children}</main>
    </>
  );
}
