import { apiRoute } from "@/lib/api/route";
import { listHandlers } from "@/lib/complaints/service";

export const GET = apiRoute({ permission: "handleComplaints" }, async ({ actor }) => listHandlers(actor));
