import { getTranslations } from "next-intl/server";
import { PrivacyAdmin } from "@/components/admin/PrivacyAdmin";
import { pageActor } from "@/lib/auth/actor";

export async function generateMetadata() {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

/** Admins: subject-access and erasure requests (AVG art. 15, 17), retention periods and runs. */
export default async function PrivacyPage() {
  await pageActor("administer");
  return <PrivacyAdmin />;
}
