import { apiRoute } from "@/lib/api/route";
import { liveCalls } from "@/lib/calls/service";

export const dynamic = "force-dynamic";
export const GET = apiRoute({ permission: "workCalls" }, async ({ actor }) => liveCalls(actor!));
