import { getLocale, getT } from "@/lib/i18n/server";
import { setLocale } from "./locale-action";

export async function LanguageSwitch() {
  const [locale, t] = [await getLocale(), await getT()];
  const other = locale === "id" ? "en" : "id";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className="link-button" aria-label={`${t("nav.language")}: ${other === "en" ? "English" : "Bahasa Indonesia"}`} lang={other}>
        {other === "en" ? "English" : "Bahasa Indonesia"}
      </button>
    </form>
  );
}
