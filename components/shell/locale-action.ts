"use server";

import { cookies } from "next/headers";
import { isLocale } from "@/lib/i18n/translate";
import { LOCALE_COOKIE } from "@/lib/i18n/server";
import { arg, serverAction } from "@/lib/server-action";

/** Switches the interface language (a cookie; no account needed, so the sign-in page has it too). */
export const setLocale = serverAction([arg.formData], async function setLocale(formData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}, undefined);
