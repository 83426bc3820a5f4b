import { messages } from "@/messages";
import type { Locale } from "@/lib/time";
import { makeT, type Translate } from "./make-t";

export type { Locale, Translate };
export const DEFAULT_LOCALE: Locale = "id";

/** t("auth.throttled", { minutes: 5 }); a missing key falls back to Indonesian, then to the key itself. */
export function createT(locale: Locale): Translate {
  return makeT(messages[locale], messages.id);
}

export function isLocale(value: unknown): value is Locale {
  return value === "id" || value === "en";
}
