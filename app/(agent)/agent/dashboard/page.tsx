import { PeriodView } from "@/components/dashboards/PeriodView";
import { pageActor } from "@/lib/auth/actor";
import { defaultRange } from "@/lib/dashboards/service";

export default async function DashboardPage() {
  await pageActor("viewDashboards");
  const { from, to } = defaultRange();
  return <PeriodView initialFrom={from} initialTo={to} />;
}
