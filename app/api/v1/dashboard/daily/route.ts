import { apiRoute, parseQuery } from "@/lib/api/route";
import { dailyQuery } from "@/lib/dashboards/schemas";
import { dashboardDaily } from "@/lib/dashboards/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "viewDashboards" }, async ({ url, actor }) =>
  dashboardDaily(actor!, parseQuery(url, dailyQuery)),
);
