import { apiRoute, parseQuery } from "@/lib/api/route";
import { rangeQuery } from "@/lib/dashboards/schemas";
import { dashboardSeries } from "@/lib/dashboards/service";

export const dynamic = "force-dynamic";

/** The period view's email, complaint and desk series (the calls series is /dashboard/daily). */
export const GET = apiRoute({ permission: "viewDashboards" }, async ({ url, actor }) =>
  dashboardSeries(actor!, parseQuery(url, rangeQuery)),
);
