import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("a11y"))("title") };
}

export default async function AccessibilityStatementPage() {
  const t = await getTranslations("a11y");
  return (
    <article>
      <h1>{t("title")}</h1>
      <p className="mb-6">{t("intro")}</p>
      <h2>{t("howTitle")}</h2>
      <ul className="mb-6 list-disc pl-6">
        <li>{t("how1")}</li>
        <li>{t("how2")}</li>
        <li>{t("how3")}</li>
        <li>{t("how4")}</li>
      </ul>
      <h2>{t("statusTitle")}</h2>
      <p className="mb-6">{t("status")}</p>
      <h2>{t("contactTitle")}</h2>
      <p>{t("contact")}</p>
    </article>
  );
}
