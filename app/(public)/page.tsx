import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="mb-8 text-lg">{t("intro")}</p>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="card" aria-labelledby="book-title">
          <h2 id="book-title">{t("bookTitle")}</h2>
          <p className="mb-4">{t("bookText")}</p>
          <Link href="/afspraak" className="btn">
            {t("bookCta")}
          </Link>
        </section>
        <section className="card" aria-labelledby="complaint-title">
          <h2 id="complaint-title">{t("complaintTitle")}</h2>
          <p className="mb-4">{t("complaintText")}</p>
          <div className="flex flex-wrap gap-3">
            <Link href="/klacht" className="btn">
              {t("complaintCta")}
            </Link>
            <Link href="/klacht/status" className="btn-secondary">
              {t("statusCta")}
            </Link>
          </div>
        </section>
      </div>
      <p className="mt-10">
        {t("staff")} <Link href="/login">{t("staffCta")}</Link>
      </p>
    </>
  );
}
