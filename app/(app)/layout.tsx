import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { NavLinks } from "@/components/shell/nav-links";
import { RouteFocus } from "@/components/shell/route-focus";
import { requireUser, signOutAndEndSessions } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { navigationFor } from "@/lib/navigation";
import { countUnread } from "@/lib/notifications/list";

async function signOutAction() {
  "use server";
  await signOutAndEndSessions();
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  await connection();
  const user = await requireUser();
  const [t, unread] = [await getT(), await countUnread(user.id)];
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
            <Link href="/notifications" aria-label={`${t("nav.notifications")}: ${unread}`}>
              {t("nav.notifications")} {unread > 0 ? <span className="badge-count">{unread}</span> : null}
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
      <RouteFocus />
    </>
  );
}
