"use client";

import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";

export type ItemNote = { id: string; note: string; version: number };
export type SaveItemNote = (itemId: string, version: number, note: string) => Promise<ActionState<{ version: number; note: string }>>;

type Draft = { base: number; text: string };
type Status = "idle" | "saved" | "dirty" | "saving" | "conflict" | "error";

const AUTOSAVE_MS = 1200;
const key = (itemId: string) => `rakor:item-note:${itemId}`;

function readDraft(itemId: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key(itemId));
    const d = raw ? (JSON.parse(raw) as Draft) : null;
    return d && typeof d.text === "string" && Number.isInteger(d.base) ? d : null;
  } catch {
    return null;
  }
}
function writeDraft(itemId: string, draft: Draft | null) {
  try {
    if (draft) window.localStorage.setItem(key(itemId), JSON.stringify(draft));
    else window.localStorage.removeItem(key(itemId));
  } catch {
    // storage full or disabled: the autosave still runs
  }
}

/**
 * One agenda item's pembahasan (issue 23), in the console and in the minutes editor: saved by
 * itself a moment after typing stops (and on leaving the field), versioned with the item. What was
 * typed is also kept in this browser until the server has it, so a reload never loses it (the
 * draft keeps the version it was based on: restored over a newer text it meets the conflict view).
 * A stale save shows both texts — this user's and the one saved meanwhile — to merge, keep the
 * saved one, or overwrite it.
 */
export function ItemMinutesEditor({ item, label, hint, save }: { item: ItemNote; label: string; hint?: string; save: SaveItemNote }) {
  const t = useT();
  const [value, setValue] = useState(item.note);
  const [status, setStatus] = useState<Status>("idle");
  const [theirs, setTheirs] = useState<{ text: string; version: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useRef(item.version);
  const saving = useRef(false);
  const latest = useRef(item.note);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = `item-note-${item.id}`;

  const flush = async () => {
    clearTimeout(timer.current);
    if (saving.current) return;
    const text = latest.current;
    saving.current = true;
    setStatus("saving");
    const r = await save(item.id, version.current, text);
    saving.current = false;
    if (r.ok && r.data) {
      version.current = r.data.version;
      if (latest.current === text) {
        writeDraft(item.id, null);
        setStatus("saved");
      } else {
        writeDraft(item.id, { base: version.current, text: latest.current });
        timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
      }
      setError(null);
      return;
    }
    if (r.ok) return;
    if (r.status === 409) {
      const cur = r.current as { liveNote?: string; version?: number } | null;
      setTheirs({ text: cur?.liveNote ?? "", version: cur?.version ?? version.current });
      setStatus("conflict");
      return;
    }
    setError(r.message);
    setStatus("error");
  };

  const change = (text: string) => {
    latest.current = text;
    setValue(text);
    writeDraft(item.id, { base: version.current, text });
    if (status === "conflict") return;
    setStatus("dirty");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  // A draft this browser kept from before a reload: back into the field, then saved on the version it was based on.
  useEffect(() => {
    const draft = readDraft(item.id);
    if (!draft) return;
    if (draft.text === item.note) {
      writeDraft(item.id, null);
      return;
    }
    void Promise.resolve().then(() => {
      latest.current = draft.text;
      version.current = draft.base;
      setValue(draft.text);
      setStatus("dirty");
      timer.current = setTimeout(() => void flush(), 300);
    });
    return () => clearTimeout(timer.current);
    // Once, on mount: the draft is read from this browser.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const resolve = (how: "merge" | "theirs" | "mine") => {
    if (!theirs) return;
    version.current = theirs.version;
    const text = how === "theirs" ? theirs.text : how === "merge" ? [theirs.text.trim(), latest.current.trim()].filter(Boolean).join("\n\n") : latest.current;
    latest.current = text;
    setValue(text);
    setTheirs(null);
    if (how === "theirs") {
      writeDraft(item.id, null);
      setStatus("saved");
      return;
    }
    writeDraft(item.id, { base: theirs.version, text });
    void flush();
  };

  const statusText =
    status === "saving" ? t("meetings.itemMinutes.saving") : status === "dirty" ? t("meetings.itemMinutes.unsaved") : status === "saved" ? t("meetings.itemMinutes.saved") : status === "error" ? t(error ?? "errors.unexpected") : "";
  return (
    <div className="item-minutes" data-testid="item-minutes">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        maxLength={5000}
        value={value}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          if (status === "dirty") void flush();
        }}
        aria-describedby={`${id}-status${hint ? ` ${id}-hint` : ""}`}
      />
      {hint ? (
        <p id={`${id}-hint`} className="muted" style={{ margin: 0 }}>
          {hint}
        </p>
      ) : null}
      <p id={`${id}-status`} className={status === "error" ? "field-error" : "muted"} aria-live="polite" data-testid="item-minutes-status" style={{ margin: 0 }}>
        {statusText}
      </p>
      {status === "conflict" && theirs ? (
        <div className="alert alert-error" role="alert" data-testid="item-minutes-conflict">
          <strong>{t("meetings.itemMinutes.conflictTitle")}</strong>
          <p style={{ margin: "0.25rem 0" }}>{t("meetings.itemMinutes.conflictIntro")}</p>
          <div className="item-minutes-diff">
            <div>
              <p className="muted" style={{ margin: 0 }}>
                {t("meetings.itemMinutes.yours")}
              </p>
              <p className="pre-line" data-testid="conflict-yours">
                {value || "—"}
              </p>
            </div>
            <div>
              <p className="muted" style={{ margin: 0 }}>
                {t("meetings.itemMinutes.theirs")}
              </p>
              <p className="pre-line" data-testid="conflict-theirs">
                {theirs.text || "—"}
              </p>
            </div>
          </div>
          <p className="actions" style={{ margin: 0 }}>
            <button type="button" className="btn btn-small" onClick={() => resolve("merge")}>
              {t("meetings.itemMinutes.merge")}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => resolve("theirs")}>
              {t("meetings.itemMinutes.useTheirs")}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => resolve("mine")}>
              {t("meetings.itemMinutes.keepMine")}
            </button>
          </p>
        </div>
      ) : null}
    </div>
  );
}
