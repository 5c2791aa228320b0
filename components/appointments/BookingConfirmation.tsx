"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Card, Heading, Link } from "@/components/ui";
import type { AppointmentView } from "@/lib/appointments/contract";

/** The last step: the reference, what/where/when/who, the email sent, and the calendar file. */
export function BookingConfirmation({ a }: { a: AppointmentView }) {
  const t = useTranslations("appointments");
  const locale = useLocale();
  const fmt = useFormatter();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <Card labelledBy="done-title">
      <Heading level={2} id="done-title" ref={title} tabIndex={-1}>
        {t("doneTitle")}
      </Heading>
      <p>
        {t("yourReference")}{" "}
        <strong className="text-xl" data-testid="reference">
          {a.reference}
        </strong>
      </p>
      <dl className="my-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("what")}</dt>
        <dd>{locale === "en" ? a.productName.en : a.productName.nl}</dd>
        <dt className="font-semibold">{t("where")}</dt>
        <dd>
          {locale === "en" ? a.deskName.en : a.deskName.nl}, {a.address}
        </dd>
        <dt className="font-semibold">{t("when")}</dt>
        <dd>
          {fmt.dateTime(new Date(`${a.date}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" })}, {a.startTime}–{a.endTime}
        </dd>
        <dt className="font-semibold">{t("persons")}</dt>
        <dd>{a.persons.map((p) => p.name).join(", ")}</dd>
      </dl>
      <p role="status">{a.email ? t("emailSent", { email: a.email }) : t("noEmail")}</p>
      {a.icsUrl ? (
        <p className="mt-4">
          <Link button href={a.icsUrl}>
            {t("addToCalendar")}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
