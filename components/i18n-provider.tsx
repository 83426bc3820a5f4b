"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { makeT, type Translate } from "@/lib/i18n/make-t";
import type { Locale } from "@/lib/time";
import { messages } from "@/messages";

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: "id", t: (key) => key });

/**
 * The messages travel in a JavaScript chunk the browser caches once, not in every page's HTML: passed
 * as a prop from the layout they were ≈35 KB of every response (measured on /dashboard).
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: makeT(messages[locale], messages.id) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT() {
  return useContext(I18nContext).t;
}

export function useLocale() {
  return useContext(I18nContext).locale;
}
