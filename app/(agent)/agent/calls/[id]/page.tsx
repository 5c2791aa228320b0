import { notFound } from "next/navigation";
import { CallDetail } from "@/components/calls/CallDetail";
import { pageActor } from "@/lib/auth/actor";

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  await pageActor("workCalls");
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  return <CallDetail id={Number(id)} />;
}
