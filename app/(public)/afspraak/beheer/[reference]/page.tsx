import { getTranslations } from "next-intl/server";
import { ManageAppointment } from "@/components/appointments/ManageAppointment";

export async function generateMetadata() {
  const t = await getTranslations("appointments");
  return { title: t("manageTitle") };
}

export default async function ManagePage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const t = await getTranslations("appointments");
  const { reference } = await params;
  const { token } = await searchParams;
  return (
    <>
      <h1>{t("manageTitle")}</h1>
      {token ? (
        <ManageAppointment reference={decodeURIComponent(reference)} token={token} />
      ) : (
        <p role="alert" className="field-error">
          {t("manageNoToken")}
        </p>
      )}
    </>
  );
}
