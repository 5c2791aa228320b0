import { PublicationPage } from "@/components/complaints/PublicationPage";
import { pageActor } from "@/lib/auth/actor";
import { todayNl } from "@/lib/complaints/service";

/** The monthly complaint figures as the IND publishes them: agents, complaint handlers, supervisors. */
export default async function ComplaintPublicationPage() {
  await pageActor("viewComplaintFigures");
  return <PublicationPage thisYear={Number(todayNl().slice(0, 4))} />;
}
