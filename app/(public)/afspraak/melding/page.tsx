import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Where the confirm / unsubscribe links of slot-alert emails land (the API did the work and redirected here). */
export default async function AlertResultPage({ searchParams }: { searchParams: Promise<{ result?: string }> }) {
  const t = await getTranslations("appointments");
  const { result } = await searchParams;
  const key = result === "confirmed" ? "alertConfirmed" : result === "unsubscribed" ? "alertUnsubscribed" : "alertInvalid";
  return (
    <>
      <h1>{t("alertTitle")}</h1>
      <p role="status">{t(key)}</p>
      <p className="mt-4">
        <Link href="/afspraak">{t("bookTitle")}</Link>
      </p>
    </>
  );
}
