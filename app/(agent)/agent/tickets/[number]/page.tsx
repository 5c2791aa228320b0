import { notFound } from "next/navigation";
import { TicketView } from "@/components/tickets/TicketView";
import { pageActor } from "@/lib/auth/actor";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  return { title: `KIC-${(await params).number}` };
}

export default async function TicketPage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await pageActor("readTickets");
  const { number } = await params;
  const m = number.match(/^(?:KIC-)?(\d{1,9})$/i);
  if (!m) notFound();
  return <TicketView number={Number(m[1])} me={{ id: actor.id, name: actor.name }} />;
}
