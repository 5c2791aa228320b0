import { apiRoute } from "@/lib/api/route";
import { wallboard } from "@/lib/dashboards/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "viewDashboards" }, async ({ actor }) => wallboard(actor!));
