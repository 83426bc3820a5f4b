"use client";

import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider";

type State = { kind: "idle" } | { kind: "busy" } | { kind: "ready"; url: string; fileName: string } | { kind: "failed" };

function fileNameFrom(disposition: string | null, fallback: string) {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "");
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition ?? "");
  return plain?.[1] ?? fallback;
}

/**
 * Generates a document on the server and offers it: "generating…" while it works (announced),
 * then the browser saves it, with a link to save it again. Without JavaScript the plain link works.
 */
export function DownloadButton({ href, label }: { href: string; label: string }) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: "idle" });
  const urlRef = useRef<string | null>(null);
  useEffect(() => () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
  }, []);

  async function download(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (state.kind === "busy") return;
    setState({ kind: "busy" });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const blob = await response.blob();
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      const url = URL.createObjectURL(blob);
      urlRef.current = url;
      const fileName = fileNameFrom(response.headers.get("Content-Disposition"), "dokumen");
      setState({ kind: "ready", url, fileName });
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
    } catch {
      setState({ kind: "failed" });
    }
  }

  return (
    <span className="download">
      <a href={href} className="btn btn-secondary btn-small" onClick={download} aria-disabled={state.kind === "busy"} aria-label={`${t("agenda.documents.download")}: ${label}`}>
        {state.kind === "busy" ? <span className="spinner" aria-hidden="true" /> : null}
        {t("agenda.documents.download")}
      </a>
      <span role="status" aria-live="polite" className="download-status">
        {state.kind === "busy" ? t("agenda.documents.generating", { name: label }) : null}
        {state.kind === "ready" ? (
          <>
            {t("agenda.documents.ready", { name: label })}{" "}
            <a href={state.url} download={state.fileName}>
              {t("agenda.documents.saveAs", { file: state.fileName })}
            </a>
          </>
        ) : null}
        {state.kind === "failed" ? <span className="field-error">{t("agenda.documents.failed")}</span> : null}
      </span>
    </span>
  );
}
