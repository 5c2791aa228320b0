import { getTranslations } from "next-intl/server";
import { ManageAppointment } from "@/components/appointments/ManageAppointment";
import { Alert } from "@/components/ui";
import { paramsValid } from "@/lib/api/params";
import { prefetch, Prefetched } from "@/lib/api/prefetch";
import { appointmentEndpoint, getAppointment } from "@/lib/appointments";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("appointments");
  return { title: t("manageTitle") };
}

/**
 * The manage page of the email link. The appointment is prefetched with the link's token (the same check
 * as the API: a wrong token finds nothing), so the page shows it at first paint.
 */
export default async function ManagePage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const t = await getTranslations("appointments");
  const raw = await params;
  const { token } = await searchParams;
  const reference = decodeURIComponent(raw.reference);
  const usable = !!token && token.length >= 16 && token.length <= 200 && paramsValid({ reference: "appointmentReference" }, raw);
  return (
    <>
      <h1>{t("manageTitle")}</h1>
      {token ? (
        <ClientMessages namespaces={["appointments"]}>
          <Prefetched
            queries={
              usable
                ? [prefetch(appointmentEndpoint, { params: { reference }, query: { token } }, () => getAppointment(reference, { token }))]
                : []
            }
          >
            <ManageAppointment reference={reference} token={token} />
          </Prefetched>
        </ClientMessages>
      ) : (
        <Alert type="error">
          <p>{t("manageNoToken")}</p>
        </Alert>
      )}
    </>
  );
}
