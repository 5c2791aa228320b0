import { getTranslations } from "next-intl/server";
import { NewTicketForm } from "@/components/tickets/NewTicketForm";
import { pageActor } from "@/lib/auth/actor";
import { queuesFor } from "@/lib/auth/roles";

export async function generateMetadata() {
  const t = await getTranslations("tickets");
  return { title: t("newTitle") };
}

export default async function NewTicketPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await pageActor("workTickets");
  const sp = await searchParams;
  return (
    <NewTicketForm queues={queuesFor(actor.role)} customerId={sp.customerId ?? ""} callId={sp.callId ?? ""} subject={sp.subject ?? ""} />
  );
}
