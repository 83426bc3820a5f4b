"use client";

import { useT } from "@/components/i18n-provider";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <main>
      <div className="card" role="alert">
        <h1>{t("errorPage.title")}</h1>
        <p>{t("errorPage.body")}</p>
        <button type="button" className="btn" onClick={() => reset()}>
          {t("errorPage.retry")}
        </button>
      </div>
    </main>
  );
}
