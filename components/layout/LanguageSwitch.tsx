import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/i18n/actions";

/** NL/EN switch on every page: a plain form, so it works with the keyboard and without JavaScript. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const other = locale === "nl" ? "en" : "nl";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className="btn-secondary px-3 py-1 text-sm" lang={other} aria-label={t("switchToLabel")}>
        {t("switchTo")}
      </button>
    </form>
  );
}
