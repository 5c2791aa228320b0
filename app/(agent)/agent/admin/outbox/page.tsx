import { getTranslations } from "next-intl/server";
import { OutboxAdmin } from "@/components/tickets/OutboxAdmin";
import { pageActor } from "@/lib/auth/actor";

export async function generateMetadata() {
  const t = await getTranslations("tickets");
  return { title: t("outboxTitle") };
}

export default async function OutboxPage() {
  await pageActor("administer");
  return <OutboxAdmin />;
}
