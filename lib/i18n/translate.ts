import { messages } from "@/messages";
import type { Locale } from "@/lib/time";

export type { Locale };
export const LOCALES: Locale[] = ["id", "en"];
export const DEFAULT_LOCALE: Locale = "id";
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

function lookup(dict: unknown, key: string): string | undefined {
  let node: unknown = dict;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** t("auth.throttled", { minutes: 5 }); a missing key falls back to Indonesian, then to the key itself. */
export function createT(locale: Locale): Translate {
  return (key, vars) => {
    const text = lookup(messages[locale], key) ?? lookup(messages.id, key) ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

export function isLocale(value: unknown): value is Locale {
  return value === "id" || value === "en";
}
