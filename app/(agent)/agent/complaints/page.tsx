import { redirect } from "next/navigation";
import { Tracker } from "@/components/complaints/Tracker";
import { pageActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";

export default async function ComplaintsPage() {
  const actor = await pageActor("registerComplaint");
  // Agents who only register (frontdesk, backoffice) go straight to the registration form.
  if (!can(actor, "handleComplaints")) redirect("/agent/complaints/new");
  return <Tracker canImport={can(actor, "importData")} />;
}
