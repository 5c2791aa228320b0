"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { AppointmentView } from "@/lib/appointments/contract";

export function AppointmentDetails({ a }: { a: AppointmentView }) {
  const t = useTranslations("appointments");
  const locale = useLocale();
  const fmt = useFormatter();
  return (
    <dl className="my-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      <dt className="font-semibold">{t("reference")}</dt>
      <dd data-testid="manage-reference">{a.reference}</dd>
      <dt className="font-semibold">{t("status")}</dt>
      <dd data-testid="manage-status">{t(`statuses.${a.status}`)}</dd>
      <dt className="font-semibold">{t("what")}</dt>
      <dd>{locale === "en" ? a.productName.en : a.productName.nl}</dd>
      <dt className="font-semibold">{t("where")}</dt>
      <dd>
        {locale === "en" ? a.deskName.en : a.deskName.nl}, {a.address}
      </dd>
      <dt className="font-semibold">{t("when")}</dt>
      <dd data-testid="manage-when">
        {fmt.dateTime(new Date(`${a.date}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" })}, {a.startTime}–{a.endTime}
      </dd>
      <dt className="font-semibold">{t("persons")}</dt>
      <dd>{a.persons.map((p) => p.name).join(", ")}</dd>
    </dl>
  );
}
