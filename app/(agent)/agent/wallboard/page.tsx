import { Wallboard } from "@/components/dashboards/Wallboard";
import { pageActor } from "@/lib/auth/actor";

export default async function WallboardPage() {
  await pageActor("viewDashboards");
  return <Wallboard />;
}
