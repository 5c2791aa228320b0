import { AnnualReport } from "@/components/dashboards/AnnualReport";
import { pageActor } from "@/lib/auth/actor";
import { NL_TZ, todayIn } from "@/lib/calendar/time";

export default async function ReportPage() {
  await pageActor("viewDashboards");
  // The last complete year by default.
  const year = Number(todayIn(NL_TZ).slice(0, 4)) - 1;
  return <AnnualReport initialYear={year} />;
}
