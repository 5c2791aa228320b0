import { apiRoute } from "@/lib/api/route";
import { ctiAdmin } from "@/lib/calls/admin";

export const GET = apiRoute({ permission: "administer" }, async ({ actor }) => ctiAdmin(actor!));
