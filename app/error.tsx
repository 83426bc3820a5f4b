"use client";

import { useEffect } from "react";
import { useT } from "@/components/i18n-provider";

/** Digest of DatabaseUnavailableError (lib/errors.ts): the database is briefly unreachable. */
const DB_UNAVAILABLE = "RAKOR_DB_UNAVAILABLE";
const RETRY_SECONDS = 5;

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  const unavailable = error.digest === DB_UNAVAILABLE;
  useEffect(() => {
    if (!unavailable) return;
    // Nothing is lost: try the page again by itself once the database is back.
    const timer = setTimeout(() => window.location.reload(), RETRY_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [unavailable]);
  return (
    <main>
      <div className="card" role="alert">
        <h1>{t(unavailable ? "errorPage.unavailableTitle" : "errorPage.title")}</h1>
        <p>{t(unavailable ? "errorPage.unavailableBody" : "errorPage.body")}</p>
        <button type="button" className="btn" onClick={() => (unavailable ? window.location.reload() : reset())}>
          {t("errorPage.retry")}
        </button>
      </div>
    </main>
  );
}
