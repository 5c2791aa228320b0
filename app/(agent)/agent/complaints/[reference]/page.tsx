import { ComplaintFile } from "@/components/complaints/ComplaintFile";
import { pageActor } from "@/lib/auth/actor";
import { todayNl } from "@/lib/complaints/service";

export default async function ComplaintFilePage({ params }: { params: Promise<{ reference: string }> }) {
  const actor = await pageActor("handleComplaints");
  const { reference } = await params;
  // Supervisors read and reassign; the handlers take the steps.
  return <ComplaintFile reference={decodeURIComponent(reference)} canAct={actor.role !== "supervisor"} today={todayNl()} />;
}
