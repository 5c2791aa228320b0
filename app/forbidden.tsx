import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl px-4 py-8">
      <h1>{t("title")}</h1>
      <p className="mb-4">{t("text")}</p>
      <Link href="/agent">{t("back")}</Link>
    </main>
  );
}
