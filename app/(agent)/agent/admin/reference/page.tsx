import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { reference } from "@/lib/appointments/config";
import { pageActor } from "@/lib/auth/actor";

export const dynamic = "force-dynamic";

/** Admins: the desks and products; opening hours, places and closures are edited in the desk's capacity editor. */
export default async function ReferencePage() {
  await pageActor("administer");
  const t = await getTranslations("appointments");
  const locale = await getLocale();
  const { desks, products } = await reference({ fresh: true });
  return (
    <>
      <h1>{t("referenceTitle")}</h1>
      <h2>{t("desks")}</h2>
      <div className="mb-8 overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("code")}</th>
              <th scope="col">{t("desk")}</th>
              <th scope="col">{t("timeZone")}</th>
              <th scope="col">{t("products")}</th>
              <th scope="col">{t("slotMinutes")}</th>
              <th scope="col">{t("horizonDays")}</th>
              <th scope="col">{t("minNoticeDays")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {[...desks.values()].map((d) => (
              <tr key={d.code}>
                <td>{d.code}</td>
                <td>{locale === "en" ? d.nameEn : d.nameNl}</td>
                <td>{d.timeZone}</td>
                <td>{d.products.join(", ")}</td>
                <td>{d.slotMinutes}</td>
                <td>{d.horizonDays}</td>
                <td>{d.minNoticeDays}</td>
                <td>
                  <Link href={`/agent/desk?desk=${d.code}`}>
                    {t("editCapacity")}
                    <span className="sr-only"> {d.code}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("products")}</h2>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("code")}</th>
              <th scope="col">Nederlands</th>
              <th scope="col">English</th>
              <th scope="col">{t("minutesPerPerson")}</th>
            </tr>
          </thead>
          <tbody>
            {[...products.values()].map((p) => (
              <tr key={p.key}>
                <td>{p.key}</td>
                <td>{p.nameNl}</td>
                <td>{p.nameEn}</td>
                <td>{p.minutesPerPerson}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
