import { getTranslations } from "next-intl/server";
import { BookingWizard } from "@/components/appointments/BookingWizard";
import { SlotAlertForm } from "@/components/appointments/SlotAlertForm";
import { prefetch, Prefetched } from "@/lib/api/prefetch";
import { productsEndpoint, publicProducts } from "@/lib/appointments";
import { env } from "@/lib/env";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("appointments");
  return { title: t("bookTitle") };
}

/** The public booking flow; the products are prefetched, so step 1 shows its choices at first paint. */
export default async function BookPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const t = await getTranslations("appointments");
  const sp = await searchParams;
  const persons = Number(sp.persons);
  return (
    <>
      <h1>{t("bookTitle")}</h1>
      <p className="mb-6">{t("bookIntro")}</p>
      <ClientMessages namespaces={["appointments"]}>
        <Prefetched queries={[prefetch(productsEndpoint, {}, publicProducts)]}>
          <BookingWizard
            holdMinutes={env().APPOINTMENTS_HOLD_MINUTES}
            prefill={{
              product: sp.product && /^[A-Z]{2,5}$/.test(sp.product) ? sp.product : undefined,
              persons: persons >= 1 && persons <= 6 ? persons : undefined,
              desk: sp.desk && /^[A-Z]{2,5}$/.test(sp.desk) ? sp.desk : undefined,
            }}
          />
          <SlotAlertForm />
        </Prefetched>
      </ClientMessages>
    </>
  );
}
