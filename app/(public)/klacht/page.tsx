import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { ComplaintForm } from "@/components/complaints/ComplaintForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints");
  return { title: t("form.title") };
}

export default function ComplaintPage() {
  return (
    <ClientMessages namespaces={["complaints"]}>
      <ComplaintForm />
    </ClientMessages>
  );
}
