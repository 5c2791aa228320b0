import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { StatusLookup } from "@/components/complaints/StatusLookup";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints");
  return { title: t("status.title") };
}

export default function ComplaintStatusPage() {
  return (
    <ClientMessages namespaces={["complaints"]}>
      <StatusLookup />
    </ClientMessages>
  );
}
