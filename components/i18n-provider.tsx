"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { makeT, type Translate } from "@/lib/i18n/make-t";
import type { Locale } from "@/lib/time";

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: "id", t: (key) => key });

/** The current language's messages come from the server (not bundled into every page's JS). */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: unknown; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: makeT(messages) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT() {
  return useContext(I18nContext).t;
}

export function useLocale() {
  return useContext(I18nContext).locale;
}
