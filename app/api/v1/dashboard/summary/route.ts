import { apiRoute, parseQuery } from "@/lib/api/route";
import { rangeQuery } from "@/lib/dashboards/schemas";
import { dashboardSummary } from "@/lib/dashboards/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "viewDashboards" }, async ({ url, actor }) =>
  dashboardSummary(actor!, parseQuery(url, rangeQuery)),
);
