import { cookies } from "next/headers";
import { cache } from "react";
import { DEFAULT_LOCALE, createT, isLocale, type Locale } from "./translate";

export const LOCALE_COOKIE = "locale";

export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
});

export async function getT() {
  return createT(await getLocale());
}
