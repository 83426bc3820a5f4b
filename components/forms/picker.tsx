"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider";
import "./picker.css";
import type { PickerOption } from "@/lib/pickers-types";

export type { PickerOption };

/**
 * Search-as-you-type picker for people or work units (an ARIA combobox), instead of a select with
 * thousands of options: it asks `/api/pickers/<source>` (same permission rule as the list it
 * replaces) for at most 20 matches. The chosen id is in a hidden input named `name`, so it works in
 * plain GET/POST forms, and is reported through `onChange` for react-hook-form.
 */
export function Picker({
  label,
  source,
  params,
  name,
  value,
  defaultValue,
  initialLabel,
  onChange,
  error,
  placeholder,
  hint,
}: {
  label: string;
  source: "people" | "units";
  /** Extra query parameters of the search (scope, unitId, meetingId). */
  params?: Record<string, string | undefined>;
  name?: string;
  /** The chosen id ("" for none), controlled (react-hook-form): set it from `onChange`. */
  value?: string;
  /** The initially chosen id, uncontrolled (plain forms). */
  defaultValue?: string;
  /** Label of the initially chosen id. */
  initialLabel?: string;
  onChange?: (id: string, option: PickerOption | null) => void;
  error?: string;
  placeholder?: string;
  hint?: string;
}) {
  const t = useT();
  const id = useId();
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;
  const initialId = value ?? defaultValue ?? "";
  const [selected, setSelected] = useState<PickerOption | null>(initialId && initialLabel ? { id: initialId, label: initialLabel } : null);
  const [query, setQuery] = useState(initialLabel ?? "");
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const paramKey = JSON.stringify(params ?? {});

  // A controlled value reset from outside (e.g. the form was reset after saving).
  useEffect(() => {
    if (value !== undefined && value === "" && selected?.id) {
      setSelected(null);
      setQuery("");
    }
  }, [value, selected]);

  async function search(q: string) {
    const mine = ++seq.current;
    setLoading(true);
    const search = new URLSearchParams({ q });
    for (const [k, v] of Object.entries(JSON.parse(paramKey) as Record<string, string | undefined>)) if (v) search.set(k, v);
    try {
      const res = await fetch(`/api/pickers/${source}?${search.toString()}`, { headers: { accept: "application/json" } });
      const data = res.ok ? ((await res.json()) as { items: PickerOption[] }) : { items: [] };
      if (mine !== seq.current) return;
      setOptions(data.items);
      setActive(data.items.length ? 0 : -1);
      setOpen(true);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }

  // Debounced search while typing.
  useEffect(() => {
    if (!open && query === (selected?.label ?? "")) return;
    const timer = setTimeout(() => void search(query === selected?.label ? "" : query), 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- search reads the latest props itself
  }, [query, paramKey]);

  function choose(option: PickerOption | null) {
    setSelected(option);
    setQuery(option?.label ?? "");
    setOpen(false);
    onChange?.(option?.id ?? "", option);
  }

  const describedBy = [error ? errorId : null, statusId].filter(Boolean).join(" ");
  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        placeholder={placeholder ?? t("pickers.typeToSearch")}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          if (e.target.value === "" && selected) choose(null);
        }}
        onFocus={() => {
          if (!open) void search(query === selected?.label ? "" : query);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            if (!open) void search(query === selected?.label ? "" : query);
            else setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open) {
            e.preventDefault();
            if (active >= 0 && options[active]) choose(options[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
            setQuery(selected?.label ?? "");
          }
        }}
      />
      {name ? <input type="hidden" name={name} value={selected?.id ?? ""} /> : null}
      {/* Rendered only while open (the combobox is its only label in the page otherwise). */}
      {open && options.length > 0 ? (
      <ul id={listId} role="listbox" aria-label={label} className="picker-list">
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            {o.label}
            {o.hint ? <span className="muted"> · {o.hint}</span> : null}
          </li>
        ))}
      </ul>
      ) : null}
      <span id={statusId} className="sr-only" aria-live="polite">
        {open && !loading ? (options.length ? t("pickers.results", { count: options.length }) : t("pickers.none")) : ""}
      </span>
      {hint ? <span className="hint">{hint}</span> : null}
      {open && !loading && options.length === 0 ? <p className="muted picker-empty">{t("pickers.none")}</p> : null}
      <p id={errorId} className="field-error" aria-live="polite">
        {error ? t(error) : null}
      </p>
    </div>
  );
}
