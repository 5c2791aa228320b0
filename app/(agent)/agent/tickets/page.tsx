import { getTranslations } from "next-intl/server";
import { TicketInbox } from "@/components/tickets/TicketInbox";
import { pageActor } from "@/lib/auth/actor";
import { queuesFor } from "@/lib/auth/roles";

export async function generateMetadata() {
  const t = await getTranslations("tickets");
  return { title: t("inboxTitle") };
}

export default async function TicketsPage() {
  const actor = await pageActor("workTickets");
  return <TicketInbox queues={queuesFor(actor.role)} />;
}
