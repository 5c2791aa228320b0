import { getTranslations } from "next-intl/server";
import { BookingWizard } from "@/components/appointments/BookingWizard";
import { SlotAlertForm } from "@/components/appointments/SlotAlertForm";
import { env } from "@/lib/env";

export async function generateMetadata() {
  const t = await getTranslations("appointments");
  return { title: t("bookTitle") };
}

export default async function BookPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const t = await getTranslations("appointments");
  const sp = await searchParams;
  const persons = Number(sp.persons);
  return (
    <>
      <h1>{t("bookTitle")}</h1>
      <p className="mb-6">{t("bookIntro")}</p>
      <BookingWizard
        holdMinutes={env().APPOINTMENTS_HOLD_MINUTES}
        prefill={{
          product: sp.product && /^[A-Z]{2,5}$/.test(sp.product) ? sp.product : undefined,
          persons: persons >= 1 && persons <= 6 ? persons : undefined,
          desk: sp.desk && /^[A-Z]{2,5}$/.test(sp.desk) ? sp.desk : undefined,
        }}
      />
      <SlotAlertForm />
    </>
  );
}
