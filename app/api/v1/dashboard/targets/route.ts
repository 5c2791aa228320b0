import { apiRoute, parseBody } from "@/lib/api/route";
import { targetsSchema } from "@/lib/dashboards/schemas";
import { getTargets, setTargets } from "@/lib/dashboards/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "viewDashboards" }, async () => getTargets());
export const PUT = apiRoute({ permission: "viewDashboards" }, async ({ req, actor }) =>
  setTargets(actor!, await parseBody(req, targetsSchema)),
);
