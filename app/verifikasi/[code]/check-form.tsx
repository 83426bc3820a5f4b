"use client";

import { useActionState } from "react";
import type { CheckState } from "./actions";

const RESULT = {
  match: "Cocok: berkas ini sama persis dengan dokumen yang diterbitkan.",
  mismatch: "Tidak cocok: berkas ini berbeda dari dokumen yang diterbitkan.",
  unknown: "Kode verifikasi tidak dikenal.",
  empty: "Pilih berkas PDF atau tempelkan SHA-256-nya.",
} as const;

/** Upload the PDF received (or paste its SHA-256) to see whether it is the one issued. */
export function CheckForm({ action, withdrawn = false }: { action: (prev: CheckState, data: FormData) => Promise<CheckState>; withdrawn?: boolean }) {
  const [state, dispatch, pending] = useActionState(action, null);
  return (
    <form action={dispatch} encType="multipart/form-data">
      <fieldset disabled={pending}>
        <div className="field">
          <label htmlFor="verify-file">Berkas PDF yang diterima</label>
          <input id="verify-file" name="file" type="file" accept="application/pdf" />
        </div>
        <div className="field">
          <label htmlFor="verify-sha">atau SHA-256 berkas</label>
          <input id="verify-sha" name="sha256" type="text" inputMode="text" maxLength={64} autoComplete="off" />
        </div>
        <button type="submit" className="btn">
          {pending ? "Memeriksa…" : "Periksa"}
        </button>
        <p aria-live="polite" role="status" data-result={state?.result ?? ""}>
          {state ? (
            <strong>
              {RESULT[state.result]}
              {state.result === "match" && withdrawn ? " Namun dokumen ini telah ditarik dan tidak berlaku lagi." : null}
            </strong>
          ) : null}
        </p>
      </fieldset>
    </form>
  );
}
