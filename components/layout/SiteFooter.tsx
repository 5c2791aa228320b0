import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="mt-12 border-t border-gray-300 bg-rijks-light">
      <div className="mx-auto flex max-w-7xl flex-wrap gap-6 px-4 py-6 text-sm">
        <Link href="/">{t("footerHome")}</Link>
        <Link href="/toegankelijkheid">{t("footerAccessibility")}</Link>
      </div>
    </footer>
  );
}
