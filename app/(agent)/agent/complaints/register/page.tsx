import { RegisterPage } from "@/components/complaints/RegisterPage";
import { pageActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { todayNl } from "@/lib/complaints/service";

export default async function ComplaintRegisterPage() {
  const actor = await pageActor("handleComplaints");
  return <RegisterPage thisYear={Number(todayNl().slice(0, 4))} canImport={can(actor, "importData")} />;
}
